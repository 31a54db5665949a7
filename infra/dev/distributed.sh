#!/usr/bin/env bash
# Runs Gatehouse distributed on this machine without Docker: Kafka from infra/kafka, the local PostgreSQL
# and Redis, and one process per service (users :3001, projections :3002, relay). `stop` ends them all.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
run_dir="${GATEHOUSE_RUN_DIR:-$root/data/distributed}"
mkdir -p "$run_dir"
chmod 700 "$run_dir"

services=(users projections relay)

stop() {
  for service in "${services[@]}"; do
    pidfile="$run_dir/$service.pid"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2> /dev/null; then
      kill "$(cat "$pidfile")" && echo "stopped $service"
    fi
    rm -f "$pidfile"
  done
}

secret() {
  local file="$run_dir/$1"
  [ -f "$file" ] || (umask 077 && node -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64url'))" > "$file")
  cat "$file"
}

start() {
  bash "$root/infra/kafka/kafka.sh" start
  (cd "$root" && node tools/build.js)
  export GATEHOUSE_SESSION_KEY="${GATEHOUSE_SESSION_KEY:-$(secret session.key)}"
  export GATEHOUSE_OPERATOR_TOKEN="${GATEHOUSE_OPERATOR_TOKEN:-$(secret operator.token)}"
  for service in "${services[@]}"; do
    pidfile="$run_dir/$service.pid"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2> /dev/null; then
      echo "$service already running (pid $(cat "$pidfile"))"
      continue
    fi
    (cd "$root" && exec node --enable-source-maps "dist/services/$service/src/main.js") >> "$run_dir/$service.log" 2>&1 &
    echo $! > "$pidfile"
    echo "started $service (pid $!, log $run_dir/$service.log)"
  done
  echo "users API http://127.0.0.1:3001/docs · users list http://127.0.0.1:3002/docs"
  echo "operator token: $run_dir/operator.token"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 [start|stop]" >&2 && exit 2 ;;
esac
