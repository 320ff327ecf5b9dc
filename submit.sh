#!/usr/bin/env bash
# Runs an nnsweep study on Spark.
#
#   ./submit.sh                                   conf/tutorial.conf on local[*], writes out/tutorial/
#   ./submit.sh [spark-submit options] [--config FILE] [--out DIR] [--set key=value ...] [--overwrite | --resume]
#               [--break-lock] [--verbose] [--spark-logs] [--help] [--version]
#
# spark-submit options (--master, --conf, --executor-memory, ...) go to spark-submit; the rest go to the job.
# --deploy-mode cluster: the driver runs on a cluster node. Relative paths (study, datasets, --out) then resolve
# against spark.nnsweep.baseDir (default: this folder as file://$PWD, right for a cluster sharing this disk; give an
# hdfs:// or other shared folder otherwise). The script waits for the driver and exits with its status, printing
# what the driver printed (standalone, and YARN on this machine: through spark.nnsweep.statusFile, a file under
# target/submits/). --master yarn: HADOOP_CONF_DIR names the cluster's configuration; without a Spark installation
# the containers run Spark from the Maven jars (docs/yarn.md; bench/yarn.sh starts a YARN cluster here).
# Uses spark-submit from PATH or $SPARK_HOME when there is one; otherwise Spark's own SparkSubmit class from the
# Maven-resolved classpath (no Spark download). Builds the application first when it is missing or out of date.
# --spark-logs: keep Spark's INFO logging (default: warnings only, conf/log4j2.properties).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/nnsweep.jar"
classpath_file="$here/target/classpath.txt"

spark_opts=()
app_args=()
master=""
driver_memory=""
deploy_mode=""
user_confs=" "
spark_logs=0
info_only=""
value_opts=" --master --deploy-mode --name --jars --packages --exclude-packages --repositories --py-files --files \
 --archives --conf -c --properties-file --driver-memory --driver-java-options --driver-library-path \
 --driver-class-path --executor-memory --proxy-user --driver-cores --total-executor-cores --executor-cores \
 --num-executors --queue --principal --keytab "
while (($#)); do
  arg="$1"
  name="${arg%%=*}"
  if [[ "$arg" == "--spark-logs" ]]; then
    spark_logs=1
  elif [[ "$arg" == "--help" || "$arg" == "-h" || "$arg" == "--version" ]]; then
    info_only="$arg"
  elif [[ "$arg" == "--supervise" ]]; then
    spark_opts+=("$arg")
  elif [[ "$name" == -* && "$value_opts" == *" $name "* ]]; then
    if [[ "$arg" == *=* ]]; then
      value="${arg#*=}"
    else
      if (($# < 2)); then
        echo "nnsweep: error: command line: option '$arg' needs a value" >&2
        exit 2
      fi
      value="$2"
      shift
    fi
    case "$name" in
      --master) master="$value" ;;
      --driver-memory) driver_memory="$value" ;;
      --deploy-mode) deploy_mode="$value" ;;
      --conf | -c) user_confs+="${value%%=*} " ;;
    esac
    spark_opts+=("$name" "$value")
  else
    app_args+=("$arg")
  fi
  shift
done

# A mistyped master (exit 2) or a standalone master nothing answers at (exit 1): one line, before the build,
# spark-submit and anything written (nnsweep.cli.MasterCheck; the driver checks spark.master again). Before the first
# build, its three source files are compiled alone (a second), so a typo does not wait for Maven and Spark.
if [[ -n "$master" ]]; then
  check_cp="$jar"
  if [[ ! -f "$jar" ]] || [[ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]]; then
    check_cp="$here/target/master-check"
    check_src=("$here/src/main/java/nnsweep/cli/MasterCheck.java" "$here/src/main/java/nnsweep/errors/InputException.java"
      "$here/src/main/java/nnsweep/errors/ServiceException.java")
    if [[ ! -f "$check_cp/nnsweep/cli/MasterCheck.class" ]] \
      || [[ -n "$(find "${check_src[@]}" -newer "$check_cp/nnsweep/cli/MasterCheck.class" -print -quit)" ]]; then
      mkdir -p "$check_cp"
      javac -nowarn -d "$check_cp" "${check_src[@]}" >&2
    fi
  fi
  java -cp "$check_cp" nnsweep.cli.MasterCheck "$master" || exit $?
fi

