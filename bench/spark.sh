#!/usr/bin/env bash
# Benchmark 3: the Spark job on local[1] vs local[2], against the bare kernel, all in the same run.
#
# The grid: conf/tutorial.conf with 25 seeds and the tutorial's 200,000 epochs, curves off (500 networks: OR and XOR,
# no hidden layer and 1-4 hidden units, bias off and on). Each round runs, back to back:
#   - the bare kernel: the job's own task code on the job's own task plan in a plain thread pool, no Spark, in a
#     fresh JVM warmed up by one untimed pass (bench/../SweepBench): 1 thread, then 2 threads;
#   - ./submit.sh --master local[1] and --master local[2] (order alternating between rounds), each a fresh JVM;
#     its networks/s come from run.json's train stage (after start-up: JVM, Spark, warm-up), its wall time is the
#     whole submit.sh process.
# Then a skewed grid (XOR, hidden 1..32, epochs 100..100,000, bias off/on, 3 seeds) on local[2], SKEWED_RUNS times:
# the train stage against the total kernel work (the sum of the networks' train_ms) / 2 cores.
# Medians over the rounds; every ratio is the median of the per-round ratios. Prints markdown and writes it into
# docs/benchmarks.md between the spark-benchmark markers (the rest of the file is kept).
#
#   bench/spark.sh [rounds]        (default 5; about 45 s per round plus about 1 minute for the skewed grid)
#
# Environment: SKEWED_RUNS (default 3), BENCH_NO_DOCS=1 to print only.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
rounds="${1:-5}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/spark.sh [rounds >= 1], found '$rounds'" >&2; exit 2; }
skewed_runs="${SKEWED_RUNS:-3}"

# the job's jar (submit.sh builds it when stale) and the bare-kernel harness (test classes)
if [[ ! -f target/classpath.txt || ! -f target/test-classes/nnsweep/bench/SweepBench.class ]]; then
  mvn -B -q -DskipTests package
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
sets=('seeds={ from = 0, count = 25 }' 'epochs=[200000]' 'curve-points=0')
study=(--config conf/tutorial.conf)
for s in "${sets[@]}"; do study+=(--set "$s"); done
classpath="target/test-classes:target/classes:$(cat target/classpath.txt)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"
t0=$(date +%s)

job() { # job LABEL MASTER CONFIG-ARGS... : one submit.sh run, appends "label wall stages-json" to $out/jobs.txt
  local label="$1" master="$2"
  shift 2
  local start end
  start=$(date +%s.%N)
  ./submit.sh --master "$master" "$@" --out "$out/run" --overwrite >"$out/log" 2>"$out/err" \
    || { cat "$out/err" >&2; exit 1; }
  end=$(date +%s.%N)
  python3 - "$label" "$start" "$end" "$out/run" >>"$out/jobs.txt" <<'PY'
import csv, json, sys
label, start, end, run = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
stages = json.load(open(run + "/run.json"))["run"]["stage-seconds"]
work = sum(float(r["train_ms"]) for r in csv.DictReader(open(run + "/results.csv"))) / 1000
print(json.dumps({"label": label, "wall": end - start, "stages": stages, "work": work}))
PY
}

: >"$out/jobs.txt"
: >"$out/bare.txt"
for i in $(seq "$rounds"); do
  echo "round $i of $rounds" >&2
  # the job's JVMs have jdk.incubator.vector (Spark's launcher adds it; so does submit.sh): without it the bare kernel
  # would run FastSigmoid's scalar loop and be no baseline for the job
  java -Xmx1g --add-modules jdk.incubator.vector -cp "$classpath" nnsweep.bench.SweepBench conf/tutorial.conf 2 32 \
    "${sets[@]}" 2>/dev/null \
    | sed "s/^/$i /" >>"$out/bare.txt"
  if (( i % 2 )); then order=('local[1]' 'local[2]'); else order=('local[2]' 'local[1]'); fi
  for master in "${order[@]}"; do
    job "$i $master" "$master" "${study[@]}"
  done
done

cat >"$out/skewed.conf" <<'CONF'
study {
  name = "skewed"
  datasets = [ { name = "xor", path = "data/xor.csv", outputs = 1 } ]
  models = [hidden]
  hidden { sizes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
                    27, 28, 29, 30, 31, 32] }
  learning-rates = [0.5]
  epochs = [100, 1000, 10000, 100000]
  bias = [false, true]
  seeds = { from = 0, count = 3 }
  curve-points = 0
}
CONF
for i in $(seq "$skewed_runs"); do
  echo "skewed grid, run $i of $skewed_runs" >&2
  job "skewed local[2]" 'local[2]' --config "$out/skewed.conf"
done
minutes=$(( ($(date +%s) - t0 + 30) / 60 ))
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$out" "$rounds" "$started" "$minutes" "$load_before" "$load_after" "${BENCH_NO_DOCS:-0}" <<'PY'
import json, statistics, sys
out, rounds, started, minutes, load_before, load_after, no_docs = sys.argv[1:8]
rounds = int(rounds)
med = statistics.median
bare = {}
for line in open(out + "/bare.txt"):
    r, _, threads, secs = line.split()
    bare[(int(r), int(threads))] = float(secs)
jobs = [json.loads(l) for l in open(out + "/jobs.txt")]
job = {}
for j in jobs:
    if not j["label"].startswith("skewed"):
        r, master = j["label"].split()
        job[(int(r), master)] = j
