#!/usr/bin/env bash
# The Python peers of the kernel benchmark (bench/peers.py): network-epochs per second on one thread, float64, for
# the tutorial-style NumPy loop, PyTorch CPU (networks batched with torch.bmm) and JAX (vmap + jit), on the tutorial's
# OR network, 8-16-4 x 256 rows and the digits shape. Prints a TSV (peer, shape, networks, epochs,
# network_epochs_per_s, warmup_s) on stdout and notes (check lines, load average, per-round figures) on stderr.
#
#   bench/peers.sh                    the full run (3 rounds of about 3 s per measurement; about 2-3 minutes)
#   bench/peers.sh --quick            a smoke run (1 round of about 0.3 s)
#   bench/peers.sh --json FILE ...    also writes everything as JSON; other options: bench/peers.sh --help
#
# Creates target/peers-venv on first use (or when bench/peers-requirements.txt changes) and installs the pinned
# packages with pip. Needs python3 3.11 (PYTHON overrides), and pip able to reach the pinned wheels: on this machine
# kind they come from the local wheel index and wheel folder set in pip's configuration; PEERS_PIP_INDEX overrides the
# index (default: the local one when /opt/pypi/simple exists, so that pip does not wait on an index it cannot reach).
# One thread each: OPENBLAS/OMP/MKL_NUM_THREADS=1 and XLA_FLAGS are set here, torch.set_num_threads(1) in peers.py.
set -euo pipefail

readonly here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

venv="${PEERS_VENV:-target/peers-venv}"
requirements=bench/peers-requirements.txt
stamp="$venv/.requirements"
if [[ ! -x "$venv/bin/python" ]] || ! cmp -s "$requirements" "$stamp"; then
  echo "bench/peers.sh: installing the peers into $venv (a few minutes the first time)" >&2
  "${PYTHON:-python3}" -m venv "$venv"
  pip_args=(--disable-pip-version-check -q)
  index="${PEERS_PIP_INDEX:-}"
  if [[ -z "$index" && -d /opt/pypi/simple ]]; then
    index=file:///opt/pypi/simple
  fi
  if [[ -n "$index" ]]; then
    pip_args+=(--index-url "$index")
  fi
  "$venv/bin/pip" install "${pip_args[@]}" -r "$requirements" >&2
  cp "$requirements" "$stamp"
fi

export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
export XLA_FLAGS="--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
exec "$venv/bin/python" bench/peers.py "$@"
