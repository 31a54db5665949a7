#!/usr/bin/env bash
# Runs Gatehouse distributed on this machine without Docker: Kafka from infra/kafka (unless
# GATEHOUSE_KAFKA_BROKERS names one), the local PostgreSQL and Redis, and one process per service.
# `stop` ends them all and returns once they have exited.
#   env: GATEHOUSE_RUN_DIR (data/distributed) holds every file the stack writes: pids, logs, secrets, outbox;
#        GATEHOUSE_GATEWAY_PORT (3000: the one base URL), GATEHOUSE_USERS_PORT (3001),
#        GATEHOUSE_PROJECTIONS_PORT (3002), GATEHOUSE_RELAY_PORT (3003: the relay's health, readiness, metrics),
#        GATEHOUSE_ROLES_PORT (3004), GATEHOUSE_ACCESS_PORT (3005: access controls and API keys);
#        GATEHOUSE_TRUSTED_PROXIES (loopback: the gateway, whose X-Forwarded-For the services believe);
#        GATEHOUSE_NO_BUILD=1 runs dist/ as it is (tests, which build once before every run).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
run_dir="${GATEHOUSE_RUN_DIR:-$root/data/distributed}"
mkdir -p "$run_dir"
chmod 700 "$run_dir"

services=(users roles access-control projections relay gateway)
declare -A ports=([users]="${GATEHOUSE_USERS_PORT:-3001}" [projections]="${GATEHOUSE_PROJECTIONS_PORT:-3002}" [relay]="${GATEHOUSE_RELAY_PORT:-3003}"
  [roles]="${GATEHOUSE_ROLES_PORT:-3004}" [access-control]="${GATEHOUSE_ACCESS_PORT:-3005}" [gateway]="${GATEHOUSE_GATEWAY_PORT:-3000}")

# A pidfile is trusted only while it names a live node process running that service (pids get reused).
running_pid() {
  local pidfile="$run_dir/$1.pid" pid
  [[ -f "$pidfile" ]] || return 1
  pid="$(cat "$pidfile")"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  [[ "$(tr '\0' ' ' < "/proc/$pid/cmdline")" == *"dist/services/$1/src/main.js"* ]] || return 1
  echo "$pid"
}

stop() {
  local service pid
  for service in "${services[@]}"; do
    if pid="$(running_pid "$service")"; then
      kill -TERM "$pid"
      for _ in $(seq 1 100); do
        kill -0 "$pid" 2> /dev/null || break
        sleep 0.1
      done
      if kill -0 "$pid" 2> /dev/null; then
        echo "$service did not stop within 10s; killing pid $pid"
        kill -KILL "$pid"
      fi
      echo "stopped $service"
    fi
    rm -f "$run_dir/$service.pid"
  done
}

secret() {
  local file="$run_dir/$1"
  [ -f "$file" ] || (umask 077 && node -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64url'))" > "$file")
  cat "$file"
}

start() {
  [ -n "${GATEHOUSE_KAFKA_BROKERS:-}" ] || bash "$root/infra/kafka/kafka.sh" start
  [ "${GATEHOUSE_NO_BUILD:-}" = 1 ] || (cd "$root" && node tools/build.js)
  export GATEHOUSE_SESSION_KEY="${GATEHOUSE_SESSION_KEY:-$(secret session.key)}"
  export GATEHOUSE_OPERATOR_TOKEN="${GATEHOUSE_OPERATOR_TOKEN:-$(secret operator.token)}"
  export GATEHOUSE_RESERVATION_KEY="${GATEHOUSE_RESERVATION_KEY:-$(secret reservation.key)}"
  export GATEHOUSE_OUTBOX_DIR="${GATEHOUSE_OUTBOX_DIR:-$run_dir/outbox}"
  export GATEHOUSE_USERS_URL="http://127.0.0.1:${ports[users]}"
  export GATEHOUSE_PROJECTIONS_URL="http://127.0.0.1:${ports[projections]}"
  export GATEHOUSE_ROLES_URL="http://127.0.0.1:${ports[roles]}"
  export GATEHOUSE_ACCESS_URL="http://127.0.0.1:${ports[access-control]}"
  local service pid
  for service in "${services[@]}"; do
    if pid="$(running_pid "$service")"; then
      echo "$service already running (pid $pid)"
      continue
    fi
    (cd "$root" && PORT="${ports[$service]}" exec node --enable-source-maps "dist/services/$service/src/main.js") \
      >> "$run_dir/$service.log" 2>&1 &
    echo $! > "$run_dir/$service.pid"
    echo "started $service (pid $!, log $run_dir/$service.log)"
  done
  echo "Gatehouse http://127.0.0.1:${ports[gateway]} (users API docs http://127.0.0.1:${ports[users]}/docs)"
  echo "health, readiness, metrics: /health /ready /metrics on :${ports[users]} :${ports[roles]} :${ports[access-control]} :${ports[projections]} :${ports[relay]}; gateway /health /ready"
  echo "operator token: $run_dir/operator.token"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 [start|stop]" >&2 && exit 2 ;;
esac
