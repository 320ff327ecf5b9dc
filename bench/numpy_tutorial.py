#!/usr/bin/env python3
"""The tutorial's NumPy training loop, for bench/kernel.sh: the same networks trained the way the tutorial does it.

The tutorial trains its OR network (2-3-1, no bias) with one NumPy statement per step, every epoch: the forward pass,
the error, phase 1 (the output layer's derivatives) and phase 2 (the hidden layer's), then both updates. This file
keeps that style: the tutorial's variable names, one step per line, sigmoid_der recomputing the sigmoid from the
layer's input (so each epoch evaluates np.exp three times per unit), new arrays every step. Two things differ:
  - the error is summed every epoch as in the tutorial, but not printed (the tutorial prints it every epoch; printing
    200,000 lines would time the terminal, not NumPy). --print prints it, like the tutorial.
  - bias: the tutorial's hidden-layer network has none; for the benchmark's bias network the biases are added to the
    layer inputs and updated with the sum of the same derivatives over the rows, in the same style.

usage: numpy_tutorial.py PROBLEM EPOCHS RUNS [--print]
  PROBLEM  a problem file written by KernelBench (model, bias, shape, rate, x, t and the initial weights)
  prints one line per run: "run <seconds> <E after the last update> <E before the last update>"
"""
import sys
import time

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_der(x):
    return sigmoid(x) * (1 - sigmoid(x))


def read_problem(path):
    values = {}
    with open(path) as f:
        for line in f:
            key, *rest = line.split()
            values[key] = rest
    n, inputs, hidden, outputs = (int(values[k][0]) for k in ("rows", "inputs", "hidden", "outputs"))
    if values["model"][0] != "hidden":
        raise SystemExit("numpy_tutorial.py: only the hidden-layer model is benchmarked")

    def matrix(key, rows, cols):
        return np.array([float(v) for v in values[key]], dtype=float).reshape(rows, cols)

    return {
        "bias": values["bias"][0] == "1",
        "lr": float(values["rate"][0]),
        "input_features": matrix("x", n, inputs),
        "target_output": matrix("t", n, outputs),
        "weight_hidden": matrix("wh", inputs, hidden),
        "bias_hidden": matrix("bh", 1, hidden),
        "weight_output": matrix("wo", hidden, outputs),
        "bias_output": matrix("bo", 1, outputs),
    }


def train(p, epochs, show):
    input_features = p["input_features"]
    target_output = p["target_output"]
    weight_hidden = p["weight_hidden"].copy()
    weight_output = p["weight_output"].copy()
    bias_hidden = p["bias_hidden"].copy()
    bias_output = p["bias_output"].copy()
    use_bias = p["bias"]
    lr = p["lr"]
    error = float("nan")
    for epoch in range(epochs):
        # Input for hidden layer :
        input_hidden = np.dot(input_features, weight_hidden)
        if use_bias:
            input_hidden = input_hidden + bias_hidden
        # Output from hidden layer :
        output_hidden = sigmoid(input_hidden)
        # Input for output layer :
        input_op = np.dot(output_hidden, weight_output)
        if use_bias:
            input_op = input_op + bias_output
        # Output from output layer :
        output_op = sigmoid(input_op)

        # Phase1
        # Calculating Mean Squared Error :
        error_out = ((1 / 2) * (np.power((output_op - target_output), 2)))
        error = error_out.sum()
        if show:
            print(error)
        # Derivatives for phase 1 :
        derror_douto = output_op - target_output
        douto_dino = sigmoid_der(input_op)
        dino_dwo = output_hidden
        derror_dwo = np.dot(dino_dwo.T, derror_douto * douto_dino)

        # Phase 2
        # derivatives for phase 2
        derror_dino = derror_douto * douto_dino
        dino_douth = weight_output
        derror_douth = np.dot(derror_dino, dino_douth.T)
        douth_dinh = sigmoid_der(input_hidden)
        dinh_dwh = input_features
        derror_wh = np.dot(dinh_dwh.T, douth_dinh * derror_douth)

        # Update Weights
        weight_hidden -= lr * derror_wh
        weight_output -= lr * derror_dwo
        if use_bias:
            bias_hidden -= lr * (douth_dinh * derror_douth).sum(axis=0)
            bias_output -= lr * derror_dino.sum(axis=0)

    return (weight_hidden, bias_hidden, weight_output, bias_output), float(error)


def final_error(p, weights):
    weight_hidden, bias_hidden, weight_output, bias_output = weights
    hidden = sigmoid(np.dot(p["input_features"], weight_hidden) + (bias_hidden if p["bias"] else 0))
    output = sigmoid(np.dot(hidden, weight_output) + (bias_output if p["bias"] else 0))
    return float(((1 / 2) * np.power(output - p["target_output"], 2)).sum())


def main(argv):
    if len(argv) not in (4, 5) or (len(argv) == 5 and argv[4] != "--print"):
        raise SystemExit(__doc__)
    p = read_problem(argv[1])
    epochs, runs = int(argv[2]), int(argv[3])
    show = len(argv) == 5
    for _ in range(runs):
        start = time.perf_counter()
        weights, before = train(p, epochs, show)
        seconds = time.perf_counter() - start
        if not show:
            print("run %.9f %.17g %.17g" % (seconds, final_error(p, weights), before), flush=True)


if __name__ == "__main__":
    main(sys.argv)
