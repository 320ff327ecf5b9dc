#!/usr/bin/env bash
# The kernel-choice measurements behind nn/Kernel's cost model: network-epochs per CPU-second of one thread for the
# lockstep kernel and the BLAS kernel (netlib's Java BLAS, groups of 4, the model's basis; and this machine's BLAS,
# native where installed) on 18 shapes from 4 to 1,797 rows, next to the model's estimates and its choice. Prints a
# TSV: rows, inputs, hidden, outputs, bias, what, network-epochs/s. About 5 minutes on an idle machine.
#
#   bench/shapes.sh [seconds per measurement, default 1]
set -euo pipefail
readonly here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# builds what is missing and gives the probe the native BLAS ./submit.sh gives the job (bench/lib/probe.sh)
source bench/lib/probe.sh
seconds="${1:-1}"
# a copy of the classes, so that a build while this runs does not pull them from under it
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r target/classes target/test-classes "$work/"
cp="$work/test-classes:$work/classes:$(cat target/classpath.txt)"
printf 'rows\tinputs\thidden\toutputs\tbias\twhat\tnetwork_epochs_per_s\n'
while read -r r i h o b; do
  OPENBLAS_NUM_THREADS=1 java --add-modules jdk.incubator.vector -cp "$cp" nnsweep.bench.ShapeProbe \
    "$r" "$i" "$h" "$o" "$b" "$seconds" model lockstep gemm-java-4 gemm-native-4 2>/dev/null
done <<'SHAPES'
4 2 3 1 false
16 4 8 1 true
32 5 9 1 true
64 6 9 1 true
150 4 2 3 true
150 4 5 3 true
150 4 8 3 true
194 2 8 1 true
256 8 16 4 true
178 13 4 3 true
178 13 8 3 true
569 30 2 1 true
569 30 8 1 true
569 30 20 1 true
1797 64 2 10 true
1797 64 8 10 true
1797 64 43 10 true
1797 64 0 10 true
SHAPES