# Build when the jar is missing or older than the sources.
if [[ ! -f "$jar" || ! -f "$classpath_file" ]] \
  || [[ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]]; then
  echo "nnsweep: building the application (the first build downloads Spark from Maven Central, ~1 min)..." >&2
  (cd "$here" && mvn -B -q -DskipTests package) >&2
fi

# Native BLAS (src/main/sh/native-blas.sh): fetched once into target/native when the system has none, on the library
# path of this JVM and of executors started on this machine.
native_blas=""
if [[ -z "$info_only" ]]; then
  source "$here/src/main/sh/native-blas.sh"
  native_blas_setup "$here"
fi

# --help, --version: printed by the job's own entry point, without starting Spark
if [[ -n "$info_only" ]]; then
  exec java -cp "$jar:$(cat "$classpath_file")" nnsweep.Main "$info_only"
fi

spark_submit=""
if [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
  spark_submit="$SPARK_HOME/bin/spark-submit"
elif command -v spark-submit >/dev/null 2>&1; then
  spark_submit="$(command -v spark-submit)"
fi

conf_unless_set() { [[ "$user_confs" == *" $1 "* ]] || spark_opts+=(--conf "$1=$2"); }

# YARN without a Spark installation: a YARN cluster on this machine (bench/yarn.sh; docs/yarn.md). Its containers
# take Spark from the same Maven jars this script runs (spark.yarn.jars as local: URIs, files every node has, so
# nothing is uploaded), and every JVM of the application binds to loopback. A real cluster has a Spark installation
# on the submitting machine (spark-submit, which this script then uses and leaves these settings to) and
# spark.yarn.jars or spark.yarn.archive pointing at Spark's jars on HDFS.
yarn_here=0
if [[ "$master" == yarn && -z "$spark_submit" ]]; then
  yarn_here=1
  if [[ -z "${HADOOP_CONF_DIR:-}" && -z "${YARN_CONF_DIR:-}" ]]; then
    echo "nnsweep: error: command line: --master yarn needs HADOOP_CONF_DIR (or YARN_CONF_DIR) naming the folder" \
      "with the cluster's yarn-site.xml and core-site.xml, found neither set (bench/yarn.sh start writes" \
      "target/yarn/conf)" >&2
    exit 2
  fi
  yarn_jars=""
  IFS=: read -r -a cp_entries <<<"$(cat "$classpath_file")"
  for entry in "${cp_entries[@]}"; do
    [[ "$entry" == *.jar ]] && yarn_jars+="${yarn_jars:+,}local:$entry"
  done
  conf_unless_set spark.yarn.jars "$yarn_jars"
  conf_unless_set spark.yarn.appMasterEnv.SPARK_LOCAL_IP 127.0.0.1
  conf_unless_set spark.executorEnv.SPARK_LOCAL_IP 127.0.0.1
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
fi

# Loopback for local masters and a cluster on this machine; a real cluster must reach the driver.
if [[ -z "${SPARK_LOCAL_IP:-}" ]] && [[ -z "$master" || "$master" == local* \
  || "$master" == spark://127.0.0.1:* || "$master" == spark://localhost:* ]]; then
  export SPARK_LOCAL_IP=127.0.0.1
fi

# A native BLAS (e.g. OpenBLAS) runs one thread per Spark task: the tasks already use every core. In local mode this
# JVM runs the tasks; executors get the same through spark.executorEnv (set by the job unless given).
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"

# Cluster deploy mode: the driver starts elsewhere, in another folder. Every attempt of this submission's driver
# gets the same run id (a restarted driver resumes from the committed parts), relative paths resolve against the
# base folder, and the driver reports its status and console output to a file this script reads.
status_file=""
if [[ "$deploy_mode" == cluster ]]; then
  run_id="$(date -u +%Y%m%dT%H%M%SZ)-$$-$RANDOM"
  conf_unless_set spark.nnsweep.runId "$run_id"
  conf_unless_set spark.nnsweep.baseDir "file://$PWD"
  if [[ "$master" == spark://* ]]; then
    conf_unless_set spark.standalone.submit.waitAppCompletion true
  fi
  # The status file is a file of this machine: set when the driver runs here or shares this disk. On YARN that is
  # only this machine's cluster (yarn_here); a real one's spark-submit exits with the application's status, and the
  # driver's lines are in its container log (yarn logs).
  local_driver=0
  if [[ "$master" == yarn ]]; then
    local_driver=$yarn_here
  elif [[ "$user_confs" != *" spark.nnsweep.baseDir "* || "$master" == spark://127.0.0.1:* \
    || "$master" == spark://localhost:* ]]; then
    local_driver=1
  fi
  if [[ "$user_confs" != *" spark.nnsweep.statusFile "* ]] && ((local_driver)); then
    mkdir -p "$here/target/submits"
    status_file="$here/target/submits/$run_id.status"
    spark_opts+=(--conf "spark.nnsweep.statusFile=file://$status_file")
  fi
fi

# After a cluster-mode submission: the driver's console output and exit status, from its status file.
report_driver() {
  local submit_status="$1"
  if [[ -z "$status_file" ]]; then
    exit "$submit_status"
  fi
  if [[ ! -s "$status_file" ]]; then
    if ((submit_status != 0)); then
      exit "$submit_status"
    fi
    echo "nnsweep: failed: the driver ended without reporting a status (killed, or out of memory); its log is in" \
      "the worker's driver folder (the Spark master's web UI links it)" >&2
    exit 1
  fi
  local status line
  status="$(head -n 1 "$status_file")"
  while IFS= read -r line; do
    case "$line" in
      "out: "*) printf '%s\n' "${line#out: }" ;;
      "err: "*) printf '%s\n' "${line#err: }" >&2 ;;
    esac
  done < <(tail -n +2 "$status_file")
  rm -f "$status_file"
  [[ "$status" =~ ^[0-9]+$ ]] || status=1
  exit "$status"
}

log_opts=()
if ((spark_logs == 0)); then
  log_opts=("-Dlog4j2.configurationFile=file:$here/conf/log4j2.properties")
fi

# for the job's lock file and the command it prints to finish an interrupted run (nnsweep.cli.LaunchCommand)
launcher_opts=(${spark_opts[@]+"${spark_opts[@]}"})
((spark_logs)) && launcher_opts+=(--spark-logs)
export NNSWEEP_LAUNCHER="$0"
NNSWEEP_LAUNCHER_OPTIONS="$(printf '%s\n' ${launcher_opts[@]+"${launcher_opts[@]}"})"
export NNSWEEP_LAUNCHER_OPTIONS
# the fetched native BLAS for executors started on this machine: set after the options above, which are the user's
if [[ -n "$native_blas" ]]; then
  conf_unless_set spark.executorEnv.LD_LIBRARY_PATH "$LD_LIBRARY_PATH"
  if [[ -n "${OPENBLAS_CORETYPE:-}" ]]; then
    conf_unless_set spark.executorEnv.OPENBLAS_CORETYPE "$OPENBLAS_CORETYPE"
  fi
fi

# Runs the submission: in its place (exec), or, in cluster deploy mode, as a child whose driver's status is reported.
launch() {
  if [[ -z "$status_file" ]]; then
    exec "$@"
  fi
  set +e
  "$@"
  report_driver $?
}

if [[ -n "$spark_submit" ]]; then
  launch "$spark_submit" --class nnsweep.Main ${log_opts[@]+--driver-java-options "${log_opts[*]}"} \
    ${spark_opts[@]+"${spark_opts[@]}"} "$jar" ${app_args[@]+"${app_args[@]}"}
fi

# No Spark installed: this JVM is the driver, so driver memory is its heap. It gets the JVM options Spark's own
# launcher gives every Spark JVM (org.apache.spark.launcher.JavaModuleOptions; SparkJvmOptionsTest keeps this list
# equal to it): without them, e.g., a cached block dropped to disk under memory pressure fails (Kryo needs java.nio).
spark_jvm_opts=(-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true
  -Dio.netty.allocator.type=pooled -Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE
  --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)
java_opts=()
if [[ -n "${JAVA_OPTS:-}" ]]; then
  read -r -a java_opts <<<"$JAVA_OPTS"
fi
[[ -n "$driver_memory" ]] && java_opts+=("-Xmx$driver_memory")
# Spark's own launcher puts the Hadoop configuration folders on the classpath: the YARN client reads yarn-site.xml there.
conf_cp=""
for dir in "${HADOOP_CONF_DIR:-}" "${YARN_CONF_DIR:-}"; do
  [[ -n "$dir" ]] && conf_cp+="$dir:"
done
launch java "${spark_jvm_opts[@]}" ${java_opts[@]+"${java_opts[@]}"} ${log_opts[@]+"${log_opts[@]}"} \
  -cp "$conf_cp$(cat "$classpath_file"):$jar" org.apache.spark.deploy.SparkSubmit --class nnsweep.Main \
  ${spark_opts[@]+"${spark_opts[@]}"} "$jar" ${app_args[@]+"${app_args[@]}"}
