# Shared by bench/cluster.sh and bench/yarn.sh (sourced, not run): messages, the Java to start, and process checks
# through /proc. The sourcing script sets `tool` (the prefix of its messages) first.

java_bin="java"
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java_bin="$JAVA_HOME/bin/java"
readonly java_bin

say() { echo "$tool: $*" >&2; }
die() {
  say "error: $*"
  exit 1
}

# A state folder as an absolute path (a relative one is taken from the current folder).
absolute_dir() {
  if [[ "$1" == /* ]]; then echo "$1"; else echo "$PWD/$1"; fi
}

# True when the process exists and is not a zombie.
alive() {
  local pid="$1" st
  [[ -r "/proc/$pid/stat" ]] || return 1
  st="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  st="${st##*) }"
  [[ "${st:0:1}" != Z ]]
}

cmdline() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true; }
