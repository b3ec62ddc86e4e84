#!/usr/bin/env bash
# Reliability scenarios of issue 10 at the issue's full size: 1 (broker crash mid-stream: 10,000 single member entries
# at a steady rate, the broker killed at 30 % and restarted 10 s later) and 4-7 (idempotent HTTP, tenant isolation,
# malformed input with 10,000 requests per service, the personal-data sweep). The build runs scenario 1 and the
# malformed input smaller (see the defaults in BrokerCrashTest and MalformedInputTest). Prints the RELIABILITY lines.
# Usage: system-tests/reliability-suite.sh [malformed requests per service (10000)] [broker-crash commands (10000)]
#        [broker-crash commands per second (see BrokerCrashTest)]
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
rate=()
if [ -n "${3:-}" ]; then rate=(-Dreliability.broker-crash.rate="$3"); fi
./mvnw -B -ntp -q -pl system-tests -am verify -Dtest='cn.smartunion.systemtest.reliability.*Test' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dreliability.malformed.requests="${1:-10000}" \
  -Dreliability.broker-crash.commands="${2:-10000}" "${rate[@]}" || status=$?
grep -h '^RELIABILITY' system-tests/target/surefire-reports/*-output.txt || true
exit "$status"
