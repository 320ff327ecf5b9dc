#!/usr/bin/env bash
# What saving the best models costs a million-network run (docs/models.md): the study of bench/million.sh (2-2-1
# XOR, bias, 100 epochs, a million seeds) on local[2], run in pairs, keep-models = none then best, interleaved so both
# see the same machine load. Prints per run the wall time and run.json's stages (train; aggregate, which folds the
# cells' scores too when models are kept; models: the winners' re-training job; models-write: the JSON and ONNX
# files), then the medians and the added share.
#   bench/models-cost.sh [networks] [pairs]      (defaults 1000000 and 3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
n="${1:-1000000}"
pairs="${2:-3}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# shellcheck source=lib/million-study.sh
source "$here/bench/lib/million-study.sh"
write_million_study "$out/million.conf" "$n"
for ((i = 1; i <= pairs; i++)); do
  for keep in none best; do
    run="$out/$keep$i"
    start=$(date +%s.%N)
    ./submit.sh --master 'local[2]' --driver-memory 1g --config "$out/million.conf" --set keep-models=$keep \
      --out "$run" >"$out/log" 2>&1 || { tail -n 20 "$out/log" >&2; exit 1; }
    end=$(date +%s.%N)
    python3 - "$keep" "$start" "$end" "$run/run.json" <<'PY'
import json, sys
keep, start, end, path = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
st = json.load(open(path))["run"]["stage-seconds"]
print("%s %.2f %.2f %.3f %.3f %.3f" % (keep, end - start, st.get("train", 0), st.get("aggregate", 0),
                                       st.get("models", 0), st.get("models-write", 0)))
PY
    rm -rf "$run"
  done
done | tee "$out/rows"
python3 - "$out/rows" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
print("| keep-models | wall s | train s | aggregate s | models s | models-write s |")
print("|---|---|---|---|---|---|")
for r in rows:
    print("| " + " | ".join(r) + " |")
med = {k: [statistics.median(float(r[i]) for r in rows if r[0] == k) for i in range(1, 6)] for k in ("none", "best")}
for k in ("none", "best"):
    print("| median %s | %s |" % (k, " | ".join("%.3f" % v for v in med[k])))
print("added wall time (median best - median none): %.2f s = %.1f%%" % (
    med["best"][0] - med["none"][0], 100 * (med["best"][0] - med["none"][0]) / med["none"][0]))
print("models stages (median of best runs): %.3f s = %.1f%% of the median wall time" % (
    med["best"][3] + med["best"][4], 100 * (med["best"][3] + med["best"][4]) / med["best"][0]))
print("aggregate stage (which folds the cell scores too): none %.3f s, best %.3f s" % (med["none"][2], med["best"][2]))
PY
