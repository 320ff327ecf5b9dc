#!/usr/bin/env bash
# Real-dataset benchmark (bench/real.py): nnsweep's kernels and the job itself against NumPy, PyTorch and JAX at the
# tutorial shape, 8-16-4 x 256 rows and the digits shape, float64, in one run; the job's local[2] train stage, the
# warm-up share and local[1] vs local[2] scaling. About 10 minutes; run it on an otherwise idle machine.
#
#   bench/real.sh                                 the full run; writes its tables into docs/benchmarks.md
#   bench/real.sh --quick                         a smoke run (nothing written to docs/)
#   bench/real.sh --skip-peers                    nnsweep only
#
# Native BLAS: the system's libblas.so.3, or Debian's OpenBLAS fetched into target/native as ./submit.sh does
# (bench/lib/probe.sh), for the job and the probe alike; run.json and the table name which one ran.
set -euo pipefail
readonly here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source bench/lib/probe.sh
markdown=(--markdown docs/benchmarks.md)
for a in "$@"; do [[ "$a" == --quick ]] && markdown=(); done
exec python3 bench/real.py "${markdown[@]}" "$@"
