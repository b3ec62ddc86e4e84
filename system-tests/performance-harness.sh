#!/usr/bin/env bash
# Performance harness of issue 10 (not a test, not in CI): builds the suite, starts it once on loopback (Keycloak, Kafka,
# the Mongo wire server, the services and the gateway with the full JIT) and measures side by side in that one run:
#   1. gateway + JWT versus direct calls (an authenticated database-backed GET and a member-entry POST),
#   2. MemberActivated from the HTTP command to aid-service's projection, beside Kafka's EndToEndLatency,
#   3. the projection's consumer throughput, beside Kafka's ConsumerPerformance and raw driver writes,
#   4. roster import rows/s, beside a raw insertMany,
#   5. resident memory of every process.
# Writes docs/performance-report.md and prints it. About 15 minutes with the defaults on a quiet 2-core machine.
#
# Usage: system-tests/performance-harness.sh [name=value ...]
#   get-requests=10000          GET requests per round and path
#   post-requests=1000          POST requests (new members) per round and path
#   rounds=3                    counted rounds per path (alternating), after
#   warm-up-rounds=1            uncounted rounds per path
#   concurrency=16              concurrent clients in part 1
#   pipeline.rate=20            member entries a second in part 2, for
#   pipeline.seconds=60         seconds (after pipeline.warm-up-seconds=10 at the same rate)
#   pipeline.poll-ms=5          how often the projection is asked for the ids still missing
#   e2e.messages=<rate*seconds> messages of Kafka's EndToEndLatency, of e2e.message-bytes=700 bytes
#   projection.events=20000     events published for the projection to catch up on in part 3
#   roster.rows=10000           rows of the roster imported in part 4
# e.g. a quick check: system-tests/performance-harness.sh get-requests=500 post-requests=100 rounds=1 \
#        pipeline.seconds=10 pipeline.warm-up-seconds=2 projection.events=1000 roster.rows=500
set -euo pipefail
cd "$(dirname "$0")/.."
properties=()
rate=20
seconds=60
e2e=""
for argument in "$@"; do
  if [[ "$argument" == "-h" || "$argument" == "--help" || "$argument" != *=* ]]; then
    sed -n '2,23p' "system-tests/performance-harness.sh" | sed 's/^# \{0,1\}//'
    [[ "$argument" == "-h" || "$argument" == "--help" ]] && exit 0 || exit 2
  fi
  name="${argument%%=*}"
  value="${argument#*=}"
  if ! [[ "$value" =~ ^[0-9]+$ ]]; then
    echo "not a whole number: $argument (see --help)" >&2
    exit 2
  fi
  case "$name" in
    pipeline.rate) rate="$value" ;;
    pipeline.seconds) seconds="$value" ;;
    e2e.messages) e2e="$value" ;;
    get-requests | post-requests | rounds | warm-up-rounds | concurrency | pipeline.warm-up-seconds \
      | pipeline.poll-ms | e2e.message-bytes | projection.events | roster.rows) ;;
    *) echo "unknown option: $argument (see --help)" >&2; exit 2 ;;
  esac
  properties+=("-Dperformance.$name=$value")
done
properties+=("-Dperformance.e2e.messages=${e2e:-$((rate * seconds))}")
# -Dtest=none: build and package everything without running the tests; exec.skip skips the goal in the other modules
# (which still want an executable named)
exec ./mvnw -B -ntp -q -pl system-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  org.codehaus.mojo:exec-maven-plugin:3.5.0:exec@performance-harness -Dexec.skip=true -Dexec.executable=java \
  "-Dperformance.command=system-tests/performance-harness.sh $*" "${properties[@]}"
