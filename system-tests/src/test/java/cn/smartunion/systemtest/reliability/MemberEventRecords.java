package cn.smartunion.systemtest.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import cn.smartunion.systemtest.suite.Suite;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records of {@code membership.member.v1} exactly as membership-service's outbox relay writes them (CloudEvents 1.0
 * binary mode: {@code ce_*} headers, the schema-valid JSON payload as the value, key = memberId), for tests that
 * publish straight to the topic. Payloads carry pseudonymous ids only; the unions are made-up grassroots unions under
 * Yunxi county of the demo tree ({@value #YUNXI}), which no other system test counts.
 */
final class MemberEventRecords {

    static final String TOPIC = "membership.member.v1";
    static final String YUNXI = "420000/420300/420322";
    private static final String TYPE_PREFIX = "cn.smartunion.membership.";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MemberEventRecords() {
    }

    /**
     * How many events a consumer-fault scenario publishes: {@code reliability.consumer-faults.events}, 2,000 in the
     * build and the 10,000 in {@code system-tests/reliability-suite.sh}.
     */
    static int scenarioEvents() {
        return Integer.getInteger("reliability.consumer-faults.events", 2_000);
    }

    /** A made-up grassroots union under Yunxi: its id and its path. */
    record Union(String orgId, String orgPath) {

        static Union underYunxi(String code) {
            return new Union("org-" + code.toLowerCase(), YUNXI + "/" + code);
        }
    }

    static ProducerRecord<String, String> activated(String memberId, Union union, List<String> groupTags,
            LocalDate effectiveOn, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("memberId", memberId);
        payload.put("orgId", union.orgId());
        payload.put("orgPath", union.orgPath());
        payload.put("joinChannel", "ONLINE_APPLICATION");
        payload.put("campaignId", null);
        payload.put("groupTags", groupTags);
        payload.put("employmentForm", null);
        payload.put("employerCreditCode", null);
        payload.put("firstJoin", true);
        payload.put("applicationId", null);
        payload.put("enrolmentBatchId", null);
        payload.put("actorKind", "STAFF");
        payload.put("effectiveOn", effectiveOn.toString());
        payload.put("activatedAt", at.toString());
        return record("member.activated.v1", memberId, union.orgPath(), at, json(payload));
    }

    static ProducerRecord<String, String> groupTagsChanged(String memberId, Union union, List<String> added,
            List<String> groupTags, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("memberId", memberId);
        payload.put("orgId", union.orgId());
        payload.put("orgPath", union.orgPath());
        payload.put("added", added);
        payload.put("removed", List.of());
        payload.put("groupTags", groupTags);
        payload.put("occurredAt", at.toString());
        return record("member.group-tags-changed.v1", memberId, union.orgPath(), at, json(payload));
    }

    static ProducerRecord<String, String> retained(String memberId, Union union, LocalDate since, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("memberId", memberId);
        payload.put("orgId", union.orgId());
        payload.put("orgPath", union.orgPath());
        payload.put("reasonCode", "UNEMPLOYED");
        payload.put("since", since.toString());
        payload.put("occurredAt", at.toString());
        return record("member.retained.v1", memberId, union.orgPath(), at, json(payload));
    }

    static ProducerRecord<String, String> reinstated(String memberId, Union union, LocalDate effectiveOn, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("memberId", memberId);
        payload.put("orgId", union.orgId());
        payload.put("orgPath", union.orgPath());
        payload.put("effectiveOn", effectiveOn.toString());
        payload.put("occurredAt", at.toString());
        return record("member.reinstated.v1", memberId, union.orgPath(), at, json(payload));
    }

    static ProducerRecord<String, String> transferred(String memberId, String transferId, Union from, Union to,
            LocalDate effectiveOn, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("memberId", memberId);
        payload.put("transferId", transferId);
        payload.put("fromOrgId", from.orgId());
        payload.put("fromOrgPath", from.orgPath());
        payload.put("toOrgId", to.orgId());
        payload.put("toOrgPath", to.orgPath());
        payload.put("crossProvince", false);
        payload.put("reasonCode", null);
        payload.put("effectiveOn", effectiveOn.toString());
        payload.put("transferredAt", at.toString());
        return record("member.transferred.v1", memberId, to.orgPath(), at, json(payload));
    }

    /** A record with the headers membership-service's relay sets; tests take headers off or spoil them. */
    static ProducerRecord<String, String> record(String typeName, String memberId, String orgPath, Instant time,
            String value) {
        String type = TYPE_PREFIX + typeName;
        RecordHeaders headers = new RecordHeaders();
        put(headers, "ce_specversion", "1.0");
        put(headers, "ce_id", UUID.randomUUID().toString());
        put(headers, "ce_source", "/membership-service");
        put(headers, "ce_type", type);
        put(headers, "ce_subject", memberId);
        put(headers, "ce_time", time.toString());
        put(headers, "ce_dataschema", "urn:smartunion:schema:" + type);
        put(headers, "ce_orgpath", orgPath);
        put(headers, "content-type", "application/json");
        return new ProducerRecord<>(TOPIC, null, memberId, value, headers);
    }

    static void put(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static String json(Map<String, Object> payload) {
        return JSON.writeValueAsString(payload);
    }

    /**
     * Publishes the records in their order with the services' producer settings (idempotent, acks=all, so a retry
     * never duplicates one) and answers where each landed.
     */
    static List<RecordMetadata> publish(Suite suite, List<ProducerRecord<String, String>> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            records.forEach(record -> sent.add(producer.send(record)));
            producer.flush();
            List<RecordMetadata> landed = new ArrayList<>(records.size());
            for (Future<RecordMetadata> future : sent) {
                landed.add(future.get());
            }
            return landed;
        }
        catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("publishing to " + TOPIC + " failed", e);
        }
    }
}
