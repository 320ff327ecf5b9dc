#!/usr/bin/env python3
"""Checks a rules verdict from its own files with independent code (SciPy, statsmodels; not nnsweep's Java).

Usage: python3 bench/check-verdict.py <output folder with sizes.csv, rules-scores.csv, rules-verdict.csv,
rules-pairs.csv and budget.csv>

When the folder has results.csv, sizes.csv is first recomputed from it (check_sizes). From sizes.csv it re-derives each entry's chosen size per dataset (validation-best among the entry's `sizes`,
ties to the smaller; hindsight: test-best), then from the chosen sizes' test class accuracies the ranks, Friedman
(scipy.stats.friedmanchisquare), Iman-Davenport (scipy.stats.f), the Nemenyi critical difference, every pair's
Wilcoxon (scipy.stats.wilcoxon, zero_method="wilcox"; p = 1 when every difference is zero) with Holm
(statsmodels), and budget.csv; compares each with the files (numbers to 1e-9 relative). Prints the differences and
exits 1 if any, else prints "verdict checks out" and exits 0.
"""
import csv
import math
import os
import sys

import numpy as np
import scipy.stats as st
from statsmodels.stats.multitest import multipletests

Q05 = {2: 1.960, 3: 2.343, 4: 2.569, 5: 2.728, 6: 2.850, 7: 2.949, 8: 3.031, 9: 3.102, 10: 3.164}
problems = []


def read(folder, name):
    with open(os.path.join(folder, name), newline="") as f:
        return list(csv.DictReader(f))


def num(s):
    return float("nan") if s == "" else float(s)


def same(what, expected, found, tol=1e-9):
    if isinstance(expected, float) or isinstance(found, float):
        e, f = float(expected), float(found)
        if (math.isnan(e) and math.isnan(f)) or e == f or abs(e - f) <= tol * max(1.0, abs(e)):
            return
    elif expected == found:
        return
    problems.append(f"{what}: expected {expected}, file has {found}")


def check_sizes(folder, sizes):
    """sizes.csv from results.csv (one row per network): per (dataset, hidden size) the cell (every axis but the
    seed and fold) with the lowest median validation error over its networks that did not diverge, ties to the cell
    met first (lowest network id); with successive halving only the top rung's cells. Test error: mean over the
    cell's networks that did not diverge; test class accuracy: mean over all its networks (one-output datasets:
    test_accuracy, the accuracy at 0.5)."""
    results = read(folder, "results.csv")
    top = max((int(r["rung"]) for r in results if r["rung"] != ""), default=None)
    cells = {}
    for r in results:
        if top is not None and int(r["rung"]) != top:
            continue
        key = (r["dataset"], r["model"], int(r["hidden"]), r["bias"], r["learning_rate"], r["epochs"], r["init"])
        cells.setdefault(key, []).append(r)
    best = {}
    for key, rows in cells.items():  # results.csv is in id order: dict order is first-met order
        ok = [r for r in rows if r["diverged"] != "true" and r["validation_error"] != ""]
        if not ok:
            continue
        median = float(np.median([float(r["validation_error"]) for r in ok]))
        d, h = key[0], key[2]
        if (d, h) not in best or median < best[(d, h)][0]:
            best[(d, h)] = (median, key, rows, ok)
    found = {(r["dataset"], int(r["hidden"])): r for r in sizes}
    same("sizes.csv (dataset, hidden) rows", sorted(best), sorted(found))
    for (d, h), (median, key, rows, ok) in best.items():
        if (d, h) not in found:
            continue
        f = found[(d, h)]
        one = rows[0]["outputs"] == "1"
        column = "test_accuracy" if one else "test_class_accuracy"
        same(f"sizes {d} {h} learning_rate", float(key[4]), float(f["learning_rate"]))
        if f["late_optimum"] == "":
            same(f"sizes {d} {h} epochs", int(key[5]) if top is None else int(rows[0]["epochs_run"]),
                 int(f["epochs"]))
        same(f"sizes {d} {h} validation_error", median, num(f["validation_error"]))
        test = [float(r["test_error"]) for r in ok if r["test_error"] != ""]
        same(f"sizes {d} {h} test_error", float(np.mean(test)) if test else float("nan"), num(f["test_error"]))
        same(f"sizes {d} {h} test_class_accuracy", float(np.mean([float(r[column]) for r in rows])),
             num(f["test_class_accuracy"]))


