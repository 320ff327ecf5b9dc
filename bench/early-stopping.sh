#!/usr/bin/env bash
# Cost of validation-based early stopping (docs/validation.md, "Early stopping"): a study trained without early
# stopping, with 40 checks (patience 0: the whole budget) and with 40 checks and patience 5, alternating the three so
# that each sees the same machine load.
#   1. CPU seconds of one thread training the whole grid (nnsweep.bench.EarlyStoppingBench, no Spark): digits, and
#      the three small shipped datasets (iris, wine, breast-cancer) at conf/validation.conf's settings;
#   2. with --spark: the digits study through ./submit.sh, run.json's train stage.
# Usage: bench/early-stopping.sh [rounds, default 3] [--spark [master, default local[2]]]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
spark=${2:-}
master=${3:-local[2]}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [[ ! -f target/classpath.txt || ! -f target/test-classes/nnsweep/bench/EarlyStoppingBench.class ]]; then
  mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=compile \
    -Dmdep.outputFile=target/classpath.txt >&2
fi
cp="target/test-classes:target/classes:$(cat target/classpath.txt)"
cat > "$work/small.conf" <<'CONF'
study {
  name = "early-stopping-bench-small"
  datasets = [
    { name = "iris", path = "data/iris.csv", outputs = 3, test-fraction = 0.25, validation-fraction = 0.2, scale = standard }
    { name = "wine", path = "data/wine.csv", outputs = 3, test-fraction = 0.25, validation-fraction = 0.2, scale = standard }
    { name = "breast-cancer", path = "data/breast-cancer.csv", outputs = 1, test-fraction = 0.25,
      validation-fraction = 0.2, scale = standard }
  ]
  models = [none, hidden]
  hidden { sizes = [2, 4, 8, 16, 32] }
  learning-rates = { log-uniform = [0.003, 3.0], samples = 6 }
  epochs = [2700]
  bias = [true]
  seeds = [0]
  init { scheme = xavier }
  curve-points = 10
  keep-models = none
}
CONF
cat > "$work/digits.conf" <<'CONF'
study {
  name = "early-stopping-bench"
  datasets = [
    { name = "digits", path = "data/digits.csv", outputs = 10,
      test-fraction = 0.25, validation-fraction = 0.2, scale = standard }
  ]
  models = [hidden]
  hidden { sizes = [16, 32] }
  learning-rates = [0.003, 0.03]
  epochs = [1000]
  bias = [true]
  seeds = { from = 0, count = 2 }
  init { scheme = xavier }
  curve-points = 10
  keep-models = none
}
CONF
for conf in digits small; do
  echo "== $conf: CPU seconds of one thread, whole grid"
  java --add-modules jdk.incubator.vector -cp "$cp" nnsweep.bench.EarlyStoppingBench "$work/$conf.conf" "$rounds" \
    '{checks=40,patience=0}' '{checks=40,patience=5}' 2>/dev/null | grep -v WARNING
done
[[ "$spark" == --spark ]] || exit 0
echo "== digits through ./submit.sh on $master: train stage"
declare -A sets=(
  [none]=""
  [checks40]="early-stopping={checks=40,patience=0}"
  [patience5]="early-stopping={checks=40,patience=5}"
)
for round in $(seq 1 "$rounds"); do
  for variant in none checks40 patience5; do
    args=(--master "$master" --config "$work/digits.conf" --out "$work/$variant" --overwrite)
    [[ -n "${sets[$variant]}" ]] && args+=(--set "${sets[$variant]}")
    ./submit.sh "${args[@]}" > "$work/$variant.log" 2>&1 || { cat "$work/$variant.log"; exit 1; }
    python3 - "$work/$variant" "$variant" "$round" >> "$work/times.tsv" <<'PY'
import csv, json, sys
out, variant, rnd = sys.argv[1:]
st = json.load(open(out + "/run.json"))["run"]["stage-seconds"]
rows = list(csv.DictReader(open(out + "/results.csv")))
runs = sum(int(r["epochs_run"]) for r in rows)
print("%s\t%s\t%.3f\t%d\t%.6f" % (variant, rnd, st["train"], runs,
      sum(float(r["test_class_accuracy"]) for r in rows) / len(rows)))
PY
    tail -1 "$work/times.tsv"
  done
done
python3 - "$work/times.tsv" <<'PY'
import statistics, sys
by = {}
for line in open(sys.argv[1]):
    v, r, t, runs, acc = line.split("\t")
    by.setdefault(v, []).append((float(t), int(runs), float(acc)))
for v, xs in by.items():
    print("%-10s train stage median %.2f s (runs: %s), updates made %d, mean test class accuracy %.4f" % (
        v, statistics.median(x[0] for x in xs), " ".join("%.2f" % x[0] for x in xs), xs[0][1], xs[0][2]))
PY
