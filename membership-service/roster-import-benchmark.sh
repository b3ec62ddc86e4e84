#!/usr/bin/env bash
# Roster import benchmark (not a test): imports a generated roster through the real enrolment engine into
# mongo-java-server and, in the same run, inserts equivalent documents with the raw driver; prints both rates,
# their ratio and the machine. Usage: membership-service/roster-import-benchmark.sh [rows]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
# exec.skip skips the goal in the upstream reactor modules (which still want a main class named);
# membership-service's pom un-skips it for itself.
exec ./mvnw -B -ntp -q -pl membership-service -am test-compile \
  org.codehaus.mojo:exec-maven-plugin:3.5.0:java@roster-import-benchmark -Dexec.skip=true \
  -Dexec.mainClass=cn.smartunion.membership.enrolment.RosterImportBenchmark \
  -Dbenchmark.rows="$rows"