n = 500
R = range(1, rounds + 1)
def rng(v): return "%.2f - %.2f" % (min(v), max(v))
b1 = [bare[(r, 1)] for r in R]
b2 = [bare[(r, 2)] for r in R]
l1 = [job[(r, "local[1]")]["stages"]["train"] for r in R]
l2 = [job[(r, "local[2]")]["stages"]["train"] for r in R]
w1 = [job[(r, "local[1]")]["wall"] for r in R]
w2 = [job[(r, "local[2]")]["wall"] for r in R]
def stage(master, name): return med([job[(r, master)]["stages"].get(name, 0.0) for r in R])
lines = []
p = lines.append
p("Command (from the project root):")
p("")
p("```")
p("bench/spark.sh %d" % rounds)
p("```")
p("")
p("Measured %s in %s minutes, %d rounds; 1-minute load average before: %s, after: %s." % (started, minutes, rounds,
  load_before, load_after))
p("")
p("### 500-network tutorial-size grid (OR and XOR, none and 1-4 hidden, bias off/on, 25 seeds, 200,000 epochs)")
p("")
p("| run | seconds, median (min - max) | networks/s |")
p("|---|---:|---:|")
p("| bare kernel, 1 thread (warm JVM, no Spark) | %.2f (%s) | %.1f |" % (med(b1), rng(b1), n / med(b1)))
p("| bare kernel, 2 threads (warm JVM, no Spark) | %.2f (%s) | %.1f |" % (med(b2), rng(b2), n / med(b2)))
p("| job on local[1], train stage | %.2f (%s) | %.1f |" % (med(l1), rng(l1), n / med(l1)))
p("| job on local[2], train stage | %.2f (%s) | %.1f |" % (med(l2), rng(l2), n / med(l2)))
p("| job on local[1], whole submit.sh run | %.2f (%s) | |" % (med(w1), rng(w1)))
p("| job on local[2], whole submit.sh run | %.2f (%s) | |" % (med(w2), rng(w2)))
p("")
p("Stages of the job (medians, seconds): local[1]: spark-start %.2f, warm-up %.2f, train %.2f, reports %.2f; "
  "local[2]: spark-start %.2f, warm-up %.2f, train %.2f, reports %.2f." % (
  stage("local[1]", "spark-start"), stage("local[1]", "warm-up"), stage("local[1]", "train"),
  stage("local[1]", "reports"), stage("local[2]", "spark-start"), stage("local[2]", "warm-up"),
  stage("local[2]", "train"), stage("local[2]", "reports")))
p("")
scaling = [a / b for a, b in zip(l1, l2)]
wall_scaling = [a / b for a, b in zip(w1, w2)]
eff = [a / (2 * b) for a, b in zip(b1, l2)]
vs_bare2 = [a / b for a, b in zip(b2, l2)]
hw = [a / b for a, b in zip(b1, b2)]
own = [job[(r, "local[2]")]["work"] / (2 * job[(r, "local[2]")]["stages"]["train"]) for r in R]
p("| ratio (median of the per-round ratios) | value | per round | target |")
p("|---|---:|---|---:|")
def row(name, vals, target, pct=False):
    f = (lambda v: "%.0f%%" % (100 * v)) if pct else (lambda v: "%.2fx" % v)
    p("| %s | %s | %s | %s |" % (name, f(med(vals)), ", ".join(f(v) for v in vals), target))
row("scaling: local[2] / local[1] networks/s (train stage)", scaling, ">= 1.80x")
row("job efficiency: local[2] networks/s / (bare kernel 1 thread x 2 cores)", eff, ">= 90%", True)
row("job local[2] / bare kernel 2 threads", vs_bare2, "", True)
row("job local[2]: its own kernel time (sum of train_ms) / (2 cores x train stage)", own, "", True)
row("bare kernel: 2 threads / 1 thread (what the machine gives)", hw, "")
row("whole run: local[2] / local[1] (start-up and reports included)", wall_scaling, "")
p("")
p("The bare-kernel rows come from another JVM run a little earlier in the same round, so on a machine whose speed "
  "drifts they carry that drift; the kernel-time row compares the job with the kernel time its own tasks measured, "
  "at the same moment: what the job spends besides training (scheduling, results, idle cores at the end).")
p("")
sk = [j for j in jobs if j["label"].startswith("skewed")]
if sk:
    p("### Skewed grid on local[2] (XOR, hidden 1..32, epochs 100 / 1,000 / 10,000 / 100,000, bias off/on, 3 seeds: "
      "768 networks)")
    p("")
    p("| run | train stage | total kernel work (sum of train_ms) | work / 2 cores | train stage / (work / 2 cores) |")
    p("|---|---:|---:|---:|---:|")
    ratios = []
    for k, j in enumerate(sk, 1):
        t, w = j["stages"]["train"], j["work"]
        ratios.append(t / (w / 2))
        p("| %d | %.2f s | %.2f s | %.2f s | %.3f |" % (k, t, w, w / 2, t / (w / 2)))
    p("")
    p("Median: the train stage takes %.3f x (total work / cores) (target: within 10%%, i.e. <= 1.10)." % med(ratios))
text = "\n".join(lines)
print(text)
if no_docs != "1":
    path = "docs/benchmarks.md"
    start, end = "<!-- spark-benchmark:start -->", "<!-- spark-benchmark:end -->"
    doc = open(path).read()
    section = start + "\n## The Spark job: local[1] vs local[2] vs the bare kernel\n\n" + text + "\n" + end
    if start in doc:
        doc = doc[:doc.index(start)] + section + doc[doc.index(end) + len(end):]
    else:
        doc = doc.rstrip() + "\n\n" + section + "\n"
    open(path, "w").write(doc)
PY
