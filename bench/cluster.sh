#!/usr/bin/env bash
# A Spark standalone cluster on this machine, for trying nnsweep on a real master and workers without a Spark
# download: one Master and two Workers (1 core, 1 GiB each), every one in its own JVM, all bound to 127.0.0.1,
# started from the Maven-resolved jars (target/classpath.txt; built with `mvn -B -q -DskipTests package` if missing).
#
#   bench/cluster.sh start    start the cluster, wait until both workers are registered, print the master URL
#   bench/cluster.sh status   print what is running (exit 0: running, 3: not running, 1: partly running)
#   bench/cluster.sh stop     stop exactly the processes started here (and their executors), by PID; idempotent
#
#   url=$(bench/cluster.sh start) && ./submit.sh --master "$url" ... ; bench/cluster.sh stop
#
# Environment:
#   NNSWEEP_CLUSTER_DIR          state folder (default target/cluster): pids/, logs/, master-url, spark-home/
#                                (a SPARK_HOME stand-in: jars/ with symlinks to the Maven jars), work/ (executor
#                                folders and logs), local/ (Spark scratch space), tmp/ (java.io.tmpdir of the JVMs)
#   NNSWEEP_MASTER_PORT          master RPC port (default: a free one picked by the system)
#   NNSWEEP_MASTER_WEBUI_PORT    master web UI port, serves /json/ (default: a free one)
#   NNSWEEP_CLUSTER_TIMEOUT      seconds `start` waits for the master and both workers (default 90)
#   SPARK_DAEMON_MEMORY          heap of the Master and Worker JVMs (default 1g, as in Spark's own scripts)
#
# Executors started by the Workers get java.io.tmpdir=<state>/tmp (through spark-home/conf/java-opts), so the
# native libraries a killed executor leaves behind (liblz4-java-*.so, libnetlibblasjni*.so) stay in the state folder
# instead of /tmp. `stop` keeps the state folder (logs); delete it yourself when done.
set -euo pipefail

readonly here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly workers=2
readonly worker_cores=1
readonly worker_memory=1g
readonly master_class=org.apache.spark.deploy.master.Master
readonly worker_class=org.apache.spark.deploy.worker.Worker
readonly executor_class=org.apache.spark.executor.CoarseGrainedExecutorBackend

readonly tool=cluster
# shellcheck source=lib/daemons.sh
source "$here/bench/lib/daemons.sh"

state="$(absolute_dir "${NNSWEEP_CLUSTER_DIR:-$here/target/cluster}")"
readonly state
readonly marker="-Dnnsweep.cluster.dir=$state"
readonly timeout_s="${NNSWEEP_CLUSTER_TIMEOUT:-90}"
readonly stop_timeout_s=20

# --- processes ---------------------------------------------------------------------------------------------------

parent_of() { awk '{ sub(/^.*\) /, ""); print $2 }' "/proc/$1/stat" 2>/dev/null || true; }

# The PID recorded for a daemon (master, worker-1, ...) when that process still runs and is ours (its command line
# names the class and this state folder: a recycled PID never matches).
daemon_pid() {
  local name="$1" class="$2" file="$state/pids/$1.pid" pid cmd
  [[ -f "$file" ]] || return 1
  pid="$(<"$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] && alive "$pid" || return 1
  cmd="$(cmdline "$pid")"
  [[ "$cmd" == *"$class"* && "$cmd" == *"$marker"* ]] || return 1
  echo "$pid"
}

worker_pids() {
  local i
  for ((i = 1; i <= workers; i++)); do
    daemon_pid "worker-$i" "$worker_class" || true
  done
}

# Executor JVMs of this cluster: CoarseGrainedExecutorBackend processes whose parent is one of our Workers, or whose
# working folder is under our work/ folder (an executor orphaned by a Worker that died).
executor_pids() {
  local wpids pid ppid cwd
  wpids=" $(worker_pids | tr '\n' ' ') "
  for pid in $(pgrep -f "$executor_class" || true); do
    alive "$pid" || continue
    [[ "$(cmdline "$pid")" == *"$executor_class"* ]] || continue
    ppid="$(parent_of "$pid")"
    cwd="$(readlink "/proc/$pid/cwd" 2>/dev/null || true)"
    if [[ "$wpids" == *" $ppid "* || "$cwd" == "$state/work/"* ]]; then
      echo "$pid"
    fi
  done
}

all_pids() {
  daemon_pid master "$master_class" || true
  worker_pids
  executor_pids
}

# --- start ---------------------------------------------------------------------------------------------------------

classpath() {
  local file="$here/target/classpath.txt"
  if [[ ! -s "$file" ]]; then
    say "building the application and target/classpath.txt (mvn -B -q -DskipTests package)..."
    (cd "$here" && mvn -B -q -DskipTests package) >&2 || die "the build failed"
    [[ -s "$file" ]] || die "the build wrote no $file"
  fi
  cat "$file"
}

