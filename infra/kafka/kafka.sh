#!/usr/bin/env bash
# A single-node Kafka (KRaft: broker and controller in one JVM) built from Maven Central jars, for
# development and tests on machines without Docker. `start` is idempotent and returns once the broker
# serves metadata, producer ids and consumer groups, so the first test never meets a loading coordinator.
#   kafka.sh start|stop|status|topics
#   env: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (KAFKA_PORT+1), KAFKA_DIR (infra/kafka/.run),
#        KAFKA_HEAP (512m), KAFKA_START_TIMEOUT seconds (90)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-$((port + 1))}"
run_dir="${KAFKA_DIR:-$here/.run}"
libs="$run_dir/libs"
pidfile="$run_dir/kafka.pid"
log="$run_dir/kafka.log"
broker="127.0.0.1:$port"
java_opts=(-Xms128m "-Xmx${KAFKA_HEAP:-512m}" -XX:+UseG1GC -Djava.awt.headless=true
  "-Dlog4j2.configurationFile=$run_dir/log4j2.properties" -cp "$libs/*")

say() { echo "kafka: $*"; }
die() { echo "kafka: $*" >&2; exit 1; }

# The pidfile is trusted only while it names a live JVM running kafka.Kafka (pids get reused).
running_pid() {
  [[ -f "$pidfile" ]] || return 1
  local pid
  pid="$(cat "$pidfile")"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline")" == *' kafka.Kafka '* ]] || return 1
  echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

probe() { node "$here/probe.mjs" "$1" "$broker"; }

# Jars are copied once; the stamp ties them to the pom they came from, so a version bump re-resolves.
resolve_jars() {
  local stamp
  stamp="$(sha256sum "$here/pom.xml" | cut -d' ' -f1)"
  [[ -f "$libs/.stamp" && "$(cat "$libs/.stamp")" == "$stamp" ]] && return 0
  command -v mvn >/dev/null || die "Maven (mvn) is needed to fetch the broker's jars"
  say "resolving broker jars with Maven (first run only)"
  local staging="$run_dir/libs.staging"
  rm -rf "$staging"
  if ! mvn -q -B -Dstyle.color=never -f "$here/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$staging" -DincludeScope=runtime >"$run_dir/maven.log" 2>&1; then
    cat "$run_dir/maven.log" >&2
    die "Maven could not resolve the broker's jars"
  fi
  echo "$stamp" >"$staging/.stamp"
  rm -rf "$libs"
  mv "$staging" "$libs"
}

write_config() {
  cat >"$run_dir/server.properties" <<EOF
# Written by kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$run_dir/data
auto.create.topics.enable=false
num.partitions=3
group.initial.rebalance.delay.ms=0
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
EOF
  cat >"$run_dir/log4j2.properties" <<EOF
status = error
shutdownHook = disable
appender.out.type = Console
appender.out.name = out
appender.out.target = SYSTEM_ERR
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = out
EOF
}

# Storage is formatted once; the cluster id is kept so the data directory stays valid across restarts.
format_storage() {
  [[ -f "$run_dir/data/meta.properties" ]] && return 0
  [[ -s "$run_dir/cluster.id" ]] ||
    java "${java_opts[@]}" kafka.tools.StorageTool random-uuid >"$run_dir/cluster.id" 2>>"$log"
  java "${java_opts[@]}" kafka.tools.StorageTool format --ignore-formatted -t "$(cat "$run_dir/cluster.id")" \
    -c "$run_dir/server.properties" >>"$log" 2>&1 || die "formatting storage failed; see $log"
}

wait_ready() {
  local pid="$1" deadline=$((SECONDS + ${KAFKA_START_TIMEOUT:-90}))
  until port_open "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$log" >&2
      die "the broker exited during start-up; full log: $log"
    fi
    ((SECONDS < deadline)) || die "no broker on $broker after ${KAFKA_START_TIMEOUT:-90}s; see $log"
    sleep 0.2
  done
  probe ready || die "the broker on $broker does not serve clients yet; see $log"
}

start() {
  mkdir -p "$run_dir"
  # Two test runs may start at once: one starts the broker, the other waits and finds it running.
  exec 9>"$run_dir/.lock"
  flock 9
  local pid
  if pid="$(running_pid)"; then
    port_open "$port" || wait_ready "$pid"
    say "already running (pid $pid) on $broker"
    return 0
  fi
  if port_open "$port"; then
    probe ready || die "port $port is taken by something that is not a Kafka broker"
    say "a broker not started by this script already answers on $broker; using it"
    return 0
  fi
  command -v java >/dev/null || die "Java 17+ is needed to run the broker"
  local started=$SECONDS
  resolve_jars
  write_config
  [[ -f "$log" ]] && mv "$log" "$log.1"
  format_storage
  # setsid: a Ctrl-C aimed at the test run must not take the shared broker down with it.
  # No job control here, so setsid execs in place and $! is the JVM's own pid.
  # 9>&-: the broker must not inherit (and so hold forever) the start lock.
  setsid java "${java_opts[@]}" kafka.Kafka "$run_dir/server.properties" </dev/null >>"$log" 2>&1 9>&- &
  pid=$!
  echo "$pid" >"$pidfile"
  wait_ready "$pid"
  say "started (pid $pid) on $broker in $((SECONDS - started))s; log: $log"
}

stop() {
  mkdir -p "$run_dir"
  exec 9>"$run_dir/.lock"
  flock 9
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$pidfile"
    say "not running"
    return 0
  fi
  kill -TERM "$pid"
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "no clean shutdown after 30s; killing pid $pid"
    kill -KILL "$pid"
  fi
  rm -f "$pidfile"
  say "stopped"
}

status() {
  local pid
  if pid="$(running_pid)" && port_open "$port"; then
    say "running (pid $pid) on $broker"
  else
    say "not running"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  topics)
    port_open "$port" || die "no broker on $broker"
    probe topics
    ;;
  *) die "usage: kafka.sh start|stop|status|topics" ;;
esac
