#!/usr/bin/env bash
# bench/compare-runs.sh BEFORE AFTER: two output folders of the same study (say, before and after a refactoring)
# compared file by file, byte for byte, except results.csv's train_ms column, run.json's timings and its --out folder.
# Prints each file that differs and "compared N files: identical" or "DIFFERENT"; exit status 0 when identical.
set -uo pipefail
b="$1"; a="$2"; status=0
blank() { python3 - "$1" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='')))
col = rows[0].index('train_ms')
for r in rows[1:]: r[col] = ''
w = csv.writer(sys.stdout, lineterminator='\n'); w.writerows(rows)
PY
}
# report.html: the explore data's column objects ({"name","role","type"}) in one key order; pages written before
# ExploreData fixed it had them in an order that changed from JVM to JVM (Map.of), which is all this normalises
html_columns() { python3 - "$1" <<'PY'
import re, sys
t = open(sys.argv[1], encoding='utf-8').read()
def fix(m):
    d = dict(re.findall(r'"(name|role|type)":"([^"]*)"', m.group(0)))
    return '{"name":"%s","role":"%s","type":"%s"}' % (d['name'], d['role'], d['type'])
sys.stdout.write(re.sub(r'\{(?:"(?:name|role|type)":"[^"]*",?){3}\}', fix, t))
PY
}
json_untimed() { python3 - "$1" "$2" <<'PY'
import json, sys
def strip(o):
    if isinstance(o, dict):
        return {k: strip(v) for k, v in o.items() if not any(t in k.lower() for t in ('second', 'millis', 'started', 'finished'))}
    if isinstance(o, list): return [strip(v) for v in o]
    return o
# the --out folder named on the command line is the run's own
print(json.dumps(strip(json.load(open(sys.argv[1]))), indent=1, sort_keys=True).replace(sys.argv[2], "OUT"))
PY
}
diff <(cd "$b" && find . -type f | sort) <(cd "$a" && find . -type f | sort) || status=1
n=0
for f in $(cd "$b" && find . -type f | sort); do
  [[ -f "$a/$f" ]] || continue
  n=$((n+1))
  case "$f" in
    */results.csv) cmp -s <(blank "$b/$f") <(blank "$a/$f") || { echo "DIFFERS: $f"; status=1; } ;;
    */run.json) cmp -s <(json_untimed "$b/$f" "$b") <(json_untimed "$a/$f" "$a") || { echo "DIFFERS: $f"; diff <(json_untimed "$b/$f" "$b") <(json_untimed "$a/$f" "$a") | head -20; status=1; } ;;
    */report.html) cmp -s <(html_columns "$b/$f") <(html_columns "$a/$f") || { echo "DIFFERS: $f"; status=1; } ;;
    *) cmp -s "$b/$f" "$a/$f" || { echo "DIFFERS: $f"; status=1; } ;;
  esac
done
echo "compared $n files: $([[ $status == 0 ]] && echo identical || echo DIFFERENT)"
exit $status
