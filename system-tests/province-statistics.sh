#!/usr/bin/env bash
# The generated province at any size (not a test command: the build runs the same test at 10,000 members). Drives a seeded
# province through the whole suite, compares statistics-service's figures with the generator's own, replays every
# topic from offset 0, renders the report page in headless Chromium, and prints the PROVINCE lines (timings, figures,
# the screenshot's path). Here the gateway waits up to 2 minutes for an answer (the suite's 10 s is shorter than a
# 200,000-member province's report takes on the Mongo wire server, which has no secondary indexes), and the services,
# the broker and the Mongo wire server get larger heaps.
# Usage: system-tests/province-statistics.sh [members (200000)] [seed (20261122)]
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
./mvnw -B -ntp -q -pl system-tests -am verify -Dtest=ProvinceStatisticsTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsmartunion.province.members="${1:-200000}" -Dsmartunion.province.seed="${2:-20261122}" \
  -Dsmartunion.suite.env.gateway.DOWNSTREAM_RESPONSE_TIMEOUT_MS=120000 \
  -Dsmartunion.suite.infrastructure-heap=3g -Dsmartunion.province.catch-up=PT20M \
  "-Dsmartunion.suite.jvm-options=-XX:+UseSerialGC -Xms64m -Xmx1g -XX:TieredStopAtLevel=1" || status=$?
grep -h '^PROVINCE' system-tests/target/surefire-reports/*ProvinceStatisticsTest-output.txt || true
nproc_count=$(nproc); memory=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
echo "machine: $nproc_count cores, $memory, $(uname -sm); $(java -version 2>&1 | head -1)"
exit "$status"
