#!/usr/bin/env bash
# The shape sweep (issue 24, bench/sweep_shapes.py): 10 shapes from 208 to 58,000 rows, inputs 8-200, hidden 4-128,
# outputs 1-26; per shape nnsweep's kernel per CPU-second against the best Python peer (bench/peers.sh), the job's
# local[2] train stage against 2 x that peer, and the kernel's useful GFLOPS as a fraction of the same run's one-core
# dgemm peak; the CPU is named in the output. About 15-20 minutes on an idle machine (--quick: a smoke run).
#
#   bench/sweep-shapes.sh [--quick] [--no-job] [--shapes 5000x16-32-26,1500x60-24-8] [--peers jax,torch]
#
# --shapes also takes shapes outside the sweep (ROWSxI-H-O[:NETSxEPOCHS], e.g. 3000x50-10-20 or 800x8-128-4:32x900):
# the check on shapes nobody tuned for.
#
# Native BLAS: the system's libblas.so.3, or Debian's OpenBLAS fetched into target/native as ./submit.sh does
# (bench/lib/probe.sh), for the job and the probe alike; the output names which one the job loaded.
set -euo pipefail
readonly here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source bench/lib/probe.sh
export OPENBLAS_NUM_THREADS=1
exec python3 bench/sweep_shapes.py "$@"
