#!/usr/bin/env bash
# The rules verdict's benchmark study end to end (docs/rules-verdict.md, "The benchmark study"): runs it through
# ./submit.sh, then prints the wall time, run.json's stages, the cost per dataset (networks, CPU seconds of training
# summed from results.csv's train_ms, share of the whole) and the budget check, and checks the verdict's files with
# independent code (bench/check-verdict.py: NumPy, SciPy, statsmodels).
# Usage: bench/rules-benchmark.sh [study, default conf/rules-benchmark.conf] [out, default out/<study name>]
#                                 [master, default local[2]] [-- extra ./submit.sh options, e.g. --resume]
set -euo pipefail
cd "$(dirname "$0")/.."
study=${1:-conf/rules-benchmark.conf}
name=$(sed -n 's/^ *name *= *"\([^"]*\)".*/\1/p' "$study" | head -1)
out=${2:-out/$name}
master=${3:-local[2]}
shift $(( $# < 3 ? $# : 3 ))
[[ "${1:-}" == -- ]] && shift
extra=("$@")
[[ ${#extra[@]} -eq 0 ]] && extra=(--overwrite)
echo "CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(nproc) cores"
start=$(date +%s)
./submit.sh --master "$master" --config "$study" --out "$out" "${extra[@]}"
echo "wall: $(( $(date +%s) - start )) s"
python3 - "$out" <<'PY'
import csv, json, sys, collections
out = sys.argv[1]
run = json.load(open(f"{out}/run.json"))["run"]
print("stages (s):", ", ".join(f"{k} {v:.1f}" for k, v in run["stage-seconds"].items()))
ms, nets, epochs = collections.Counter(), collections.Counter(), collections.Counter()
for r in csv.DictReader(open(f"{out}/results.csv")):
    ms[r["dataset"]] += float(r["train_ms"]); nets[r["dataset"]] += 1; epochs[r["dataset"]] += int(r["epochs_run"])
total = sum(ms.values())
budget = {r["dataset"]: r for r in csv.DictReader(open(f"{out}/budget.csv"))}
print(f"{'dataset':26s} {'networks':>8s} {'updates':>11s} {'CPU s':>8s} {'share':>6s}  late-optimum share")
for d, v in sorted(ms.items(), key=lambda x: -x[1]):
    b = budget.get(d, {})
    print(f"{d:26s} {nets[d]:8d} {epochs[d]:11d} {v / 1000:8.1f} {v / total:6.1%}  {b.get('late_optimum_share', '')}"
          f"{'  UNDER-TRAINED' if b.get('under_trained') == 'true' else ''}")
print(f"{'all':26s} {sum(nets.values()):8d} {sum(epochs.values()):11d} {total / 1000:8.1f}")
PY
python3 bench/check-verdict.py "$out"
