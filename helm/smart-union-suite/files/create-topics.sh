#!/usr/bin/env bash
#
# Creates the suite's Kafka topics with their settings, and brings existing ones up to them; run by the chart's
# pre-install/pre-upgrade hook Job and by docker-compose.yml's one-shot `kafka-topics`, both on the apache/kafka image.
#
#   KAFKA_BOOTSTRAP_SERVERS   host:port,...
#   TOPICS                    one topic a line: <name> <partitions> <replication factor> <retention.ms> <cleanup.policy>
#                             <min.insync.replicas>   (lines starting with # are skipped)
#   KAFKA_COMMAND_CONFIG      optional: a client properties file (SASL/TLS) for the admin tools
#
# Partitions only ever grow (a topic is never shrunk or recreated: it keeps every event since the start). Growing
# them moves keys to other partitions for new records, so do it when the producers are quiet.
set -euo pipefail

: "${KAFKA_BOOTSTRAP_SERVERS:?KAFKA_BOOTSTRAP_SERVERS is not set}"
: "${TOPICS:?TOPICS is not set}"
BIN=${KAFKA_BIN:-/opt/kafka/bin}
admin=(--bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS")
[[ -n "${KAFKA_COMMAND_CONFIG:-}" ]] && admin+=(--command-config "$KAFKA_COMMAND_CONFIG")

attempt=1
until "$BIN/kafka-topics.sh" "${admin[@]}" --list >/dev/null 2>&1; do
  if ((attempt >= 60)); then
    echo "Kafka at $KAFKA_BOOTSTRAP_SERVERS did not answer within 5 minutes" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 5
done

created=0 updated=0
while read -r name partitions replicas retention policy min_isr; do
  [[ -z "${name:-}" || "$name" == \#* ]] && continue
  settings="retention.ms=$retention,cleanup.policy=$policy,min.insync.replicas=$min_isr"
  if "$BIN/kafka-topics.sh" "${admin[@]}" --describe --topic "$name" >/dev/null 2>&1; then
    "$BIN/kafka-configs.sh" "${admin[@]}" --alter --entity-type topics --entity-name "$name" --add-config "$settings" >/dev/null
    current=$("$BIN/kafka-topics.sh" "${admin[@]}" --describe --topic "$name" | sed -n 's/.*PartitionCount: *\([0-9]*\).*/\1/p' | head -n 1)
    if [[ -n "$current" ]] && ((current < partitions)); then
      "$BIN/kafka-topics.sh" "${admin[@]}" --alter --topic "$name" --partitions "$partitions"
      echo "$name: partitions $current -> $partitions"
    fi
    updated=$((updated + 1))
  else
    "$BIN/kafka-topics.sh" "${admin[@]}" --create --if-not-exists --topic "$name" --partitions "$partitions" \
      --replication-factor "$replicas" --config "retention.ms=$retention" --config "cleanup.policy=$policy" \
      --config "min.insync.replicas=$min_isr" >/dev/null
    echo "$name: created ($partitions partitions, replication $replicas, retention.ms $retention, $policy)"
    created=$((created + 1))
  fi
done <<<"$TOPICS"
echo "topics: $created created, $updated brought up to their settings"
