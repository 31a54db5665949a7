#!/usr/bin/env bash
# Runs Gatehouse distributed on this machine without Docker: Kafka from infra/kafka (unless
# GATEHOUSE_KAFKA_BROKERS names one), the local PostgreSQL and Redis, and one process per service.
# `stop` ends them all and returns once they have exited.
#   env: GATEHOUSE_RUN_DIR (data/distributed) holds every file the stack writes: pids, logs, secrets, outbox;
#        GATEHOUSE_GATEWAY_PORT (3000: the one base URL), GATEHOUSE_USERS_PORT (3001),
#        GATEHOUSE_PROJECTIONS_PORT (3002), GATEHOUSE_RELAY_PORT (3003: the relay's health, readiness, metrics),
#        GATEHOUSE_ROLES_PORT (3004), GATEHOUSE_ACCESS_PORT (3005: access controls and API keys),
#        GATEHOUSE_INVITES_PORT (3006);
#        GATEHOUSE_TRUSTED_PROXIES (loopback: the gateway, whose X-Forwarded-For the services believe);
#        GATEHOUSE_USERS_INSTANCES, GATEHOUSE_ROLES_INSTANCES, GATEHOUSE_PROJECTIONS_INSTANCES,
#        GATEHOUSE_RELAY_INSTANCES (1 each): instance i of a service listens on its port + 10*i (users 3001,
#        3011, 3021 …), writes <service>.pid and .log (instance 0) or <service>-<i>.pid and .log, and the
#        gateway balances over every instance;
#        relays beyond the first wait as standbys for the leader lock;
#        GATEHOUSE_NO_BUILD=1 runs dist/ as it is (tests, which build once before every run).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
run_dir="${GATEHOUSE_RUN_DIR:-$root/data/distributed}"
mkdir -p "$run_dir"
chmod 700 "$run_dir"

services=(users roles invites access-control projections relay gateway)
declare -A ports=([users]="${GATEHOUSE_USERS_PORT:-3001}" [projections]="${GATEHOUSE_PROJECTIONS_PORT:-3002}" [relay]="${GATEHOUSE_RELAY_PORT:-3003}"
  [roles]="${GATEHOUSE_ROLES_PORT:-3004}" [access-control]="${GATEHOUSE_ACCESS_PORT:-3005}" [invites]="${GATEHOUSE_INVITES_PORT:-3006}"
  [gateway]="${GATEHOUSE_GATEWAY_PORT:-3000}")

declare -A instances=([users]="${GATEHOUSE_USERS_INSTANCES:-1}" [roles]="${GATEHOUSE_ROLES_INSTANCES:-1}"
  [projections]="${GATEHOUSE_PROJECTIONS_INSTANCES:-1}" [relay]="${GATEHOUSE_RELAY_INSTANCES:-1}" [invites]=1 [access-control]=1 [gateway]=1)
for service in "${services[@]}"; do
  [[ "${instances[$service]}" =~ ^[1-9][0-9]?$ ]] || { echo "$service instances must be 1 to 99" >&2 && exit 2; }
done

# A pidfile is trusted only while it names a live node process running that service
# (pids get reused).
running_pid() {
  local pidfile="$1" service="$2" pid
  [[ -f "$pidfile" ]] || return 1
  pid="$(cat "$pidfile")"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  [[ "$(tr '\0' ' ' < "/proc/$pid/cmdline")" == *"dist/services/$service/src/main.js"* ]] || return 1
  echo "$pid"
}

# Stops every instance that has a pidfile, whatever counts it was started with.
stop() {
  local service pidfile pid
  for service in "${services[@]}"; do
    for pidfile in "$run_dir/$service.pid" "$run_dir/$service"-*.pid; do
      [[ -e "$pidfile" ]] || continue
      if pid="$(running_pid "$pidfile" "$service")"; then
        kill -TERM "$pid"
        for _ in $(seq 1 100); do
          kill -0 "$pid" 2> /dev/null || break
          sleep 0.1
        done
        if kill -0 "$pid" 2> /dev/null; then
          echo "$(basename "$pidfile" .pid) did not stop within 10s; killing pid $pid"
          kill -KILL "$pid"
        fi
        echo "stopped $(basename "$pidfile" .pid)"
      fi
      rm -f "$pidfile"
    done
  done
}

# http://127.0.0.1:<port>,… for every instance of a service.
urls() {
  local i list=()
  for ((i = 0; i < instances[$1]; i++)); do list+=("http://127.0.0.1:$((ports[$1] + 10 * i))"); done
  (IFS=, && echo "${list[*]}")
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
  # Emailed links open pages through the gateway, the one base URL.
  export GATEHOUSE_PUBLIC_URL="${GATEHOUSE_PUBLIC_URL:-http://127.0.0.1:${ports[gateway]}}"
  GATEHOUSE_USERS_URL="$(urls users)"
  GATEHOUSE_PROJECTIONS_URL="$(urls projections)"
  GATEHOUSE_ROLES_URL="$(urls roles)"
  GATEHOUSE_INVITES_URL="$(urls invites)"
  GATEHOUSE_ACCESS_URL="$(urls access-control)"
  export GATEHOUSE_USERS_URL GATEHOUSE_PROJECTIONS_URL GATEHOUSE_ROLES_URL GATEHOUSE_INVITES_URL GATEHOUSE_ACCESS_URL
  local service i name pid
  for service in "${services[@]}"; do
    for ((i = 0; i < instances[$service]; i++)); do
      if ((i == 0)); then name="$service"; else name="$service-$i"; fi
      if pid="$(running_pid "$run_dir/$name.pid" "$service")"; then
        echo "$name already running (pid $pid)"
        continue
      fi
      (cd "$root" && PORT="$((ports[$service] + 10 * i))" exec node --enable-source-maps "dist/services/$service/src/main.js") \
        >> "$run_dir/$name.log" 2>&1 &
      echo $! > "$run_dir/$name.pid"
      echo "started $name (pid $!, port $((ports[$service] + 10 * i)), log $run_dir/$name.log)"
    done
  done
  echo "Gatehouse http://127.0.0.1:${ports[gateway]} (users API docs http://127.0.0.1:${ports[users]}/docs)"
  echo "instances: users $GATEHOUSE_USERS_URL; roles $GATEHOUSE_ROLES_URL; invites $GATEHOUSE_INVITES_URL; access $GATEHOUSE_ACCESS_URL; projections $GATEHOUSE_PROJECTIONS_URL"
  echo "health, readiness, metrics: /health /ready /metrics on each instance's port (relays from :${ports[relay]}); gateway /health /ready"
  echo "operator token: $run_dir/operator.token"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 [start|stop]" >&2 && exit 2 ;;
esac
