#!/usr/bin/env python3
"""Makes real-cases.json: reference cases the size of real datasets (hundreds of rows, tens of inputs, several
outputs; two with thousands of rows and up to 26 outputs), for the matrix-product kernel; results filled in by
oracle.py.

usage: python3 make_real_cases.py > real-cases.json   (deterministic: numpy's seeded RandomState; the oracle's
results may differ in the last bit with another NumPy or BLAS: the committed file keeps the first six cases as made
with an earlier NumPy, and the two 1,300- and 2,000-row cases as made with NumPy 2.4.6)
"""
import json, subprocess, sys, os
import numpy as np

rs = np.random.RandomState(20261201)

def data(rows, inputs, outputs, one_hot):
    X = rs.uniform(0, 1, size=(rows, inputs)).round(4)
    # targets from a random linear rule, so the data can be learned
    scores = X @ rs.normal(size=(inputs, outputs)) + rs.normal(scale=0.3, size=(rows, outputs))
    if one_hot:
        T = np.eye(outputs, dtype=int)[scores.argmax(axis=1)]
    else:
        T = (scores > np.median(scores, axis=0)).astype(int)
    return X.tolist(), T.tolist()

def w(r, c, a): return rs.uniform(-a, a, size=(r, c)).round(6).tolist()
def v(n, a): return rs.uniform(-a, a, size=n).round(6).tolist()

def case(name, rows, inputs, hidden, outputs, bias, one_hot, lr, epochs):
    X, T = data(rows, inputs, outputs, one_hot)
    if hidden == 0:
        init = {"W": w(inputs, outputs, 0.3)}
        if bias: init["b"] = v(outputs, 0.3)
    else:
        init = {"Wh": w(inputs, hidden, 0.5), "Wo": w(hidden, outputs, 0.5)}
        if bias: init.update({"bh": v(hidden, 0.5), "bo": v(outputs, 0.5)})
    return dict(name=name, inputs=X, targets=T, model="none" if hidden == 0 else "hidden", bias=bias,
                learning_rate=lr, epochs=epochs, init=init, queries=[X[0], X[1]])

cases = [
  case("real-300x30-12-2-bias", 300, 30, 12, 2, True, False, 0.004, 300),
  case("real-250x20-8-3-onehot-no-bias", 250, 20, 8, 3, False, True, 0.02, 250),
  case("real-400x16-none-4-bias", 400, 16, 0, 4, True, False, 0.005, 400),
  case("real-200x40-24-10-onehot-bias", 200, 40, 24, 10, True, True, 0.01, 200),
  case("real-150x13-none-3-onehot-no-bias", 150, 13, 0, 3, False, True, 0.02, 300),
  case("real-500x64-32-10-onehot-bias", 500, 64, 32, 10, True, True, 0.002, 60),
  # thousands of rows and wide outputs: the matrix-product kernel's row blocks (256 rows) with a ragged last block
  case("real-2000x16-20-26-onehot-bias", 2000, 16, 20, 26, True, True, 0.001, 25),
  case("real-1300x9-none-7-onehot-bias", 1300, 9, 0, 7, True, True, 0.002, 40),
]
here = os.path.dirname(os.path.abspath(__file__))
out = subprocess.run([sys.executable, os.path.join(here, "oracle.py"), "/dev/stdin"], input=json.dumps(cases),
                     text=True, capture_output=True, check=True).stdout
sys.stdout.write(out)