# SPARK_HOME stand-in: the Worker builds each executor's classpath from SPARK_HOME/jars/* and reads extra executor
# JVM options from SPARK_HOME/conf/java-opts (it also needs SPARK_SCALA_VERSION).
make_spark_home() {
  local cp="$1" jars="$state/spark-home/jars" entry name n=0 entries
  rm -rf "$state/spark-home"
  mkdir -p "$jars" "$state/spark-home/conf"
  IFS=: read -r -a entries <<<"$cp"
  for entry in "${entries[@]}"; do
    [[ "$entry" == *.jar && -f "$entry" ]] || continue
    name="$(basename "$entry")"
    [[ -e "$jars/$name" ]] && name="$((++n))-$name"
    ln -s "$entry" "$jars/$name"
  done
  printf '"%s"\n' "-Djava.io.tmpdir=$state/tmp" >"$state/spark-home/conf/java-opts" # quoted: Spark splits lines
}

# Starts a daemon JVM detached from this shell (output to its log, no terminal, stdin closed); records its PID.
launch() {
  local name="$1"
  shift
  nohup env -u SPARK_DIST_CLASSPATH -u SPARK_PUBLIC_DNS -u SPARK_MASTER_HOST \
    SPARK_LOCAL_IP=127.0.0.1 SPARK_HOME="$state/spark-home" SPARK_CONF_DIR="$state/spark-home/conf" \
    SPARK_SCALA_VERSION=2.13 "$@" </dev/null >"$state/logs/$name.log" 2>&1 &
  echo $! >"$state/pids/$name.pid"
}

# The start of every daemon's command line: the marker lets daemon_pid recognise our processes.
daemon_java=("$java_bin" "-Xmx${SPARK_DAEMON_MEMORY:-1g}" "$marker" "-Djava.io.tmpdir=$state/tmp")

# Prints the first match of a regex in a log once it appears; fails when the process dies or start's time is up.
await_log() {
  local log="$1" regex="$2" pid="$3" line
  while ((SECONDS < deadline)); do
    line="$(grep -m1 -oE "$regex" "$log" 2>/dev/null || true)"
    if [[ -n "$line" ]]; then
      echo "$line"
      return 0
    fi
    alive "$pid" || return 1
    sleep 0.2
  done
  return 1
}

why() {
  if alive "$1"; then echo "did not start within ${timeout_s}s"; else echo "exited during start-up"; fi
}

http_get() {
  curl -fsS --max-time 2 "$1" 2>/dev/null
}

alive_workers() {
  http_get "http://127.0.0.1:$1/json/" | grep -oE '"aliveworkers" *: *[0-9]+' | grep -oE '[0-9]+$' || echo 0
}