def main(folder):
    sizes = read(folder, "sizes.csv")
    if os.path.exists(os.path.join(folder, "results.csv")):
        check_sizes(folder, sizes)
    scores = read(folder, "rules-scores.csv")
    verdict = read(folder, "rules-verdict.csv")
    pairs = read(folder, "rules-pairs.csv")
    budget = read(folder, "budget.csv")

    tuned = {}
    for r in sizes:
        tuned.setdefault(r["dataset"], {})[int(r["hidden"])] = r
    datasets = list(tuned)
    entries = []
    for s in scores:
        if s["rule"] != "hindsight" and s["rule"] not in entries:
            entries.append(s["rule"])
    acc = np.zeros((len(datasets), len(entries)))
    for s in scores:
        d, rule = s["dataset"], s["rule"]
        rows = tuned[d]
        searched = [int(x) for x in s["sizes"].split(";")]
        for h in searched:
            if h not in rows:
                problems.append(f"{d} {rule}: size {h} is not in sizes.csv")
                return
        if rule == "hindsight":
            pick = min(searched, key=lambda h: (-num(rows[h]["test_class_accuracy"]), h))
        else:
            pick = min(searched, key=lambda h: (num(rows[h]["validation_error"]), h))
        same(f"{d} {rule} hidden", pick, int(s["hidden"]))
        same(f"{d} {rule} test_class_accuracy", num(rows[pick]["test_class_accuracy"]),
             num(s["test_class_accuracy"]))
        same(f"{d} {rule} test_error", num(rows[pick]["test_error"]), num(s["test_error"]))
        if rule != "hindsight":
            acc[datasets.index(d), entries.index(rule)] = num(rows[pick]["test_class_accuracy"])
    ranks = st.rankdata(-acc, axis=1)
    for s in scores:
        if s["rule"] == "hindsight":
            same(f"{s['dataset']} hindsight rank", float("nan"), num(s["rank"]))
        else:
            same(f"{s['dataset']} {s['rule']} rank",
                 float(ranks[datasets.index(s["dataset"]), entries.index(s["rule"])]), num(s["rank"]))

    n, k = acc.shape
    mean = ranks.mean(axis=0)
    if n >= 2:
        chi2, p = st.friedmanchisquare(*acc.T)
        den = n * (k - 1) - chi2
        f = math.inf if den <= 0 else (n - 1) * chi2 / den
        fp = 0.0 if f == math.inf else float(st.f.sf(f, k - 1, (k - 1) * (n - 1)))
        cd = Q05.get(k, float("nan")) * math.sqrt(k * (k + 1) / (6 * n))
    else:
        chi2 = p = f = fp = cd = float("nan")
    same("rules-verdict.csv rows", k, len(verdict))
    for v in verdict:
        j = entries.index(v["rule"])
        same(f"{v['rule']} datasets", n, int(v["datasets"]))
        same(f"{v['rule']} mean_rank", float(mean[j]), num(v["mean_rank"]))
        same("friedman_chi2", float(chi2), num(v["friedman_chi2"]))
        same("friedman_p", float(p), num(v["friedman_p"]))
        same("iman_davenport_f", float(f), num(v["iman_davenport_f"]))
        same("iman_davenport_p", float(fp), num(v["iman_davenport_p"]))
        same("critical_difference", float(cd), num(v["critical_difference"]))

    expected = []
    for a in range(k):
        for b in range(a + 1, k):
            x, y = acc[:, a], acc[:, b]
            p = 1.0 if np.all(x == y) else float(st.wilcoxon(x, y, zero_method="wilcox").pvalue)
            expected.append((entries[a], entries[b], int((x > y).sum()), int((x == y).sum()), int((x < y).sum()), p))
    holm = multipletests([e[5] for e in expected], method="holm")[1]
    same("rules-pairs.csv rows", len(expected), len(pairs))
    for e, h, r in zip(expected, holm, pairs):
        what = f"pair {e[0]} / {e[1]}"
        same(what + " names", (e[0], e[1]), (r["rule_a"], r["rule_b"]))
        same(what + " wins, ties, losses", e[2:5], (int(r["wins"]), int(r["ties"]), int(r["losses"])))
        same(what + " wilcoxon_p", e[5], num(r["wilcoxon_p"]))
        same(what + " holm_p", float(h), num(r["holm_p"]))

    same("budget.csv rows", len(datasets), len(budget))
    for b in budget:
        rows = tuned[b["dataset"]].values()
        same(f"{b['dataset']} cells", len(rows), int(b["cells"]))
        if any(r["late_optimum"] == "" for r in rows):
            # without early stopping the late optimum is not known: both cells empty
            same(f"{b['dataset']} late_optimum_share", float("nan"), num(b["late_optimum_share"]))
            same(f"{b['dataset']} under_trained", "", b["under_trained"])
            continue
        late = sum(r["late_optimum"] == "true" for r in rows) / len(rows)
        same(f"{b['dataset']} late_optimum_share", late, num(b["late_optimum_share"]))
        same(f"{b['dataset']} under_trained", "true" if late > 0.10 else "false", b["under_trained"])

    if problems:
        print("\n".join(problems))
        return 1
    print(f"verdict checks out: {n} datasets, {k} entries, {len(pairs)} pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
