#!/usr/bin/env bash
# Re-creates data/wine.csv, data/breast-cancer.csv and data/digits.csv from Debian's python3-sklearn package
# (no install: apt-get download + dpkg -x). Sources: sklearn/datasets/data/wine_data.csv, breast_cancer.csv and
# digits.csv.gz (UCI copies; see data/README.md). Feature values are copied unchanged (raw units; a study scales
# them with `scale`); column names are scikit-learn's feature_names with spaces and '/' as '_'.
#   wine:          13 inputs -> 3 one-hot targets class_0, class_1, class_2
#   breast cancer: 30 inputs -> 1 target benign (1 = benign, 0 = malignant: scikit-learn's target coding)
#   digits:        64 inputs pixel_R_C (8x8 image, 0..16) -> 10 one-hot targets digit_0 .. digit_9
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download python3-sklearn >/dev/null && dpkg -x python3-sklearn_*.deb x)
src="$tmp/x/usr/lib/python3/dist-packages/sklearn/datasets/data"
python3 - "$src" "$here" <<'PY'
import gzip, os, sys
src, out = sys.argv[1], sys.argv[2]

def write(name, header, rows):
    with open(os.path.join(out, name), "w", newline="\n") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(r) + "\n")
    print(f"wrote {name}: {len(rows)} rows, {len(header)} columns")

def onehot(label, k):
    return ["1" if int(label) == c else "0" for c in range(k)]

def table(text):
    lines = [l.split(",") for l in text.split("\n") if l.strip()]
    return lines[0], lines[1:]

# wine_data.csv: first line "178,13,class_0,class_1,class_2", then 13 values and the class 0..2
head, rows = table(open(os.path.join(src, "wine_data.csv")).read())
assert head == ["178", "13", "class_0", "class_1", "class_2"], head
assert len(rows) == 178 and all(len(r) == 14 for r in rows)
wine = ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
        "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280_od315_of_diluted_wines",
        "proline"]
write("wine.csv", wine + ["class_0", "class_1", "class_2"], [r[:13] + onehot(r[13], 3) for r in rows])

# breast_cancer.csv: first line "569,30,malignant,benign", then 30 values and the class (0 malignant, 1 benign)
head, rows = table(open(os.path.join(src, "breast_cancer.csv")).read())
assert head == ["569", "30", "malignant", "benign"], head
assert len(rows) == 569 and all(len(r) == 31 and r[30] in ("0", "1") for r in rows)
kinds = ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity", "concave_points",
         "symmetry", "fractal_dimension"]
cancer = ["mean_" + k for k in kinds] + [k + "_error" for k in kinds] + ["worst_" + k for k in kinds]
write("breast-cancer.csv", cancer + ["benign"], rows)

# digits.csv.gz: no header, 64 pixel counts then the digit 0..9
rows = [l.split(",") for l in gzip.open(os.path.join(src, "digits.csv.gz"), "rt").read().split("\n") if l.strip()]
assert len(rows) == 1797 and all(len(r) == 65 for r in rows)
pixels = [f"pixel_{r}_{c}" for r in range(8) for c in range(8)]
rows = [[str(int(float(v))) for v in r[:64]] + onehot(int(float(r[64])), 10) for r in rows]
write("digits.csv", pixels + [f"digit_{d}" for d in range(10)], rows)
PY
