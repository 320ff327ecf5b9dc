#!/usr/bin/env bash
# Benchmark 5: a million networks (2-2-1 XOR, bias, 100 epochs each, no curves) on local[2] with a bounded driver
# heap (--driver-memory, default 1g): wall time, stages, and the driver's memory: the most heap in use after a
# garbage collection (an upper bound of what was live; from the JVM's GC log) and the peak resident set of the driver
# JVM (which in local mode also runs the tasks: heap plus JVM, Spark and native overhead).
#   bench/million.sh [networks] [driver-memory]      (defaults 1000000 and 1g)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
n="${1:-1000000}"
mem="${2:-1g}"
out="$(mktemp -d)"
trap '[[ -n "${KEEP:-}" ]] || rm -rf "$out"' EXIT
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
JAVA_OPTS="${JAVA_OPTS:-} -Xlog:gc:file=$out/gc.log" /usr/bin/time -v ./submit.sh --master 'local[2]' \
  --driver-memory "$mem" --config "$out/million.conf" --out "$out/run" >"$out/log" 2>"$out/time" \
  || { tail -n 20 "$out/log" "$out/time" >&2; exit 1; }
end=$(date +%s.%N)
rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$out/time")
rows=$(($(wc -l <"$out/run/results.csv") - 1))
python3 - "$n" "$mem" "$start" "$end" "$rss" "$out/run/run.json" "$out/gc.log" "$rows" <<'PY'
import json, re, sys
n, mem, start, end, rss, runjson, gclog, rows = sys.argv[1:9]
n, start, end, rss, rows = int(n), float(start), float(end), int(rss), int(rows)
if rows != n:
    sys.exit("results.csv has %d rows, expected %d" % (rows, n))
st = json.load(open(runjson))["run"]["stageSeconds"]
after = [int(m.group(1)) for m in re.finditer(r"\d+M->(\d+)M\(\d+M\)", open(gclog).read())]
print("| networks | driver heap | wall time | spark start | train | aggregate | reports | networks/s (train) "
      "| heap after GC (max) | driver peak RSS |")
print("|---|---|---|---|---|---|---|---|---|---|")
print("| %d | %s | %.1f s | %.1f s | %.1f s | %.1f s | %.1f s | %.0f | %d MiB | %.0f MiB |" % (n, mem, end - start,
      st["spark-start"], st["train"], st.get("aggregate", 0), st["reports"], n / st["train"], max(after or [0]),
      rss / 1024))
PY
