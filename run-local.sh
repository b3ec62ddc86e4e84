#!/usr/bin/env bash
#
# run-local.sh - the Smart Union Suite on this machine, one command, nothing but a JDK (17+) needed.
#
#   ./run-local.sh               build, then start Kafka, Mongo (wire-protocol server), Keycloak, the five services
#                                and the gateway on loopback; wait until all are ready; stay in the foreground.
#                                Ctrl-C stops exactly what it started.
#   ./run-local.sh --infra-only  only Kafka, Mongo and Keycloak (run the services from your IDE)
#   ./run-local.sh --skip-build  do not run the Maven build first (use the jars in */target as they are)
#   ./run-local.sh --timeout 300 seconds to wait for each wave to become ready (default 240)
#   ./run-local.sh stop          stop a running instance (running ./run-local.sh a second time does the same)
#   ./run-local.sh status        what is running, ports, memory
#   ./run-local.sh reset         delete the local data (Kafka, Mongo, Keycloak database, demo keys); keeps downloads
#   ./run-local.sh env membership-service   print the environment the script gives that service (for an IDE
#                                or: eval "$(./run-local.sh env membership-service)"; ./mvnw -pl membership-service spring-boot:run)
#
# Everything it fetches or writes lives under .local-run/ (git-ignored). See local-run/README.md.
#
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
LR="$ROOT/.local-run"
DOWNLOADS="$LR/downloads"
DATA="$LR/data"
STATE="$LR/state"
LOGS="$LR/logs"
RUN="$LR/run"
CONFIG="$ROOT/local-run/config"

KEYCLOAK_VERSION=26.7.3
KC_HOME="$LR/keycloak-$KEYCLOAK_VERSION"
REALM=smart-union
# the union realm, and gov-idp: the local stand-in for the provincial identity platform it brokers (gov-sso)
REALM_FILES=("$ROOT/local-run/keycloak/$REALM-realm.json" "$ROOT/local-run/keycloak/gov-idp-realm.json")

KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
MONGO_PORT=27017
KEYCLOAK_PORT=8180
GATEWAY_PORT=8080
GATEWAY_MANAGEMENT_PORT=8090

# Demo credentials of the LOCAL realm only (they are in local-run/keycloak/smart-union-realm.json too).
KEYCLOAK_ADMIN_USER="admin"
KEYCLOAK_ADMIN_PASSWORD="admin"
DEMO_PASSWORD=smartunion-demo
PORTAL_SECRET=portal-demo-secret-local-only
MEMBERSHIP_ADMIN_SECRET=membership-service-demo-secret-local-only # membership-service's Keycloak admin client

# Heap caps. Measured peak RSS of the whole suite: about 2 GB (see local-run/README.md).
KAFKA_JAVA_OPTS=${LOCALRUN_KAFKA_JAVA_OPTS:-"-Xms128m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20"}
MONGO_JAVA_OPTS=${LOCALRUN_MONGO_JAVA_OPTS:-"-Xms32m -Xmx256m -XX:+UseSerialGC"}
KEYCLOAK_HEAP_OPTS=${LOCALRUN_KEYCLOAK_HEAP_OPTS:-"-Xms64m -Xmx512m"}
SERVICE_JAVA_OPTS=${LOCALRUN_SERVICE_JAVA_OPTS:-"-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"}

INFRA=(kafka mongo keycloak)
SERVICES=(membership-service aid-service rights-service competition-service statistics-service gateway)

service_port() {
  case "$1" in
    membership-service) echo 8081 ;;
    aid-service) echo 8082 ;;
    rights-service) echo 8083 ;;
    competition-service) echo 8084 ;;
    statistics-service) echo 8085 ;;
    gateway) echo "$GATEWAY_PORT" ;;
    *) return 1 ;;
  esac
}

