#!/usr/bin/env bash
# Benchmark 3: the Spark job on local[1] vs local[2] on a 500-network tutorial-size grid (OR and XOR, no hidden /
# 1-4 hidden, bias off/on, 25 seeds, the tutorial's 200,000 epochs). Medians of N runs of each, measured in the same run; networks/s
# from run.json's train stage (after Spark start-up). Prints markdown.
#   bench/spark.sh [runs]        (default 3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="${1:-3}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
study=(--config conf/tutorial.conf --set 'seeds={ from = 0, count = 25 }' --set 'epochs=[200000]' --set curve-points=0)
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
for master in 'local[1]' 'local[2]'; do
  : >"$out/$master.times"
  for i in $(seq "$runs"); do
    ./submit.sh --master "$master" "${study[@]}" --out "$out/run" --overwrite >/dev/null 2>"$out/err" \
      || { cat "$out/err" >&2; exit 1; }
    python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['run']; print(r['stageSeconds']['train'])" \
      "$out/run/run.json" >>"$out/$master.times"
  done
done
one=$(median <"$out/local[1].times")
two=$(median <"$out/local[2].times")
python3 - "$one" "$two" "$runs" <<'PY'
import sys
one, two, runs = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
n = 500
print("| master | train stage (median of %d) | networks/s |" % runs)
print("|---|---|---|")
print("| local[1] | %.2f s | %.1f |" % (one, n / one))
print("| local[2] | %.2f s | %.1f |" % (two, n / two))
print()
print("scaling local[2] / local[1]: %.2fx (efficiency %.0f%% of 2 cores)" % (one / two, 50 * one / two))
PY
