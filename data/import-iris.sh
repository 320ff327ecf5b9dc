#!/usr/bin/env bash
# Re-creates data/iris.csv from Debian's python3-sklearn package (no install: apt-get download + dpkg -x).
# Source: sklearn/datasets/data/iris.csv (Fisher 1936, as in R; see data/README.md). Inputs are the four
# measurements in cm; the class becomes three one-hot targets setosa, versicolor, virginica.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download python3-sklearn >/dev/null && dpkg -x python3-sklearn_*.deb x)
src="$tmp/x/usr/lib/python3/dist-packages/sklearn/datasets/data/iris.csv"
python3 - "$src" "$here/iris.csv" <<'PY'
import sys
src, out = sys.argv[1], sys.argv[2]
lines = open(src).read().split("\n")
n, features, *classes = lines[0].split(",")
assert classes == ["setosa", "versicolor", "virginica"], classes
with open(out, "w", newline="\n") as f:
    f.write("sepal_length,sepal_width,petal_length,petal_width,setosa,versicolor,virginica\n")
    rows = [l.split(",") for l in lines[1:] if l.strip()]
    assert len(rows) == int(n) == 150
    for r in rows:
        onehot = ["1" if int(r[4]) == k else "0" for k in range(3)]
        f.write(",".join(r[:4] + onehot) + "\n")
PY
echo "wrote $here/iris.csv"
