#!/usr/bin/env bash
# Benchmark 5: a million networks (2-2-1 XOR, bias, 100 epochs each, no curves) on local[2] with a 1 GiB driver heap
# (--driver-memory 1g): wall time, stages, and the driver's peak memory (maximum resident set of the driver JVM,
# which in local mode also runs the tasks; heap plus JVM, Spark and native overhead).
#   bench/million.sh [networks]      (default 1000000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
n="${1:-1000000}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cat >"$out/million.conf" <<CONF
study {
  name = "million"
  datasets = [ { name = "xor", path = "data/xor.csv", outputs = 1 } ]
  models = [hidden]
  hidden { sizes = [2] }
  learning-rates = [0.5]
  epochs = [100]
  bias = [true]
  seeds = { from = 0, count = $n }
  curve-points = 0
}
CONF
start=$(date +%s.%N)
/usr/bin/time -v ./submit.sh --master 'local[2]' --driver-memory 1g --config "$out/million.conf" --out "$out/run" \
  >"$out/log" 2>"$out/time" || { tail -20 "$out/log" "$out/time" >&2; exit 1; }
end=$(date +%s.%N)
rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$out/time")
python3 - "$n" "$start" "$end" "$rss" "$out/run/run.json" <<'PY'
import json, sys
n, start, end, rss, runjson = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
st = json.load(open(runjson))["run"]["stageSeconds"]
print("| networks | driver heap | wall time | spark start | train | reports | networks/s (train) | driver peak RSS |")
print("|---|---|---|---|---|---|---|---|")
print("| %d | 1 GiB | %.1f s | %.1f s | %.1f s | %.1f s | %.0f | %.0f MiB |" % (n, end - start, st["spark-start"], st["train"],
      st["reports"], n / st["train"], rss / 1024))
PY
