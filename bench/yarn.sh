#!/usr/bin/env bash
# An HDFS and a YARN cluster on this machine, for running nnsweep with --master yarn without a Hadoop or Spark
# download: Hadoop's MiniDFSCluster (a NameNode and a DataNode) and MiniYARNCluster (one ResourceManager, two
# NodeManagers of 4 GiB / 4 vcores each) in one JVM of their own, bound to loopback, started from the Maven test
# classpath (hadoop-client-minicluster; the launcher is nnsweep.bench.YarnCluster in target/test-classes). See
# docs/yarn.md.
#
#   bench/yarn.sh start     start both, wait until every NodeManager is registered, write the client configuration
#                           (core-site.xml, hdfs-site.xml, yarn-site.xml) to <state>/conf and print that folder
#   bench/yarn.sh status    print what is running (exit 0: running, 3: not running, 1: partly running)
#   bench/yarn.sh stop      stop exactly what start started (the cluster JVM, then any container process left in
#                           its folders), by PID; idempotent
#   bench/yarn.sh fs ARGS   Hadoop's file system shell on the cluster's HDFS, e.g. fs -ls -R /user
#   bench/yarn.sh logs ARGS YARN's log tool (aggregated container logs), e.g. logs -applicationId application_..._0001
#
#   export HADOOP_CONF_DIR=$(bench/yarn.sh start) && ./submit.sh --master yarn ... ; bench/yarn.sh stop
#
# Environment:
#   NNSWEEP_YARN_DIR       state folder (default target/yarn): conf/, pid, log, ready, hdfs/ (HDFS's storage),
#                          target/test/data/nnsweep-yarn/ (NodeManager folders: containers' working folders, logs),
#                          tmp/ (java.io.tmpdir)
#   NNSWEEP_YARN_TIMEOUT   seconds `start` waits for HDFS, the ResourceManager and the NodeManagers (default 240)
#   NNSWEEP_YARN_HEAP      heap of the cluster JVM (default 1g)
#   JAVA_HOME              the Java the containers run (default: the one `java` on PATH belongs to)
set -euo pipefail

readonly here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly launcher_class=nnsweep.bench.YarnCluster
readonly nodemanagers=2

readonly tool=yarn
# shellcheck source=lib/daemons.sh
source "$here/bench/lib/daemons.sh"

state="$(absolute_dir "${NNSWEEP_YARN_DIR:-$here/target/yarn}")"
readonly state
readonly marker="-Dnnsweep.yarn.dir=$state"
readonly timeout_s="${NNSWEEP_YARN_TIMEOUT:-240}"
readonly stop_timeout_s=60

# --- processes ---------------------------------------------------------------------------------------------------

# The cluster JVM when it still runs and is ours (its command line names the class and this state folder).
launcher_pid() {
  local pid cmd
  [[ -f "$state/pid" ]] || return 1
  pid="$(<"$state/pid")"
  [[ "$pid" =~ ^[0-9]+$ ]] && alive "$pid" || return 1
  cmd="$(cmdline "$pid")"
  [[ "$cmd" == *"$launcher_class"* && "$cmd" == *"$marker"* ]] || return 1
  echo "$pid"
}

# Container processes (launch scripts and their JVMs: application masters, executors): they run in the
# NodeManagers' folders under the state folder. A container orphaned by a killed cluster JVM is found the same way.
container_pids() {
  local dir="$state/target/" pid cwd
  for pid in $(ls /proc | grep -E '^[0-9]+$'); do
    [[ "$pid" == "$$" ]] && continue
    cwd="$(readlink "/proc/$pid/cwd" 2>/dev/null || true)"
    [[ "$cwd" == "$dir"* ]] && alive "$pid" && echo "$pid"
  done
  return 0
}

# --- start ---------------------------------------------------------------------------------------------------------

classpath() {
  local cp="$here/target/test-classpath.txt" cls="$here/target/test-classes/nnsweep/bench/YarnCluster.class"
  if [[ ! -s "$cp" || ! -f "$cls" ]]; then
    say "building the application and its test classes (mvn -B -q -DskipTests package)..."
    (cd "$here" && mvn -B -q -DskipTests package) >&2 || die "the build failed"
    [[ -s "$cp" && -f "$cls" ]] || die "the build wrote no $cp or $cls"
  fi
  echo "$here/target/test-classes:$(cat "$cp")"
}

java_home() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    echo "$JAVA_HOME"
  else
    local java
    java="$(readlink -f "$(command -v java)")" || die "no java on PATH and no JAVA_HOME"
    echo "${java%/bin/java}"
  fi
}

start_failed() {
  say "error: $1"
  if [[ -f "$state/log" ]]; then
    say "--- last lines of $state/log"
    grep -vE '^\s+at ' "$state/log" | tail -n 20 >&2 || true
  fi
  say "stopping what was started"
  do_stop >/dev/null 2>&1 || true
  exit 1
}

