#!/usr/bin/env bash
# Gateway overhead benchmark (not a test): builds the suite, starts it on loopback (Keycloak, Kafka, the Mongo wire
# server, the services, the gateway) and measures the same authenticated, database-backed GET through the gateway and
# directly to membership-service in one run; prints throughput and p50/p99 of both and the machine.
# Usage: system-tests/gateway-benchmark.sh [requests per round] [concurrency] [rounds]   (default 20000 16 3)
set -euo pipefail
cd "$(dirname "$0")/.."
# -Dtest=none: build and package everything without running the tests; exec.skip skips the goal in the other modules
# (which still want an executable named)
exec ./mvnw -B -ntp -q -pl system-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  org.codehaus.mojo:exec-maven-plugin:3.5.0:exec@gateway-benchmark -Dexec.skip=true -Dexec.executable=java \
  -Dbenchmark.requests="${1:-20000}" -Dbenchmark.concurrency="${2:-16}" -Dbenchmark.rounds="${3:-3}"
