#!/usr/bin/env bash
# Benchmark 5: a million networks (2-2-1 XOR, bias, 100 epochs each, default settings otherwise: curves of 10 seeds
# per cell; CSV tables, as tables = auto gives on local masters) on local[2] with a bounded driver
# heap (--driver-memory, default 1g), several runs: wall time, stages, and the driver's memory: the most heap in use
# after a garbage collection (an upper bound of what was live; from the JVM's GC log) and the peak resident set of
# the driver JVM (which in local mode also runs the tasks: heap plus JVM, Spark and native overhead). Prints a
# markdown table: one row per run, then the medians.
#   bench/million.sh [networks] [driver-memory] [runs]      (defaults 1000000, 1g and 3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
n="${1:-1000000}"
mem="${2:-1g}"
runs="${3:-3}"
out="$(mktemp -d)"
trap '[[ -n "${KEEP:-}" ]] || rm -rf "$out"' EXIT
# shellcheck source=lib/million-study.sh
source "$here/bench/lib/million-study.sh"
write_million_study "$out/million.conf" "$n"
for ((i = 1; i <= runs; i++)); do
  run="$out/run$i"
  mkdir -p "$run"
  start=$(date +%s.%N)
  JAVA_OPTS="${JAVA_OPTS:-} -Xlog:gc:file=$run/gc.log" /usr/bin/time -v ./submit.sh --master 'local[2]' \
    --driver-memory "$mem" --config "$out/million.conf" --out "$run/out" >"$run/log" 2>"$run/time" \
    || { tail -n 20 "$run/log" "$run/time" >&2; exit 1; }
  end=$(date +%s.%N)
  rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$run/time")
  rows=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["run"]["networks"])' "$run/out/run.json")
  [[ -f "$run/out/results.csv" || -f "$run/out/results/_SUCCESS" ]] || { echo "run $i: no results table" >&2; exit 1; }
  du -sh "$run/out"/results* "$run/out"/curves* 2>/dev/null | sed "s/^/run $i: /" >&2 || true
  echo "$start $end $rss $rows" >"$run/measured"
  rm -rf "$run/out/results.csv" "$run/out/results" "$run/out/curves.csv" "$run/out/curves" "$run/out/.nnsweep"
  echo "run $i of $runs done" >&2
done
python3 - "$n" "$mem" "$runs" "$out" <<'PY'
import json, re, statistics, sys
n, mem, runs, out = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
rows = []
for i in range(1, runs + 1):
    start, end, rss, lines = open("%s/run%d/measured" % (out, i)).read().split()
    if int(lines) != n:
        sys.exit("run %d: %s networks, expected %d" % (i, lines, n))
    st = json.load(open("%s/run%d/out/run.json" % (out, i)))["run"]["stage-seconds"]
    gc = open("%s/run%d/gc.log" % (out, i)).read()
    after = max([int(m.group(1)) for m in re.finditer(r"\d+M->(\d+)M\(\d+M\)", gc)] or [0])
    rows.append([float(end) - float(start), st["spark-start"], st["train"], st.get("aggregate", 0.0),
                 st.get("tables", 0.0) + st["reports"],
                 n / st["train"], after, int(rss) / 1024])
print("| run | networks | driver heap | wall time | spark start | train | aggregate | tables + reports | networks/s (train) "
      "| heap after GC (max) | driver peak RSS |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
fmt = "| %s | %d | %s | %.1f s | %.1f s | %.1f s | %.1f s | %.1f s | %.0f | %.0f MiB | %.0f MiB |"
for i, r in enumerate(rows, 1):
    print(fmt % tuple([str(i), n, mem] + r))
print(fmt % tuple(["**median**", n, mem] + [statistics.median(c) for c in zip(*rows)]))
PY
