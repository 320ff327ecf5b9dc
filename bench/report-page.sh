#!/usr/bin/env bash
# How heavy report.html is in a browser: its size, and how long headless Chromium takes to load it and run its
# scripts (the explore view drawn, every table made sortable, then the page's self-check: a sort, a brush, a cell
# selected), over several runs.
#
#   bench/report-page.sh [REPORT.html] [runs]      (defaults out/tutorial/report.html and 3)
#
# Prints the page's size, then one line per run: the wall time of `chromium --headless --dump-dom` (browser start
# included), and as the page measured them (performance.now() from navigation start) the time until its script had
# drawn everything and the time until the end of its self-check, and the cells drawn. Installs nothing: it uses $CHROMIUM, else /usr/bin/chromium.
set -euo pipefail
report="${1:-out/tutorial/report.html}"
runs="${2:-3}"
[[ -f "$report" ]] || { echo "report-page: $report: no such file" >&2; exit 2; }
browser="${CHROMIUM:-/usr/bin/chromium}"
[[ -x "$browser" ]] || { echo "report-page: no Chromium at $browser (apt-get install -y chromium)" >&2; exit 3; }
abs="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
profile="$(mktemp -d "${TMPDIR:-/tmp}/report-page.XXXXXX")"
trap 'rm -rf "$profile"' EXIT
echo "page: $abs: $(stat -c %s "$abs") bytes"
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s.%N)
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --disable-dev-shm-usage --user-data-dir="$profile" \
    --window-size=1400,1000 --dump-dom "file://$abs#selftest" 2>/dev/null >"$profile/dom.html"
  end=$(date +%s.%N)
  python3 - "$profile/dom.html" "$start" "$end" "$i" <<'PY'
import html, json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<pre id="selftest-result">([^<]*)</pre>', dom)
if not m:
    sys.exit("report-page: the page's self-check did not run (no JavaScript result in the DOM)")
r = json.loads(html.unescape(m.group(1)))
ready = re.search(r'data-ready-ms="(\d+)"', dom)
print("run %s: %.2f s wall (browser start included); page ready (explore view drawn, tables sortable) %.2f s and"
      " self-check done %.2f s after navigation start; %d cells drawn, %d script errors, %d resources fetched"
      % (sys.argv[4], float(sys.argv[3]) - float(sys.argv[2]), int(ready.group(1)) / 1000 if ready else float("nan"),
         r.get("scriptDoneMs", float("nan")) / 1000, r["explorePaths"], len(r["errors"]),
         len(r.get("resources", []))))
PY
done
