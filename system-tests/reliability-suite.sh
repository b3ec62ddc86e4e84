#!/usr/bin/env bash
# Every reliability scenario of issue 10 at the issue's full size (the build runs 1-3 and 6 smaller; see the defaults
# in BrokerCrashTest, ConsumerCrashReplayTest, PoisonEventsTest and MalformedInputTest):
#   1 broker crash mid-stream: 10,000 single member entries at a steady rate, the broker killed at 30 %, back 10 s later
#   2 consumer crash and replay: 10,000 events, aid-service killed three times, replayed twice, rebuilt: one hash
#   3 poison events: 10 malformed among 10,000 on one topic
#   4-7 idempotent HTTP, tenant isolation, malformed input (10,000 requests per service), the personal-data sweep
# Prints the RELIABILITY lines.
# Usage: system-tests/reliability-suite.sh [malformed requests per service (10000)] [broker-crash commands (10000)]
#        [broker-crash commands per second (see BrokerCrashTest)] [consumer-fault events (10000)]
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
rate=()
if [ -n "${3:-}" ]; then rate=(-Dreliability.broker-crash.rate="$3"); fi
./mvnw -B -ntp -q -pl system-tests -am verify -Dtest='cn.smartunion.systemtest.reliability.*Test' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dreliability.malformed.requests="${1:-10000}" \
  -Dreliability.broker-crash.commands="${2:-10000}" "${rate[@]}" \
  -Dreliability.consumer-faults.events="${4:-10000}" || status=$?
grep -h '^RELIABILITY' system-tests/target/surefire-reports/*-output.txt || true
exit "$status"