# =====================================================================================================================
# SERVICE ENVIRONMENT - the one place that says what each service and the gateway get. Edit here, nowhere else.
# (PERSONAL_DATA_JSON holds this data folder's demo keys; it is built by load_demo_keys below.)
# =====================================================================================================================
# shellcheck disable=SC2034 # the ENV_* arrays are read through ${!ref} in start_service
service_environment() {
  local issuer="http://localhost:$KEYCLOAK_PORT/realms/$REALM"
  # the key set URI and the probes follow from these defaults in the applications themselves
  local -a oidc=(
    "OIDC_ISSUER_URI=$issuer"
    "OIDC_AUDIENCE=smart-union-api"
  )
  local -a local_only=(
    "SERVER_ADDRESS=127.0.0.1" # loopback only
    # no OpenTelemetry collector in the local run: keep tracing (ids in logs and Kafka headers), do not export
    "MANAGEMENT_TRACING_EXPORT_OTLP_ENABLED=false"
    "MANAGEMENT_OTLP_METRICS_EXPORT_ENABLED=false"
    "MANAGEMENT_LOGGING_EXPORT_OTLP_ENABLED=false"
  )
  local -a service_common=(
    "MONGODB_HEALTH_ENABLED=false" # mongo-java-server does not answer the health check's `hello`
    "KAFKA_BOOTSTRAP_SERVERS=localhost:$KAFKA_PORT"
    "SPRING_APPLICATION_JSON=$PERSONAL_DATA_JSON"
    "${oidc[@]}" "${local_only[@]}"
  )
  ENV_membership_service=(
    "PORT=$(service_port membership-service)"
    "MONGODB_URI=mongodb://localhost:$MONGO_PORT/membership"
    "SMARTUNION_DEMO_DATA_ENABLED=true"
    # staff accounts: Keycloak's admin API as the service account of the realm's membership-service client
    "KEYCLOAK_ADMIN_URL=http://localhost:$KEYCLOAK_PORT"
    "KEYCLOAK_REALM=$REALM"
    "KEYCLOAK_ADMIN_CLIENT_ID=membership-service"
    "KEYCLOAK_ADMIN_CLIENT_SECRET=$MEMBERSHIP_ADMIN_SECRET"
    "${service_common[@]}"
  )
  ENV_aid_service=(
    "PORT=$(service_port aid-service)"
    "MONGODB_URI=mongodb://localhost:$MONGO_PORT/aid"
    "${service_common[@]}"
  )
  ENV_rights_service=(
    "PORT=$(service_port rights-service)"
    "MONGODB_URI=mongodb://localhost:$MONGO_PORT/rights"
    "${service_common[@]}"
  )
  ENV_competition_service=(
    "PORT=$(service_port competition-service)"
    "MONGODB_URI=mongodb://localhost:$MONGO_PORT/competition"
    "${service_common[@]}"
  )
  ENV_statistics_service=(
    "PORT=$(service_port statistics-service)"
    "MONGODB_URI=mongodb://localhost:$MONGO_PORT/statistics"
    "${service_common[@]}"
  )
  ENV_gateway=(
    "PORT=$GATEWAY_PORT"
    "MEMBERSHIP_SERVICE_URI=http://localhost:$(service_port membership-service)"
    "AID_SERVICE_URI=http://localhost:$(service_port aid-service)"
    "RIGHTS_SERVICE_URI=http://localhost:$(service_port rights-service)"
    "COMPETITION_SERVICE_URI=http://localhost:$(service_port competition-service)"
    "STATISTICS_SERVICE_URI=http://localhost:$(service_port statistics-service)"
    "MANAGEMENT_PORT=$GATEWAY_MANAGEMENT_PORT" # actuator and Prometheus, never published
    "MANAGEMENT_SERVER_ADDRESS=127.0.0.1"
    # the realm's web origins of the mobile web client (Expo, React, Angular, Vite dev servers)
    "CORS_ALLOWED_ORIGINS=http://localhost:19006,http://localhost:3000,http://localhost:4200,http://localhost:5173"
    "${oidc[@]}" "${local_only[@]}"
  )
}
# =====================================================================================================================

# ---------------------------------------------------------------------------------------------------------- output --

if [[ -t 1 ]]; then BOLD=$'\e[1m' RED=$'\e[31m' GREEN=$'\e[32m' YELLOW=$'\e[33m' RESET=$'\e[0m'; else BOLD='' RED='' GREEN='' YELLOW='' RESET=''; fi

say() { printf '%s[run-local]%s %s\n' "$BOLD" "$RESET" "$*"; }
warn() { printf '%s[run-local] %s%s\n' "$YELLOW" "$*" "$RESET" >&2; }
die() {
  printf '%s[run-local] %s%s\n' "$RED" "$*" "$RESET" >&2
  exit 1
}

# milliseconds since the epoch (bash 5 has EPOCHREALTIME; older shells get whole seconds)
now_ms() {
  if [[ -n "${EPOCHREALTIME:-}" ]]; then
    local t=${EPOCHREALTIME/[.,]/}
    echo $((t / 1000))
  else
    echo $(($(date +%s) * 1000))
  fi
}
elapsed() { # elapsed <start ms> -> "12.3 s"
  local ms=$(($(now_ms) - $1))
  printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100))
}

rel() { echo "${1#"$ROOT"/}"; }

# ------------------------------------------------------------------------------------------------------ processes --

# A marker on every JVM we start, so a pid file can never make us signal someone else's process.
RUN_ID="localrun-$(printf '%s' "$LR" | cksum | cut -d' ' -f1)"
MARKER="-Dsmartunion.localrun=$RUN_ID"

pid_of() { [[ -f "$RUN/$1.pid" ]] && cat "$RUN/$1.pid"; }

# true when process group $1 still has a member carrying our marker
group_is_ours() {
  ps -eo pgid=,args= 2>/dev/null | awk -v g="$1" '$1 == g' | grep -qF -- "$MARKER"
}
group_alive() { kill -0 -- "-$1" 2>/dev/null; }

