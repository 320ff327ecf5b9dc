#!/usr/bin/env python3
"""Converts classic UCI classification sets from R's mlbench package (.rda files) into nnsweep's CSV format.

Usage: import_mlbench.py <mlbench data dir> <output dir>   (data/import-mlbench.sh fetches the package and calls it)

Reads the .rda files with the `rdata` package (no R needed). Every set is converted by the same rules, applied in
column order and keeping the row order of the source:
  - numeric columns: copied; written in the shortest form that reads back to the same double (integers without ".0");
  - in a set marked "scores" (BreastCancer: nine cytology scores 1..10 stored as factors): a factor's level number;
  - a factor with levels exactly "0", "1": that 0/1 value, under the column's own name;
  - any other factor with 2 levels: one 0/1 column `<name>_<second level>`;
  - a factor with more levels: one 0/1 column per level, `<name>_<level>` (one-hot);
  - a missing value in a factor: its encoded columns all 0, plus a 0/1 column `<name>_missing` (only for columns that
    have missing values); rows are dropped instead where the per-set policy below says so;
  - columns constant over the rows kept are dropped (after encoding);
  - the class: two classes -> one 0/1 target `<class column>_<second level>` (one sigmoid output, like
    breast-cancer.csv); more -> one-hot targets `<class column>_<level>` in the factor's level order.
Names: every character other than letters, digits and '_' becomes '_'.
Each set's expected shape (rows, inputs, outputs) is checked; a mismatch stops the script.
"""
import math
import os
import re
import sys
import warnings

import pandas as pd
import rdata

warnings.filterwarnings("ignore")

# name in data/, .rda name, class column, columns dropped, rows with missing values dropped?, factor levels are
# scores (numbers)?, expected (rows, inputs, outputs)
SETS = [
    ("sonar", "Sonar", "Class", [], False, False, (208, 60, 1)),
    ("ionosphere", "Ionosphere", "Class", [], False, False, (351, 33, 1)),
    ("pima-diabetes", "PimaIndiansDiabetes", "diabetes", [], False, False, (768, 8, 1)),
    ("glass", "Glass", "Type", [], False, False, (214, 9, 6)),
    ("vehicle", "Vehicle", "Class", [], False, False, (846, 18, 4)),
    ("vowel", "Vowel", "Class", [], False, False, (990, 24, 11)),
    ("satellite", "Satellite", "classes", [], False, False, (6435, 36, 6)),
    ("letter", "LetterRecognition", "lettr", [], False, False, (20000, 16, 26)),
    ("shuttle", "Shuttle", "Class", [], False, False, (58000, 9, 7)),
    ("dna", "DNA", "Class", [], False, False, (3186, 180, 3)),
    ("breast-cancer-wisconsin", "BreastCancer", "Class", ["Id"], True, True, (683, 9, 1)),
    ("house-votes", "HouseVotes84", "Class", [], False, False, (435, 32, 1)),
    ("soybean", "Soybean", "Class", [], False, False, (683, 117, 19)),
]


def clean(name):
    return re.sub(r"[^A-Za-z0-9_]", "_", str(name))


def number(v):
    """Shortest text that reads back to the same double; integers without a decimal point."""
    v = float(v)
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return repr(v)


def encode(col, s, scores):
    """The encoded columns of one input column: a list of (name, list of floats)."""
    if not isinstance(s.dtype, pd.CategoricalDtype):
        values = pd.to_numeric(s, errors="raise").astype(float)
        if values.isna().any():
            raise SystemExit(f"import_mlbench: numeric column {col} has missing values; no policy for it")
        return [(clean(col), list(values))]
    levels = [str(l) for l in s.cat.categories]
    codes = list(s.cat.codes)  # -1 = missing
    missing = any(c < 0 for c in codes)
    if scores and all(re.fullmatch(r"[0-9]+", l) for l in levels):
        if missing:
            raise SystemExit(f"import_mlbench: score column {col} has missing values; drop the rows")
        out = [(clean(col), [float(c + 1) for c in codes])]
    elif levels == ["0", "1"] or levels == ["0"] or levels == ["1"]:
        out = [(clean(col), [float(levels[c]) if c >= 0 else 0.0 for c in codes])]
    elif len(levels) == 2:
        out = [(clean(f"{col}_{levels[1]}"), [1.0 if c == 1 else 0.0 for c in codes])]
    else:
        out = [(clean(f"{col}_{l}"), [1.0 if c == i else 0.0 for c in codes]) for i, l in enumerate(levels)]
    if missing:
        out.append((clean(f"{col}_missing"), [1.0 if c < 0 else 0.0 for c in codes]))
    return out


def convert(src, name, rda, target, dropped, drop_na, scores, shape, out):
    frame = list(rdata.read_rda(os.path.join(src, rda + ".rda")).values())[0]
    frame = frame.drop(columns=dropped)
    if drop_na:
        frame = frame[~frame.isna().any(axis=1)]
    frame = frame.reset_index(drop=True)
    y = frame[target]
    if y.isna().any():
        raise SystemExit(f"import_mlbench: {rda}: class column {target} has missing values")
    columns = []
    for col in frame.columns:
        if col != target:
            columns.extend(encode(col, frame[col], scores))
    columns = [(n, v) for n, v in columns if len(set(v)) > 1]  # constant columns carry nothing
    levels = [str(l) for l in y.cat.categories]
    used = [l for l in levels if (y.astype(str) == l).any()]
    if used != levels:
        raise SystemExit(f"import_mlbench: {rda}: class levels without rows: {sorted(set(levels) - set(used))}")
    codes = list(y.cat.codes)
    if len(levels) == 2:
        targets = [(clean(f"{target}_{levels[1]}"), [1.0 if c == 1 else 0.0 for c in codes])]
    else:
        targets = [(clean(f"{target}_{l}"), [1.0 if c == i else 0.0 for c in codes]) for i, l in enumerate(levels)]
    names = [n for n, _ in columns + targets]
    if len(set(names)) != len(names):
        raise SystemExit(f"import_mlbench: {rda}: duplicate column names after cleaning")
    rows, inputs, outputs = len(frame), len(columns), len(targets)
    found = (rows, inputs, outputs)
    if found != (shape[0], shape[1] or inputs, shape[2]):
        raise SystemExit(f"import_mlbench: {rda}: expected {shape} rows, inputs, outputs, found {found}")
    cells = [[number(v) for v in values] for _, values in columns + targets]
    with open(os.path.join(out, name + ".csv"), "w", newline="\n") as f:
        f.write(",".join(names) + "\n")
        for r in range(rows):
            f.write(",".join(c[r] for c in cells) + "\n")
    print(f"wrote {name}.csv: {rows} rows, {inputs} inputs, {outputs} outputs")


def main():
    src, out = sys.argv[1], sys.argv[2]
    for s in SETS:
        convert(src, *s, out)


if __name__ == "__main__":
    main()
