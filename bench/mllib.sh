#!/usr/bin/env bash
# Benchmark 4: Spark MLlib's MultilayerPerceptronClassifier (solver gd), fitted once per configuration as
# CrossValidator would, vs nnsweep on the same small grid, in the same JVM and run. Prints a markdown table row.
#   bench/mllib.sh [configs] [epochs] [repeats]      (defaults: 12 200 3; about 3 minutes)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
if [[ ! -f target/classpath.txt || ! -d target/test-classes/nnsweep/bench ]]; then
  mvn -B -q -DskipTests package test-compile >&2
fi
export SPARK_LOCAL_IP=127.0.0.1
java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" \
  -Dlog4j2.configurationFile="file:$here/conf/log4j2.properties" \
  nnsweep.bench.MllibBench "${1:-12}" "${2:-200}" "${3:-3}" 2>/dev/null
