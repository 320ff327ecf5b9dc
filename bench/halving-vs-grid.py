"""Compares a successive-halving run with a full grid run of the same study (docs/benchmarks.md).

Usage: python3 bench/halving-vs-grid.py OUT_HALVING OUT_GRID
Prints, per dataset, the network-epochs each trained (sum of results.csv's epochs_run), the halving's best cell and
its rank among the grid's cells (by the same score: median over seeds of the test error where there is one, else of
the final error), and whether the top rung's networks have exactly the grid's final errors.
"""
import csv
import json
import sys
from collections import defaultdict
from statistics import median


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def cell(r):
    return (r["dataset"], r["model"], r["hidden"], r["bias"], r["learning_rate"], r["init"])


def main(halved, grid):
    h = {r["network_id"]: r for r in rows(f"{halved}/results.csv")}
    g = {r["network_id"]: r for r in rows(f"{grid}/results.csv")}
    for name, out in (("halving", halved), ("grid", grid)):
        stages = json.load(open(f"{out}/run.json"))
        print(f"{name}: stage seconds {stages['run']['stage-seconds']}")
    epochs = defaultdict(lambda: [0, 0])
    for i, r in h.items():
        epochs[r["dataset"]][0] += int(r["epochs_run"])
        epochs[r["dataset"]][1] += int(g[i]["epochs_run"])
    scores = defaultdict(list)
    for r in g.values():
        s = float(r["test_error"]) if r["test_error"] else float(r["final_error"])
        scores[cell(r)].append(s if r["diverged"] == "false" else float("inf"))
    by_dataset = defaultdict(list)
    for c, v in scores.items():
        by_dataset[c[0]].append((median(v), c))
    ladder = rows(f"{halved}/ladder.csv")
    last = max(int(r["rung"]) for r in ladder)
    exact = sum(1 for i, r in h.items() if r["rung"] == str(last) and r["final_error"] == g[i]["final_error"])
    top = sum(1 for r in h.values() if r["rung"] == str(last))
    total = [0, 0]
    for d, ranked in by_dataset.items():
        ranked.sort()
        best = next(r for r in ladder if r["dataset"] == d and r["rung"] == str(last) and r["rank"] == "1")
        bc = (best["dataset"], best["model"], best["hidden"], best["bias"], best["learning_rate"], best["init"])
        rank = [c for _, c in ranked].index(bc) + 1
        he, ge = epochs[d]
        total[0] += he
        total[1] += ge
        print(f"{d}: network-epochs halving {he:,} grid {ge:,} ({100 * he / ge:.1f}%); halving's best cell hidden "
              f"{best['hidden']} lr {best['learning_rate']} (score {float(best['score']):.4g}) is the grid's "
              f"#{rank} of {len(ranked)}; grid's best: hidden {ranked[0][1][2]} lr {ranked[0][1][4]} "
              f"(score {ranked[0][0]:.4g})")
    print(f"all: network-epochs halving {total[0]:,} grid {total[1]:,} ({100 * total[0] / total[1]:.1f}%);"
          f" top-rung networks with exactly the grid's final error: {exact} of {top}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
