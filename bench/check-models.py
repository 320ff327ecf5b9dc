#!/usr/bin/env python3
"""Independent check of a run's saved models (docs/models.md), with json, csv, numpy and onnxruntime only.

  bench/check-models.py OUT_DIR [PREDICT_DIR ...]

For every row of OUT_DIR/models/index.csv: the JSON's forward pass (numpy) and the ONNX file (onnxruntime) agree on
every row of the dataset's CSV file to 1e-12; the index row names the network of results.csv it says; for a dataset
without test split or folds, the JSON's weights reproduce results.csv's final_error from the raw rows to 1e-12
relative. Each PREDICT_DIR holds a predictions.csv that `./submit.sh predict` wrote for one saved model on its
dataset's CSV file (its first line of output says which): its outputs and labels must be the JSON's.
Exits 1 on the first disagreement. The dataset paths are read from run.json, relative to the current folder.
"""
import csv
import json
import os
import sys

import numpy as np
import onnx
import onnxruntime as ort


def forward(m, x):
    a = (x - np.array(m["scaling"]["center"])) / np.array(m["scaling"]["scale"])
    for layer in ([m["hidden"]] if m["hidden"] else []) + [m["output"]]:
        w = np.array(layer["weights"])
        b = np.zeros(w.shape[1]) if layer["bias"] is None else np.array(layer["bias"])
        a = 1 / (1 + np.exp(-(a @ w + b)))
    return a


def label(m, o):
    if o.shape[1] == 1:
        return ["1" if v >= 0.5 else "0" for v in o[:, 0]]
    if m["one_hot"]:
        return [str(k) for k in o.argmax(axis=1)]
    return [";".join("1" if v >= 0.5 else "0" for v in row) for row in o]


def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], np.array([[float(v) for v in r] for r in rows[1:] if r])


def fail(msg):
    print("check-models: FAILED: " + msg)
    sys.exit(1)


def main(out, predict_dirs):
    run = json.load(open(os.path.join(out, "run.json")))
    specs = {d["name"]: d for d in run["study"]["datasets"]}
    results = {r["network_id"]: r for r in csv.DictReader(open(os.path.join(out, "results.csv")))}
    index = list(csv.DictReader(open(os.path.join(out, "models", "index.csv"))))
    models = {}
    for row in index:
        spec = specs[row["dataset"]]
        m = json.load(open(os.path.join(out, "models", row["json"])))
        models[m["network_id"]] = (m, spec)
        r = results[row["network_id"]]
        for col in ("dataset", "model", "hidden", "learning_rate", "epochs", "bias", "seed", "init"):
            if r[col] != row[col]:
                fail("%s: %s is %s in index.csv, %s in results.csv" % (row["json"], col, row[col], r[col]))
        header, data = read_csv(spec["path"])
        k = spec["outputs"]
        if header[:-k] != m["inputs"] or header[-k:] != m["outputs"]:
            fail("%s: columns %s, the file has %s" % (row["json"], m["inputs"] + m["outputs"], header))
        x, t = data[:, :-k], data[:, -k:]
        o = forward(m, x)
        path = os.path.join(out, "models", row["onnx"])
        onnx.checker.check_model(onnx.load(path), full_check=True)
        y = ort.InferenceSession(path).run(None, {"x": x})[0]
        if not np.allclose(o, y, rtol=0, atol=1e-12):
            fail("%s: ONNX and JSON differ by %g" % (row["onnx"], np.abs(o - y).max()))
        whole = not spec.get("test-fraction") and not spec.get("folds")
        if whole:
            e = 0.5 * ((o - t) ** 2).sum()
            fe = float(r["final_error"])
            if abs(e - fe) > 1e-12 * abs(fe):
                fail("%s: final_error %r from the JSON, %r in results.csv" % (row["json"], e, fe))
        print("check-models: %s: ONNX = JSON on %d rows (max diff %.1e)%s" % (
            row["json"], len(x), np.abs(o - y).max(),
            ", final_error reproduced (rel. diff %.1e)" % (abs(e - fe) / max(abs(fe), 1e-300)) if whole
            else " (test split/folds: final_error is checked by ModelsJobTest)"))
    for d in predict_dirs:
        lines = list(csv.DictReader(open(os.path.join(d, "predictions.csv"))))
        # the model whose outputs these are: the one that matches the first row
        matched = False
        for m, spec in models.values():
            header, data = read_csv(spec["path"])
            if len(data) != len(lines):
                continue
            o = forward(m, data[:, :-spec["outputs"]])
            got = np.array([[float(l["output_%d" % j]) for j in range(o.shape[1])] for l in lines]) \
                if "output_%d" % (o.shape[1] - 1) in lines[0] and "output_%d" % o.shape[1] not in lines[0] else None
            if got is not None and np.allclose(o, got, rtol=0, atol=1e-12):
                if [l["label"] for l in lines] != label(m, o):
                    fail("%s: labels differ from the JSON's" % d)
                print("check-models: %s: predict = JSON of network %d on %d rows (max diff %.1e)" % (
                    d, m["network_id"], len(lines), np.abs(o - got).max()))
                matched = True
                break
        if not matched:
            fail("%s: matches no saved model's outputs" % d)
    print("check-models: OK, %d models" % len(index))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    main(sys.argv[1], sys.argv[2:])
