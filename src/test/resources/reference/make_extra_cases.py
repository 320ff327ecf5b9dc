#!/usr/bin/env python3
"""Makes extra-cases.json: reference cases with other shapes than cases.json, results filled in by oracle.py.

usage: python3 make_extra_cases.py > extra-cases.json   (deterministic: numpy's seeded RandomState)
"""
import json, subprocess, sys, os
import numpy as np

rs = np.random.RandomState(20261129)
def rnd(r, c, lo=-1.0, hi=1.0): return rs.uniform(lo, hi, size=(r, c)).round(6).tolist()
def vec(n, lo=-1.0, hi=1.0): return rs.uniform(lo, hi, size=n).round(6).tolist()

bits2 = [[0, 0], [0, 1], [1, 0], [1, 1]]
bits3 = [[a, b, c] for a in (0, 1) for b in (0, 1) for c in (0, 1)]
adder = [[(a + b + c) % 2, (a + b + c) // 2] for a, b, c in bits3]
parity3 = [[(a + b + c) % 2] for a, b, c in bits3]
X45 = rs.uniform(0, 1, size=(6, 4)).round(4).tolist()
T45 = (rs.uniform(0, 1, size=(6, 3)) > 0.5).astype(int).tolist()

cases = [
  dict(name="and-none-bias", inputs=bits2, targets=[[0], [0], [0], [1]], model="none", bias=True,
       learning_rate=0.5, epochs=5000, init={"W": rnd(2, 1), "b": vec(1)}, queries=[[1, 1], [0.5, 0.5]]),
  dict(name="full-adder-4-hidden-no-bias", inputs=bits3, targets=adder, model="hidden", bias=False,
       learning_rate=0.3, epochs=30000, init={"Wh": rnd(3, 4), "Wo": rnd(4, 2)}, queries=[[1, 1, 1]]),
  dict(name="parity3-5-hidden-bias", inputs=bits3, targets=parity3, model="hidden", bias=True,
       learning_rate=0.8, epochs=40000, init={"Wh": rnd(3, 5), "Wo": rnd(5, 1), "bh": vec(5), "bo": vec(1)},
       queries=[[0, 0, 1], [1, 1, 1]]),
  dict(name="random-4-in-3-out-none-no-bias", inputs=X45, targets=T45, model="none", bias=False,
       learning_rate=0.2, epochs=3000, init={"W": rnd(4, 3)}, queries=[]),
  dict(name="random-4-in-1-hidden-3-out-bias", inputs=X45, targets=T45, model="hidden", bias=True,
       learning_rate=0.1, epochs=8000, init={"Wh": rnd(4, 1), "Wo": rnd(1, 3), "bh": vec(1), "bo": vec(3)},
       queries=[[0.1, 0.2, 0.3, 0.4]]),
  dict(name="xor-none-bias", inputs=bits2, targets=[[0], [1], [1], [0]], model="none", bias=True,
       learning_rate=0.5, epochs=20000, init={"W": rnd(2, 1), "b": vec(1)}, queries=[[0, 0]]),
  dict(name="or-2-hidden-big-rate", inputs=bits2, targets=[[0], [1], [1], [1]], model="hidden", bias=False,
       learning_rate=4.0, epochs=2000, init={"Wh": rnd(2, 2, 0, 1), "Wo": rnd(2, 1, 0, 1)}, queries=[[1, 0]]),
]
here = os.path.dirname(os.path.abspath(__file__))
tmp = json.dumps(cases)
out = subprocess.run([sys.executable, os.path.join(here, "oracle.py"), "/dev/stdin"], input=tmp, text=True,
                     capture_output=True, check=True).stdout
sys.stdout.write(out)
