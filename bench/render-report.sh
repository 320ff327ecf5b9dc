#!/usr/bin/env bash
# Renders an nnsweep report.html in headless Chromium and saves a screenshot, to check the page in a real browser.
#
#   bench/render-report.sh [REPORT.html] [OUT.png]
#
#   REPORT.html   default out/tutorial/report.html
#   OUT.png       default: report.png next to REPORT.html
#
# Installs nothing: it uses $CHROMIUM, else /usr/bin/chromium, else chromium or chromium-browser on PATH. Without one
# it prints how to install it (Debian/Ubuntu: apt-get install -y chromium) and exits with status 3.
# RENDER_WINDOW_SIZE is the browser window, and so the screenshot, in CSS pixels: WIDTH,HEIGHT. By default the width
# is 1400 and the height the whole page's: a first pass loads the page and reads the height its script records
# (data-page-height on the html element); a page without it (older reports) is captured 4000 pixels tall.
# RENDER_TIMEOUT (default 120) is the most seconds Chromium may take.
# The browser runs with a throwaway profile and no network activity of its own (no sync, no component updates).
set -euo pipefail

report="${1:-out/tutorial/report.html}"
if [[ ! -f "$report" ]]; then
  echo "render-report: $report: no such file, expected a report.html written by ./submit.sh" >&2
  exit 2
fi
report_abs="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
out="${2:-$(dirname "$report_abs")/report.png}"
out_dir="$(cd "$(dirname "$out")" 2>/dev/null && pwd)" || {
  echo "render-report: $(dirname "$out"): no such folder for the screenshot" >&2
  exit 2
}
out_abs="$out_dir/$(basename "$out")"
timeout_s="${RENDER_TIMEOUT:-120}"

browser="${CHROMIUM:-}"
if [[ -z "$browser" ]]; then
  for candidate in /usr/bin/chromium "$(command -v chromium 2>/dev/null || true)" \
    "$(command -v chromium-browser 2>/dev/null || true)"; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then
      browser="$candidate"
      break
    fi
  done
fi
if [[ -z "$browser" || ! -x "$browser" ]]; then
  echo "render-report: Chromium not found (looked for \$CHROMIUM, /usr/bin/chromium, chromium, chromium-browser)." >&2
  echo "render-report: install it with: apt-get install -y chromium    (Debian/Ubuntu, as root)" >&2
  exit 3
fi

profile="$(mktemp -d "${TMPDIR:-/tmp}/render-report.XXXXXX")"
trap 'rm -rf "$profile"' EXIT
rm -f "$out_abs"
# Chromium's own chatter (dbus, GPU) goes to a log; it is shown only when no screenshot appears.
log="$profile/chromium.log"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$profile")
size="${RENDER_WINDOW_SIZE:-}"
if [[ -z "$size" ]]; then
  height="$(timeout "$timeout_s" "$browser" "${flags[@]}" --window-size=1400,1000 --dump-dom "file://$report_abs" \
    2>>"$log" | grep -o 'data-page-height="[0-9]*"' | head -n 1 | tr -dc '0-9' || true)"
  size="1400,${height:-4000}"
fi
status=0
timeout "$timeout_s" "$browser" "${flags[@]}" --window-size="$size" --screenshot="$out_abs" \
  "file://$report_abs" >>"$log" 2>&1 || status=$?
if [[ ! -s "$out_abs" ]]; then
  echo "render-report: no screenshot written (chromium exit status $status); its output:" >&2
  cat "$log" >&2
  exit 1
fi
echo "$out_abs"