# launch <name> <log file> <command...>: runs in its own process group (so stopping it stops its children too),
# detached from our stdin, output to the log, pid recorded in .local-run/run/<name>.pid
launch() {
  local name=$1 log=$2
  shift 2
  [[ -f "$log" ]] && mv -f "$log" "$log.prev"
  set -m
  "$@" </dev/null >"$log" 2>&1 &
  local pid=$!
  set +m
  echo "$pid" >"$RUN/$name.pid"
  STARTED+=("$name")
}

FORCE_STOP=0

# stop_group <timeout seconds> <name...>: SIGTERM to each group, wait, then SIGKILL what is left
stop_group() {
  local timeout=$1 name pid
  shift
  local -a pending=()
  for name in "$@"; do
    pid=$(pid_of "$name") || continue
    if group_alive "$pid" && group_is_ours "$pid"; then
      kill -TERM -- "-$pid" 2>/dev/null || true
      pending+=("$name")
    else
      rm -f "$RUN/$name.pid"
    fi
  done
  [[ ${#pending[@]} -eq 0 ]] && return 0
  local deadline=$(($(now_ms) + timeout * 1000))
  while :; do
    local -a still=()
    for name in "${pending[@]}"; do
      pid=$(pid_of "$name") || continue
      if group_alive "$pid"; then still+=("$name"); else rm -f "$RUN/$name.pid"; fi
    done
    [[ ${#still[@]} -eq 0 ]] && break
    pending=("${still[@]}")
    if [[ $FORCE_STOP -eq 1 || $(now_ms) -gt $deadline ]]; then
      for name in "${pending[@]}"; do
        pid=$(pid_of "$name") || continue
        warn "$name did not stop within ${timeout} s: killing it (kill -KILL -- -$pid)"
        kill -KILL -- "-$pid" 2>/dev/null || true
        rm -f "$RUN/$name.pid"
      done
      break
    fi
    sleep 0.2
  done
}

stop_components() {
  local -a wave1=() wave2=() name
  for name in "${SERVICES[@]}"; do [[ -f "$RUN/$name.pid" ]] && wave1+=("$name"); done
  for name in "${INFRA[@]}"; do [[ -f "$RUN/$name.pid" ]] && wave2+=("$name"); done
  # services first, so they can flush their outboxes and consumer offsets while Kafka and Mongo are still there
  [[ ${#wave1[@]} -gt 0 ]] && say "stopping ${wave1[*]}" && stop_group 30 "${wave1[@]}"
  [[ ${#wave2[@]} -gt 0 ]] && say "stopping ${wave2[*]}" && stop_group 45 "${wave2[@]}"
  return 0
}

# ------------------------------------------------------------------------------------- one instance at a time --

INSTANCE_PIDFILE="$RUN/run-local.pid"

running_instance() { # prints the pid of a running ./run-local.sh for this checkout
  local pid
  [[ -f "$INSTANCE_PIDFILE" ]] || return 1
  pid=$(cat "$INSTANCE_PIDFILE")
  [[ -n "$pid" && "$pid" != "$$" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  ps -o args= -p "$pid" 2>/dev/null | grep -q 'run-local\.sh' || return 1
  echo "$pid"
}

stop_instance() {
  local pid start
  start=$(now_ms)
  if pid=$(running_instance); then
    say "stopping the running instance (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$(($(now_ms) + 120000))
    while kill -0 "$pid" 2>/dev/null && [[ $(now_ms) -lt $deadline ]]; do sleep 0.3; done
    if kill -0 "$pid" 2>/dev/null; then
      warn "instance $pid did not exit within 120 s; stopping its processes directly"
      stop_components
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  local leftovers=0
  stop_leftovers && leftovers=1
  rm -f "$INSTANCE_PIDFILE"
  if [[ -n "${pid:-}" || $leftovers -eq 1 ]]; then say "stopped ($(elapsed "$start"))"; else say "nothing was running"; fi
}

# stops processes of an instance that was killed hard (kill -9, a closed terminal without hang-up...); true if any
stop_leftovers() {
  local leftovers=0 name
  for name in "${SERVICES[@]}" "${INFRA[@]}"; do
    if [[ -f "$RUN/$name.pid" ]]; then
      if group_alive "$(pid_of "$name")" && group_is_ours "$(pid_of "$name")"; then leftovers=1; else rm -f "$RUN/$name.pid"; fi
    fi
  done
  [[ $leftovers -eq 1 ]] || return 1
  say "stopping processes left behind by an earlier run that did not exit cleanly"
  stop_components
}

acquire_instance_lock() {
  mkdir -p "$RUN"
  if ! (set -C && echo "$$" >"$INSTANCE_PIDFILE") 2>/dev/null; then
    if running_instance >/dev/null; then die "another ./run-local.sh is running (pid $(cat "$INSTANCE_PIDFILE"))"; fi
    rm -f "$INSTANCE_PIDFILE"
    (set -C && echo "$$" >"$INSTANCE_PIDFILE") 2>/dev/null || die "could not take $(rel "$INSTANCE_PIDFILE")"
  fi
}

# ------------------------------------------------------------------------------------------------------- helpers --

find_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=$(command -v java) || die "no java on the PATH and no JAVA_HOME: install a JDK 17 or newer"; fi
  local spec
  spec=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [[ "${spec%%.*}" -ge 17 ]] 2>/dev/null || die "$JAVA is Java $spec; the suite needs 17 or newer"
  JAVA_VERSION=$spec
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_ports_free() {
  local -a busy=() entry
  for entry in "$@"; do
    port_in_use "${entry%%:*}" && busy+=("${entry%%:*} (${entry#*:})")
  done
  if [[ ${#busy[@]} -gt 0 ]]; then
    die "port(s) already in use on 127.0.0.1: ${busy[*]}. Stop what holds them (e.g. 'ss -ltnp' or 'lsof -i :PORT' shows it) and try again."
  fi
}

# run_waitable <command...>: runs in its own process group and waits for it, so a stop request (SIGTERM, Ctrl-C) is
# handled at once instead of after the command finishes; the signal handler then stops that process group.
FG_PID=""
run_waitable() {
  set -m
  "$@" </dev/null &
  FG_PID=$!
  set +m
  local rc=0
  wait "$FG_PID" || rc=$?
  FG_PID=""
  return "$rc"
}

random_key() { # 32 random bytes, base64
  if command -v openssl >/dev/null 2>&1; then
    openssl rand -base64 32
  else
    head -c 32 /dev/urandom | base64 | tr -d '\n'
    echo
  fi
}

load_demo_keys() {
  local file="$STATE/personal-data-demo-keys"
  if [[ ! -s "$file" ]]; then
    say "generating demo personal-data keys for this data folder ($(rel "$file"), never committed)" >&2
    (umask 077 && printf 'DATA_KEY=%s\nBLIND_INDEX_KEY=%s\n' "$(random_key)" "$(random_key)" >"$file")
  fi
  if ! grep -q '^JOIN_CODE_KEY=' "$file"; then # data folders made before QR join codes existed
    (umask 077 && printf 'JOIN_CODE_KEY=%s\n' "$(random_key)" >>"$file")
  fi
  local data_key blind_key join_key
  data_key=$(sed -n 's/^DATA_KEY=//p' "$file")
  blind_key=$(sed -n 's/^BLIND_INDEX_KEY=//p' "$file")
  join_key=$(sed -n 's/^JOIN_CODE_KEY=//p' "$file")
  [[ -n "$data_key" && -n "$blind_key" && -n "$join_key" ]] || die "$(rel "$file") is damaged; delete it (data encrypted with it becomes unreadable)"
  # membership-service also signs QR join codes (smartunion.membership.join-code.*); the join URL points at the
  # gateway because the local run has no member app
  PERSONAL_DATA_JSON='{"smartunion":{"personal-data":{"keys":{"demo-2026":"'"$data_key"'"},"active-key-id":"demo-2026","blind-index-key":"'"$blind_key"'"},"membership":{"join-code":{"keys":{"demo-2026":"'"$join_key"'"},"active-key-id":"demo-2026","join-url-prefix":"http://localhost:'"$GATEWAY_PORT"'/join?code="}}}}'
}

# ---------------------------------------------------------------------------------------------------- preparing --

CLASSPATH_FILE="$STATE/local-run.classpath"
BUILD_STAMP="$STATE/local-run.built"

prepare_local_run_module() {
  # the Kafka broker, the Mongo wire server and the readiness checker run from local-run's runtime classpath
  local stale=0
  # (rebuilt when local-run's sources or a pom changed since the last time, or the classes are gone)
  [[ -s "$CLASSPATH_FILE" && -f "$BUILD_STAMP" && -f "$ROOT/local-run/target/classes/cn/smartunion/localrun/AwaitReady.class" ]] || stale=1
  if [[ $stale -eq 0 ]] && [[ -n "$(find "$ROOT/pom.xml" "$ROOT/local-run/pom.xml" "$ROOT/local-run/src/main" -newer "$BUILD_STAMP" -print -quit)" ]]; then stale=1; fi
  if [[ $stale -eq 1 ]]; then
    say "building local-run and resolving its classpath (Kafka broker, mongo-java-server)"
    run_waitable ./mvnw -q -B -pl local-run compile dependency:build-classpath -DincludeScope=runtime \
      "-Dmdep.outputFile=$CLASSPATH_FILE" || die "building local-run failed (see the Maven output above)"
    touch "$BUILD_STAMP"
  fi
  LOCALRUN_CP="$ROOT/local-run/target/classes:$(cat "$CLASSPATH_FILE")"
}

build_services() {
  say "building the services and the gateway (./mvnw -q -B -DskipTests package)"
  run_waitable ./mvnw -q -B -DskipTests package || die "the build failed (see the Maven output above)"
}

service_jar() {
  local jar
  for jar in "$ROOT/$1/target/$1"-*-exec.jar; do
    [[ -f "$jar" ]] && echo "$jar" && return 0
  done
  return 1
}

prepare_keycloak() {
  if [[ ! -x "$KC_HOME/bin/kc.sh" ]]; then
    local zip="$DOWNLOADS/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    if [[ ! -s "$zip" ]]; then
      say "fetching Keycloak $KEYCLOAK_VERSION from Maven Central (~180 MB, once)"
      mkdir -p "$DOWNLOADS"
      run_waitable ./mvnw -q -B -N dependency:copy "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
        "-DoutputDirectory=$DOWNLOADS" || die "could not fetch the Keycloak distribution from Maven Central"
    fi
    say "unpacking Keycloak into $(rel "$KC_HOME") (once)"
    local tmp="$LR/keycloak-unpack.tmp"
    rm -rf "$tmp" && mkdir -p "$tmp"
    if command -v unzip >/dev/null 2>&1; then
      unzip -q "$zip" -d "$tmp"
    else
      (cd "$tmp" && "$(dirname "$JAVA")/jar" xf "$zip")
    fi
    chmod +x "$tmp/keycloak-$KEYCLOAK_VERSION"/bin/*.sh
    rm -rf "$KC_HOME"
    mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
    rm -rf "$tmp"
  fi
  # a realm is imported when Keycloak starts and the realm does not exist yet; when a realm file changed since the
  # last import, drop Keycloak's dev database so the files are imported again (users added by hand go with it)
  local sum
  sum=$(cat "${REALM_FILES[@]}" | cksum)
  if [[ -d "$KC_HOME/data/h2" && -f "$STATE/realm.cksum" && "$(cat "$STATE/realm.cksum")" != "$sum" ]]; then
    say "a realm file in $(rel "$ROOT/local-run/keycloak") changed since the import: resetting Keycloak's database to import them again"
    rm -rf "$KC_HOME/data/h2"
  fi
  mkdir -p "$KC_HOME/data/import"
  cp "${REALM_FILES[@]}" "$KC_HOME/data/import/"
  echo "$sum" >"$STATE/realm.cksum"
}

# ---------------------------------------------------------------------------------------------------- starting --

start_kafka() {
  local dir="$DATA/kafka" props="$STATE/kafka-server.properties" template
  mkdir -p "$dir"
  template=$(cat "$CONFIG/kafka-server.properties")
  printf '%s\n' "${template//@KAFKA_DATA_DIR@/"$dir"}" >"$props"
  local -a log_opts=("-Dlog4j2.configurationFile=$CONFIG/log4j2.xml" "-Dlocalrun.log.file=$LOGS/kafka.log")
  if [[ ! -f "$dir/meta.properties" ]]; then
    local cluster_id
    cluster_id=$("$JAVA" -cp "$LOCALRUN_CP" kafka.tools.StorageTool random-uuid)
    say "formatting Kafka's storage (KRaft, cluster id $cluster_id)"
    "$JAVA" "${log_opts[@]}" -cp "$LOCALRUN_CP" kafka.tools.StorageTool format --standalone \
      --cluster-id "$cluster_id" --config "$props" >"$LOGS/kafka-format.out" 2>&1 ||
      die "formatting Kafka's storage failed; read $(rel "$LOGS/kafka-format.out")"
  fi
  # shellcheck disable=SC2086 # word splitting of the JVM options is wanted
  launch kafka "$LOGS/kafka.out" "$JAVA" $KAFKA_JAVA_OPTS "$MARKER" "${log_opts[@]}" -cp "$LOCALRUN_CP" kafka.Kafka "$props"
}

start_mongo() {
  # shellcheck disable=SC2086
  launch mongo "$LOGS/mongo.out" "$JAVA" $MONGO_JAVA_OPTS "$MARKER" \
    "-Dlog4j2.configurationFile=$CONFIG/log4j2.xml" "-Dlocalrun.log.file=$LOGS/mongo.log" \
    -cp "$LOCALRUN_CP" cn.smartunion.localrun.MongoWireServer --bind 127.0.0.1 --port "$MONGO_PORT" --file "$DATA/mongo/local-run.mv"
}

start_keycloak() {
  local -a java_home=()
  [[ -n "${JAVA_HOME:-}" ]] && java_home=("JAVA_HOME=$JAVA_HOME")
  launch keycloak "$LOGS/keycloak.log" env ${java_home[@]+"${java_home[@]}"} \
    "KC_BOOTSTRAP_ADMIN_USERNAME=$KEYCLOAK_ADMIN_USER" "KC_BOOTSTRAP_ADMIN_PASSWORD=$KEYCLOAK_ADMIN_PASSWORD" \
    "JAVA_OPTS_KC_HEAP=$KEYCLOAK_HEAP_OPTS" "JAVA_OPTS_APPEND=$MARKER" \
    bash "$KC_HOME/bin/kc.sh" start-dev --http-host 127.0.0.1 --http-port "$KEYCLOAK_PORT" \
    --hostname "http://localhost:$KEYCLOAK_PORT" --import-realm --log-console-color=false
}

start_service() {
  local name=$1 jar ref
  jar=$(service_jar "$name") || die "no $name/target/$name-*-exec.jar: build first (drop --skip-build)"
  ref="ENV_${name//-/_}[@]"
  # shellcheck disable=SC2086
  launch "$name" "$LOGS/$name.log" env "${!ref}" "$JAVA" $SERVICE_JAVA_OPTS "$MARKER" -jar "$jar"
}

log_of() {
  case "$1" in
    kafka) echo "$LOGS/kafka.log" ;;
    mongo) echo "$LOGS/mongo.log" ;;
    *) echo "$LOGS/$1.log" ;;
  esac
}

probe_of() {
  case "$1" in
    kafka) echo "kafka;localhost:$KAFKA_PORT" ;;
    mongo) echo "mongo;127.0.0.1:$MONGO_PORT" ;;
    keycloak) echo "http;http://localhost:$KEYCLOAK_PORT/realms/$REALM/.well-known/openid-configuration" ;;
    gateway) echo "http;http://127.0.0.1:$GATEWAY_PORT/readyz" ;;
    *) echo "http;http://127.0.0.1:$(service_port "$1")/actuator/health/readiness" ;;
  esac
}

# await <name...>: one JVM polls all of them; fails fast when one of their processes exits
await_ready() {
  local -a targets=() name
  for name in "$@"; do targets+=("$name;$(pid_of "$name");$(probe_of "$name");$(rel "$(log_of "$name")")"); done
  local rc=0
  run_waitable "$JAVA" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$LOCALRUN_CP" \
    cn.smartunion.localrun.AwaitReady --timeout "$TIMEOUT" "${targets[@]}" || rc=$?
  return "$rc"
}

print_summary() {
  local token_url="http://localhost:$KEYCLOAK_PORT/realms/$REALM/protocol/openid-connect/token"
  echo
  printf '%sSmart Union Suite%s (%s, Java %s) %s%s%s\n' "$BOLD" "$RESET" \
    "$([[ $INFRA_ONLY -eq 1 ]] && echo 'infrastructure only' || echo 'infrastructure, services, gateway')" "$JAVA_VERSION" \
    "$GREEN" "$TIMINGS" "$RESET"
  echo
  if [[ $INFRA_ONLY -eq 0 ]]; then
    echo "  Gateway          http://localhost:$GATEWAY_PORT"
    echo "  Swagger UI       http://localhost:$GATEWAY_PORT/swagger-ui.html"
    echo "  Services         membership :8081   aid :8082   rights :8083   competition :8084   statistics :8085  (loopback, behind the gateway)"
  fi
  echo "  Keycloak admin   http://localhost:$KEYCLOAK_PORT/admin/   user $KEYCLOAK_ADMIN_USER / $KEYCLOAK_ADMIN_PASSWORD (demo)"
  echo "  OIDC issuer      http://localhost:$KEYCLOAK_PORT/realms/$REALM"
  echo "  Kafka            localhost:$KAFKA_PORT      MongoDB  mongodb://localhost:$MONGO_PORT/<service>"
  echo "  Logs             $(rel "$LOGS")/"
  echo
  echo "  Demo users of realm '$REALM', all with the DEMO password $DEMO_PASSWORD:"
  echo "    prov.admin      420000                       union-admin union-staff analyst"
  echo "    city.admin      420000/420300                union-admin union-staff aid-officer rights-agent competition-organiser"
  echo "    county.admin    420000/420300/420322         (same roles, Yunxi county)"
  echo "    county2.admin   420000/420300/420323         (same roles, Zhushan county)"
  echo "    suizhou.admin   420000/421300                (same roles, Suizhou city)"
  echo "    yunxi.aid       420000/420300/420322         union-staff aid-officer aid-approver (files aid cases)"
  echo "    yunxi.approver  420000/420300/420322         union-staff aid-approver (county approvals)"
  echo "    shiyan.approver 420000/420300                union-staff aid-approver (city approvals)"
  echo "    prov.12351      420000                       union-staff rights-agent (the provincial 12351 centre)"
  echo "    member.demo     420000/420300/420322/Y0001   member"
  echo "    worker.demo     420000/420300/420322/Y0002   member (registers for competitions)"
  echo "    judge.one … judge.four  420000/420300        member judge (claim a member record, then judge)"
  echo "    prov.office     420000                       union-admin union-staff aid-officer rights-agent competition-organiser"
  echo "    yunxi.analyst   420000/420300/420322         analyst (reads Yunxi's statistics)"
  echo "  Single sign-on through realm 'gov-idp' (local stand-in for 政务服务统一身份认证), same DEMO password:"
  echo "    zhang.wei       lands in county.admin (same email), with its org_path and roles"
  echo "    li.na           lands in a new account gov-sso.li.na: member, no org_path"
  echo "    try: http://localhost:$KEYCLOAK_PORT/realms/$REALM/account/ and pick 政务服务统一身份认证 (see local-run/README.md)"
  echo "  Partner client 'portal' (client credentials), DEMO secret $PORTAL_SECRET"
  echo
  echo "  A token for county.admin (password grant, client staff-web; needs curl):"
  # shellcheck disable=SC2016 # printed for the user to paste, not expanded here
  printf '    TOKEN=$(curl -s %s -d grant_type=password -d client_id=staff-web -d username=county.admin -d password=%s | sed -E '"'"'s/.*"access_token":"([^"]+)".*/\\1/'"'"')\n' "$token_url" "$DEMO_PASSWORD"
  echo "  A token for the portal partner (client credentials):"
  echo "    curl -s $token_url -d grant_type=client_credentials -d client_id=portal -d client_secret=$PORTAL_SECRET"
  if [[ $INFRA_ONLY -eq 0 ]]; then
    echo "  Then call through the gateway:  curl -H \"Authorization: Bearer \$TOKEN\" http://localhost:$GATEWAY_PORT/api/membership/v1/..."
  else
    echo
    echo "  Run a service from your IDE or a shell with the environment the full run would give it:"
    echo "    ./run-local.sh env membership-service      (prints PORT, MONGODB_URI, KAFKA_BOOTSTRAP_SERVERS, OIDC_*, keys...)"
  fi
  echo
  echo "  Stop: Ctrl-C here, or ./run-local.sh stop (or ./run-local.sh again) from another terminal."
  echo
}

# ---------------------------------------------------------------------------------------------------- commands --

STARTED=()
SHUTTING_DOWN=0
INSTANCE_STARTED=0

shutdown_instance() {
  local reason=$1 start
  start=$(now_ms)
  if [[ -n "$FG_PID" ]]; then kill -TERM -- "-$FG_PID" 2>/dev/null || true; fi
  say "$reason: stopping what this run started"
  stop_components
  rm -f "$INSTANCE_PIDFILE"
  say "all stopped ($(elapsed "$start"))"
}

on_signal() {
  set +e # stopping must not be cut short by a failing command, e.g. a write to a terminal that is gone
  if [[ $1 == hang-up ]]; then # the terminal was closed: report to a file
    exec >>"$LOGS/run-local.log" 2>&1
    BOLD="" RED="" GREEN="" YELLOW="" RESET=""
  fi
  # bash does not run this trap again while it runs, so a second Ctrl-C only takes effect after the stop
  SHUTTING_DOWN=1
  shutdown_instance "$1"
  exit 0
}

on_exit() {
  local rc=$?
  set +e
  if [[ $SHUTTING_DOWN -eq 0 && $INSTANCE_STARTED -eq 1 ]]; then
    SHUTTING_DOWN=1
    trap - INT TERM HUP
    trap 'FORCE_STOP=1' INT TERM HUP
    shutdown_instance "exiting (status $rc)"
  fi
}

cmd_start() {
  local t0 t_phase
  t0=$(now_ms)
  find_java
  mkdir -p "$DOWNLOADS" "$DATA/mongo" "$STATE" "$LOGS" "$RUN"

  stop_leftovers || true
  local -a ports=("$KAFKA_PORT:kafka" "$KAFKA_CONTROLLER_PORT:kafka controller" "$MONGO_PORT:mongo" "$KEYCLOAK_PORT:keycloak")
  local name
  if [[ $INFRA_ONLY -eq 0 ]]; then
    for name in "${SERVICES[@]}"; do ports+=("$(service_port "$name"):$name"); done
    ports+=("$GATEWAY_MANAGEMENT_PORT:gateway management")
  fi
  check_ports_free "${ports[@]}"

  acquire_instance_lock
  INSTANCE_STARTED=1
  trap 'on_signal "interrupted"' INT
  trap 'on_signal "stop requested"' TERM
  trap 'on_signal "hang-up"' HUP
  trap '' PIPE # a closed output pipe makes writes fail instead of killing us before we stopped our processes
  trap on_exit EXIT

  t_phase=$(now_ms)
  if [[ $INFRA_ONLY -eq 0 && $SKIP_BUILD -eq 0 ]]; then build_services; fi
  prepare_local_run_module
  prepare_keycloak
  local t_prepared
  t_prepared=$(elapsed "$t_phase")

  t_phase=$(now_ms)
  say "starting Kafka :$KAFKA_PORT, Mongo :$MONGO_PORT, Keycloak :$KEYCLOAK_PORT (logs in $(rel "$LOGS")/)"
  start_mongo
  start_kafka
  start_keycloak
  await_ready "${INFRA[@]}" || die "the infrastructure did not come up (see above; logs in $(rel "$LOGS")/)"
  local t_infra
  t_infra=$(elapsed "$t_phase")
  TIMINGS="started in $(elapsed "$t0") (build/fetch $t_prepared, infrastructure $t_infra"

  if [[ $INFRA_ONLY -eq 0 ]]; then
    load_demo_keys
    service_environment
    t_phase=$(now_ms)
    say "starting ${SERVICES[*]}"
    for name in "${SERVICES[@]}"; do start_service "$name"; done
    await_ready "${SERVICES[@]}" || die "not every service came up (see above; logs in $(rel "$LOGS")/)"
    TIMINGS="started in $(elapsed "$t0") (build/fetch $t_prepared, infrastructure $t_infra, services $(elapsed "$t_phase"))"
  else
    TIMINGS="$TIMINGS)"
  fi
  print_summary

  # foreground: watch the processes until stopped
  local -a reported=()
  while :; do
    sleep 2 &
    wait $! || true
    for name in "${STARTED[@]}"; do
      if ! kill -0 "$(pid_of "$name")" 2>/dev/null && [[ " ${reported[*]-} " != *" $name "* ]]; then
        warn "$name exited on its own; read $(rel "$(log_of "$name")"). The rest keeps running."
        reported+=("$name")
      fi
    done
  done
}

cmd_status() {
  local name pid rss hwm any=0
  if pid=$(running_instance); then say "./run-local.sh is running (pid $pid)"; else say "no ./run-local.sh is running"; fi
  for name in "${INFRA[@]}" "${SERVICES[@]}"; do
    pid=$(pid_of "$name") || continue
    if group_alive "$pid" && group_is_ours "$pid"; then
      any=1
      # the JVM of the group (for Keycloak, the child of kc.sh)
      local jpid
      jpid=$(ps -eo pid=,pgid=,args= | awk -v g="$pid" '$2 == g && $3 ~ /java$/ {print $1; exit}')
      jpid=${jpid:-$pid}
      rss=$(ps -o rss= -p "$jpid" | tr -d ' ')
      hwm=$([[ -r /proc/$jpid/status ]] && awk '/VmHWM/ {print $2}' "/proc/$jpid/status" || echo "?")
      printf '  %-20s pid %-7s rss %5s MB   peak rss %5s MB   log %s\n' "$name" "$jpid" "$((rss / 1024))" \
        "$([[ $hwm == "?" ]] && echo "?" || echo $((hwm / 1024)))" "$(rel "$(log_of "$name")")"
    fi
  done
  [[ $any -eq 1 ]] || say "no local-run process is running"
}

cmd_env() { # the environment run-local.sh gives a service, for running it from an IDE or a shell
  mkdir -p "$STATE"
  load_demo_keys
  service_environment
  local ref="ENV_${ENV_SERVICE//-/_}[@]" line
  for line in "${!ref}"; do printf "export %s='%s'\n" "${line%%=*}" "${line#*=}"; done
}

cmd_reset() {
  running_instance >/dev/null && die "stop the running instance first (./run-local.sh stop)"
  stop_leftovers || true # a hard-killed run may have left JVMs writing to the files about to be deleted
  say "deleting local data: $(rel "$DATA"), $(rel "$STATE"), Keycloak's database ($(rel "$KC_HOME")/data/h2)"
  rm -rf "$DATA" "$STATE" "$KC_HOME/data/h2" "$KC_HOME/data/import"
  say "done; downloads and the unpacked Keycloak are kept"
}

usage() { sed -n '3,18p' "$0" | sed 's/^# \{0,1\}//'; }

COMMAND=start
ENV_SERVICE=membership-service
INFRA_ONLY=0
SKIP_BUILD=0
TIMEOUT=240
while [[ $# -gt 0 ]]; do
  case "$1" in
    start | stop | status | reset | env) COMMAND=$1 ;;
    membership-service | aid-service | rights-service | competition-service | statistics-service | gateway)
      [[ $COMMAND == env ]] || die "'$1' only goes with the env command"
      ENV_SERVICE=$1
      ;;
    --infra-only) INFRA_ONLY=1 ;;
    --skip-build) SKIP_BUILD=1 ;;
    --timeout)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || die "--timeout needs a number of seconds"
      TIMEOUT=$2
      shift
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
  shift
done

case "$COMMAND" in
  start)
    if running_instance >/dev/null; then
      # a second ./run-local.sh while one runs: stop that one
      stop_instance
      exit 0
    fi
    cmd_start
    ;;
  stop) stop_instance ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  env) cmd_env ;;
esac
