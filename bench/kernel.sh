#!/usr/bin/env bash
# The kernel benchmark: epochs per second of nnsweep's Java trainers (BreezeTrainer, FusedTrainer, LockstepTrainer),
# the tutorial-style NumPy loop (bench/numpy_tutorial.py) and a C scalar kernel (bench/kernel.c), on the tutorial's OR
# network (2-3-1, no bias, 200,000 epochs) and on an 8-16-4 network with bias on 256 rows, all in the same run,
# single-threaded. Prints a table and writes it into docs/benchmarks.md (its own section; the rest of the file is
# kept). Takes about 2-3 minutes.
#
#   bench/kernel.sh            the full benchmark (7 rounds)
#   bench/kernel.sh --quick    a short smoke run (3 rounds, fewer epochs; docs/benchmarks.md is not touched)
#
# Needs Java 17 and Maven (builds the project with `mvn -B -q -DskipTests package` if target/classes or
# target/test-classes is missing), gcc, and python3 with numpy. Run it on an otherwise idle machine: the load average
# before and after is recorded next to the results.
#
# Environment: LANES (comma-separated lockstep group sizes, default 8,16,32), ROUNDS (default 7), PYTHON (default
# python3), KERNEL_BENCH_WORK (scratch folder for the C binaries and problem files, default target/kernel-bench).
set -euo pipefail

readonly here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

quick=false
case "${1:-}" in
  --quick) quick=true ;;
  "") ;;
  *) echo "usage: bench/kernel.sh [--quick]" >&2; exit 2 ;;
esac

if [[ ! -d target/classes || ! -d target/test-classes || ! -f target/classpath.txt ]]; then
  echo "building (mvn -B -q -DskipTests package)" >&2
  mvn -B -q -DskipTests package
fi
if [[ ! -f target/test-classes/nnsweep/bench/KernelBench.class ]]; then
  mvn -B -q -DskipTests test-compile
fi

work="${KERNEL_BENCH_WORK:-target/kernel-bench}"
mkdir -p "$work"
cflags=(-O3 -march=native -ffp-contract=off)
gcc "${cflags[@]}" -o "$work/kernel" bench/kernel.c -lm
gcc "${cflags[@]}" -DFIXED_N=4 -DFIXED_IN=2 -DFIXED_H=3 -DFIXED_OUT=1 -o "$work/kernel_or" bench/kernel.c -lm
gcc "${cflags[@]}" -DFIXED_N=256 -DFIXED_IN=8 -DFIXED_H=16 -DFIXED_OUT=4 -o "$work/kernel_wide" bench/kernel.c -lm

python="${PYTHON:-python3}"
"$python" -c 'import numpy' || { echo "bench/kernel.sh: $python has no numpy" >&2; exit 2; }

args=(--work "$work" --c-generic "$work/kernel" --c-fixed "or=$work/kernel_or" --c-fixed "wide=$work/kernel_wide"
      --numpy bench/numpy_tutorial.py --python "$python" --lanes "${LANES:-8,16,32}")
if $quick; then
  args+=(--quick --rounds "${ROUNDS:-3}")
else
  args+=(--rounds "${ROUNDS:-7}" --markdown docs/benchmarks.md --command "bench/kernel.sh")
fi
classpath="target/test-classes:target/classes:$(cat target/classpath.txt)"
# the module the job runs with (submit.sh, Spark): the SIMD sigmoid of the lockstep and fused kernels
exec java -Xmx1g --add-modules jdk.incubator.vector -cp "$classpath" nnsweep.bench.KernelBench "${args[@]}"
