#!/usr/bin/env python3
"""Regenerates nnsweep's synthetic datasets in data/ (deterministic; standard library only).

usage: python3 data/generate.py [OUT_DIR]      (default: the folder of this script)

  or.csv, and.csv, nand.csv, xor.csv   2 inputs, 1 output, rows 00, 01, 10, 11
  full-adder.csv                       a, b, carry_in -> sum, carry_out (8 rows, binary counting order)
  parity-N.csv, N = 2..6               N bits -> 1 when an odd number of them is 1 (2^N rows, counting order)
  two-spirals.csv                      Lang & Witbrock (1988): 2 x 97 points of two interleaved spirals
"""
import math
import os
import sys


def write(path, header, rows):
    with open(path, "w", newline="\n") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(fmt(v) for v in r) + "\n")


def fmt(v):
    if isinstance(v, int) or float(v).is_integer():
        return str(int(v))
    return repr(round(v, 12))


def bits(n):
    return [[(i >> (n - 1 - k)) & 1 for k in range(n)] for i in range(2 ** n)]


def spirals():
    """The CMU benchmark's two spirals: point i of 0..96 at angle i*pi/16, radius 6.5*(104-i)/104;
    spiral 1 is (x, y) -> 1, spiral 2 its point reflection (-x, -y) -> 0."""
    rows = []
    for i in range(97):
        angle = i * math.pi / 16.0
        radius = 6.5 * (104 - i) / 104.0
        x = radius * math.sin(angle)
        y = radius * math.cos(angle)
        rows.append([x, y, 1])
        rows.append([-x, -y, 0])
    return rows


def main(out):
    two = bits(2)
    write(os.path.join(out, "or.csv"), ["x1", "x2", "or"], [r + [r[0] | r[1]] for r in two])
    write(os.path.join(out, "and.csv"), ["x1", "x2", "and"], [r + [r[0] & r[1]] for r in two])
    write(os.path.join(out, "nand.csv"), ["x1", "x2", "nand"], [r + [1 - (r[0] & r[1])] for r in two])
    write(os.path.join(out, "xor.csv"), ["x1", "x2", "xor"], [r + [r[0] ^ r[1]] for r in two])
    write(os.path.join(out, "full-adder.csv"), ["a", "b", "carry_in", "sum", "carry_out"],
          [r + [sum(r) % 2, sum(r) // 2] for r in bits(3)])
    for n in range(2, 7):
        write(os.path.join(out, "parity-%d.csv" % n), ["x%d" % (k + 1) for k in range(n)] + ["parity"],
              [r + [sum(r) % 2] for r in bits(n)])
    write(os.path.join(out, "two-spirals.csv"), ["x", "y", "spiral"], spirals())


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))