start_failed() {
  say "error: $1"
  local log
  for log in "$state"/logs/*.log; do
    [[ -f "$log" ]] || continue
    say "--- last lines of $log"
    tail -n 15 "$log" >&2 || true
  done
  say "stopping what was started"
  do_stop >/dev/null 2>&1 || true
  exit 1
}

do_start() {
  local running
  running="$(all_pids | wc -l)"
  if daemon_pid master "$master_class" >/dev/null && (($(worker_pids | wc -l) == workers)) \
    && [[ -s "$state/master-url" ]]; then
    say "already running (state in $state)"
    cat "$state/master-url"
    return 0
  fi
  ((running == 0)) || die "a cluster is partly running from $state; run '$0 stop' first"
  command -v curl >/dev/null || die "curl is needed to poll the master's /json/ page"
  command -v pgrep >/dev/null || die "pgrep (procps) is needed to find executors"

  local cp started=$SECONDS
  cp="$(classpath)"
  local deadline=$((SECONDS + timeout_s)) # seen by await_log too (bash scoping is dynamic)
  mkdir -p "$state/pids" "$state/logs" "$state/tmp"
  rm -f "$state"/pids/*.pid "$state"/logs/*.log "$state/master-url" "$state/master-webui-url"
  make_spark_home "$cp"

  local master_pid master_port webui_port
  # The REST submission server is off: it would take the fixed port 6066 and the job does not need it.
  # No port retries: a port asked for in NNSWEEP_MASTER_PORT is that port or an error, never the next one.
  launch master "${daemon_java[@]}" -Dspark.master.rest.enabled=false -Dspark.port.maxRetries=0 \
    -cp "$cp" "$master_class" \
    --host 127.0.0.1 --port "${NNSWEEP_MASTER_PORT:-0}" --webui-port "${NNSWEEP_MASTER_WEBUI_PORT:-0}"
  master_pid="$(<"$state/pids/master.pid")"
  master_port="$(await_log "$state/logs/master.log" 'Starting Spark master at spark://[^ ]+' "$master_pid")" \
    || start_failed "the master $(why "$master_pid")"
  master_port="${master_port##*:}"
  webui_port="$(await_log "$state/logs/master.log" "service 'MasterUI' on port [0-9]+" "$master_pid")" \
    || start_failed "the master web UI $(why "$master_pid")"
  webui_port="${webui_port##* }"
  local url="spark://127.0.0.1:$master_port"

  local i
  for ((i = 1; i <= workers; i++)); do
    mkdir -p "$state/work/worker-$i" "$state/local/worker-$i"
    SPARK_LOCAL_DIRS="$state/local/worker-$i" launch "worker-$i" "${daemon_java[@]}" -cp "$cp" "$worker_class" \
      --host 127.0.0.1 --port 0 --webui-port 0 --cores "$worker_cores" --memory "$worker_memory" \
      --work-dir "$state/work/worker-$i" "$url"
  done

  local registered=0
  while :; do
    registered="$(alive_workers "$webui_port")"
    ((registered >= workers)) && break
    for name in master $(for ((i = 1; i <= workers; i++)); do echo "worker-$i"; done); do
      alive "$(<"$state/pids/$name.pid")" || start_failed "$name exited during start-up (see $state/logs/$name.log)"
    done
    ((SECONDS < deadline)) \
      || start_failed "only $registered of $workers workers registered with $url within ${timeout_s}s"
    sleep 0.5
  done

  echo "$url" >"$state/master-url"
  echo "http://127.0.0.1:$webui_port" >"$state/master-webui-url"
  say "master $url (web UI http://127.0.0.1:$webui_port), $workers workers x $worker_cores core, $worker_memory;" \
    "ready in $((SECONDS - started))s; state in $state"
  echo "$url"
}

# --- stop ----------------------------------------------------------------------------------------------------------

do_stop() {
  local master workers_ executors pids pid deadline
  master="$(daemon_pid master "$master_class" || true)"
  workers_="$(worker_pids)"
  executors="$(executor_pids)"
  pids="$(echo $master $workers_ $executors)"
  if [[ -z "$pids" ]]; then
    say "not running (state in $state)"
  else
    # Workers first, so none starts a replacement executor; then their executors; then the master.
    for pid in $workers_ $executors $master; do
      kill -TERM "$pid" 2>/dev/null || true
    done
    say "stopping master ${master:--}, workers $(echo ${workers_:--}), executors $(echo ${executors:--})"
    deadline=$((SECONDS + stop_timeout_s))
    while :; do
      # An executor launched in the meantime by a Worker that was still shutting down is ours too.
      for pid in $(executor_pids); do
        [[ " $pids " == *" $pid "* ]] || { pids="$pids $pid"; kill -TERM "$pid" 2>/dev/null || true; }
      done
      local left=""
      for pid in $pids; do alive "$pid" && left="$left $pid"; done
      [[ -z "$left" ]] && break
      if ((SECONDS >= deadline)); then
        say "still running after ${stop_timeout_s}s, killing:$left"
        for pid in $left; do kill -KILL "$pid" 2>/dev/null || true; done
        sleep 1
        left=""
        for pid in $pids; do alive "$pid" && left="$left $pid"; done
        [[ -z "$left" ]] || die "could not stop:$left"
        break
      fi
      sleep 0.2
    done
    say "stopped"
  fi
  rm -f "$state"/pids/*.pid "$state/master-url" "$state/master-webui-url" 2>/dev/null || true
}

# --- status --------------------------------------------------------------------------------------------------------

do_status() {
  local master n_workers=0 i pid url="" ui=""
  master="$(daemon_pid master "$master_class" || true)"
  [[ -s "$state/master-url" ]] && url="$(<"$state/master-url")"
  [[ -s "$state/master-webui-url" ]] && ui="$(<"$state/master-webui-url")"
  echo "state:     $state"
  if [[ -n "$master" ]]; then
    echo "master:    pid $master  ${url:-(starting)}  web UI ${ui:--}"
  else
    echo "master:    not running"
  fi
  for ((i = 1; i <= workers; i++)); do
    if pid="$(daemon_pid "worker-$i" "$worker_class")"; then
      n_workers=$((n_workers + 1))
      echo "worker-$i:  pid $pid  ($worker_cores core, $worker_memory, work dir $state/work/worker-$i)"
    else
      echo "worker-$i:  not running"
    fi
  done
  for pid in $(executor_pids); do
    echo "executor:  pid $pid  parent $(parent_of "$pid")  $(cmdline "$pid" \
      | grep -oE -- '--(executor-id|app-id) [^ ]+' | tr '\n' ' ')"
  done
  if [[ -n "$master" && -n "$ui" ]]; then
    echo "registered workers: $(alive_workers "${ui##*:}")"
  fi
  if [[ -n "$master" ]] && ((n_workers == workers)); then
    return 0
  elif [[ -z "$master" ]] && ((n_workers == 0)) && [[ -z "$(executor_pids)" ]]; then
    return 3
  fi
  return 1
}

case "${1:-}" in
  start) do_start ;;
  stop) do_stop ;;
  status) do_status ;;
  *)
    echo "usage: $0 start|stop|status   (state folder: \$NNSWEEP_CLUSTER_DIR, default target/cluster)" >&2
    exit 2
    ;;
esac
