#!/usr/bin/env bash
# Re-creates the 13 mlbench datasets in data/ (sonar.csv ... soybean.csv; see data/README.md) from Debian's
# r-cran-mlbench package (no install: apt-get download + dpkg -x; the .rda files read without R by the `rdata`
# Python package: pip install rdata pandas). The conversion rules (missing values, factors, targets, constant
# columns) are in data/import_mlbench.py; it checks each set's rows, inputs and outputs.
# Usage: data/import-mlbench.sh [output dir]   (default: data/ itself)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here}"
python3 -c 'import rdata, pandas' 2>/dev/null || {
  echo "import-mlbench: error: the Python packages rdata and pandas are needed (pip install rdata pandas)" >&2
  exit 2
}
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download r-cran-mlbench >/dev/null && dpkg -x r-cran-mlbench_*.deb x)
echo "from $(cd "$tmp" && ls r-cran-mlbench_*.deb)"
python3 "$here/import_mlbench.py" "$tmp/x/usr/lib/R/site-library/mlbench/data" "$out"