do_start() {
  if launcher_pid >/dev/null && [[ -f "$state/ready" ]]; then
    say "already running (state in $state)"
    echo "$state/conf"
    return 0
  fi
  [[ -z "$(launcher_pid || true)$(container_pids)" ]] \
    || die "a cluster is partly running from $state; run '$0 stop' first"

  local cp jhome started=$SECONDS
  cp="$(classpath)"
  jhome="$(java_home)"
  local deadline=$((SECONDS + timeout_s))
  # a fresh cluster each time: HDFS and the NodeManager folders start empty
  rm -rf "$state/hdfs" "$state/target" "$state/conf" "$state/tmp"
  rm -f "$state/ready" "$state/pid" "$state/log"
  mkdir -p "$state/conf" "$state/tmp"

  # Detached from this shell, in the state folder (MiniYARNCluster keeps its NodeManagers' folders under
  # ./target/test/data); containers get JAVA_HOME from the NodeManagers' environment.
  (cd "$state" && exec nohup env -u HADOOP_CONF_DIR -u YARN_CONF_DIR -u SPARK_HOME JAVA_HOME="$jhome" \
    "$java_bin" "-Xmx${NNSWEEP_YARN_HEAP:-1g}" "$marker" -Djava.net.preferIPv4Stack=true \
    "-Djava.io.tmpdir=$state/tmp" -cp "$cp" "$launcher_class" "$state" "$nodemanagers" \
    </dev/null >"$state/log" 2>&1) &
  echo $! >"$state/pid"
  local pid
  pid="$(<"$state/pid")"

  while [[ ! -f "$state/ready" ]]; do
    alive "$pid" || start_failed "the cluster JVM exited during start-up (see $state/log)"
    ((SECONDS < deadline)) || start_failed "HDFS and YARN did not come up within ${timeout_s}s (see $state/log)"
    sleep 0.5
  done
  say "$(tr '\n' ';' <"$state/ready" | sed 's/;$//; s/;/; /g'); ready in $((SECONDS - started))s; state in $state"
  echo "$state/conf"
}

# --- stop ----------------------------------------------------------------------------------------------------------

do_stop() {
  local launcher containers pid deadline left
  launcher="$(launcher_pid || true)"
  containers="$(container_pids | tr '\n' ' ')"
  if [[ -z "$launcher" && -z "${containers// /}" ]]; then
    say "not running (state in $state)"
  else
    # The cluster JVM's shutdown hook stops YARN (the NodeManagers end their containers) and then HDFS.
    say "stopping the cluster JVM ${launcher:--}, containers ${containers:--}"
    [[ -n "$launcher" ]] && kill -TERM "$launcher" 2>/dev/null || true
    deadline=$((SECONDS + stop_timeout_s))
    while [[ -n "$launcher" ]] && alive "$launcher" && ((SECONDS < deadline)); do
      sleep 0.3
    done
    if [[ -n "$launcher" ]] && alive "$launcher"; then
      say "the cluster JVM still runs after ${stop_timeout_s}s, killing it"
      kill -KILL "$launcher" 2>/dev/null || true
    fi
    # what the NodeManagers left (or every container, when the cluster JVM had been killed)
    for pid in $(container_pids); do kill -TERM "$pid" 2>/dev/null || true; done
    deadline=$((SECONDS + 10))
    while [[ -n "$(container_pids)" ]] && ((SECONDS < deadline)); do sleep 0.3; done
    for pid in $(container_pids); do kill -KILL "$pid" 2>/dev/null || true; done
    sleep 0.5
    left="$(launcher_pid || true) $(container_pids | tr '\n' ' ')"
    [[ -z "${left// /}" ]] || die "could not stop: $left"
    say "stopped"
  fi
  rm -f "$state/pid" "$state/ready"
}

# --- status --------------------------------------------------------------------------------------------------------

do_status() {
  local launcher pid
  launcher="$(launcher_pid || true)"
  echo "state:       $state"
  if [[ -n "$launcher" && -f "$state/ready" ]]; then
    echo "cluster JVM: pid $launcher (HDFS + YARN, $nodemanagers NodeManagers), conf in $state/conf"
    sed 's/^/  /' "$state/ready"
  elif [[ -n "$launcher" ]]; then
    echo "cluster JVM: pid $launcher (starting)"
  else
    echo "cluster JVM: not running"
  fi
  for pid in $(container_pids); do
    echo "container:   pid $pid  $(cmdline "$pid" | grep -oE 'container_[0-9_]+|org\.apache\.spark\.[A-Za-z.]+' \
      | sort -u | tr '\n' ' ')"
  done
  if [[ -n "$launcher" && -f "$state/ready" ]]; then
    return 0
  elif [[ -z "$launcher" && -z "$(container_pids)" ]]; then
    return 3
  fi
  return 1
}

# Hadoop's own client tools (in hadoop-client-api, on the application's classpath) against this cluster.
# (LogsCLI also needs the shaded Jettison that only the minicluster jar has: it runs from the test classpath.)
hadoop_tool() {
  local class="$1" cp="$2"
  shift 2
  [[ -f "$state/ready" ]] || die "not running (state in $state); run '$0 start' first"
  [[ -s "$cp" ]] || die "$cp is missing: run '$0 start' first"
  exec "$java_bin" -Djava.net.preferIPv4Stack=true -cp "$state/conf:$(cat "$cp")" "$class" "$@"
}

case "${1:-}" in
  start) do_start ;;
  stop) do_stop ;;
  status) do_status ;;
  fs)
    shift
    hadoop_tool org.apache.hadoop.fs.FsShell "$here/target/classpath.txt" "$@"
    ;;
  logs)
    shift
    hadoop_tool org.apache.hadoop.yarn.client.cli.LogsCLI "$here/target/test-classpath.txt" "$@"
    ;;
  *)
    echo "usage: $0 start|stop|status|fs ARGS|logs ARGS   (state folder: \$NNSWEEP_YARN_DIR, default target/yarn)" >&2
    exit 2
    ;;
esac
