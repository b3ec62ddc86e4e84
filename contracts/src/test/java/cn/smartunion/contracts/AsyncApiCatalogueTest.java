package cn.smartunion.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI 3 document analysts read ({@code asyncapi.json} beside the schemas in this module): every topic with its
 * key, producer and consumers, every event type with its CloudEvents headers and the very JSON Schema producers'
 * tests validate their events against. The checked-in document must be what this test renders from
 * {@link EventTypes}; after adding an event type or topic, regenerate it with
 * {@code ./mvnw -pl contracts verify -Dtest=AsyncApiCatalogueTest -Dasyncapi.write=true}.
 */
class AsyncApiCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path DOCUMENT = Path.of("src/main/resources/asyncapi.json");
    private static final String KAFKA_BINDING_VERSION = "0.5.0";

    /** What the event types cannot say about their topics: the key, who reads them, what for. */
    private record TopicDoc(String key, String about, List<String> consumers) {
    }

    private static final Map<String, TopicDoc> TOPICS = new LinkedHashMap<>();

    static {
        doc(Topics.MEMBERSHIP_ORG, "orgId", "The union tree (建会, changes, moves, dissolution): the tenancy every service "
                + "follows.", "aid-service", "rights-service", "competition-service", "membership-service (directory)",
                "analysts (建会数)");
        doc(Topics.MEMBERSHIP_APPLICATION, "applicationId", "Applications to join (入会申请) and their outcome.",
                "analysts (join funnel)");
        doc(Topics.MEMBERSHIP_MEMBER, "memberId", "Members: activation (新发展会员), transfers (转会), retained "
                + "membership, termination, worker groups, employment, the member's own account.", "aid-service",
                "rights-service", "competition-service", "membership-service (org member counts)",
                "analysts (会员数, 新就业形态入会)");
        doc(Topics.MEMBERSHIP_ENROLMENT, "enrolment job id", "Collective enrolments (集中入会) completed.",
                "analysts", "operations");
        doc(Topics.AID_CASE, "caseId", "Hardship case files (困难职工档案).", "analysts (建档户数, 解困脱困户数)");
        doc(Topics.AID_CAMPAIGN, "campaignId or deliveryId", "Seasonal campaigns (送温暖, 夏送清凉, 金秋助学, 春送岗位) "
                + "and their distributions.", "analysts (慰问人次, 走访企业数)", "member app");
        doc(Topics.AID_APPLICATION, "applicationId", "Aid applications and their decisions.",
                "analysts (资助人数)");
        doc(Topics.AID_DISBURSEMENT, "disbursementId", "Aid paid out, by funding source.",
                "analysts (帮扶资金投入)", "finance");
        doc(Topics.AID_MUTUAL_AID, "enrolmentId or claimId", "Mutual medical aid: enrolments and claims.",
                "analysts (参保人次, 理赔件数, 赔付金额)");
        doc(Topics.RIGHTS_WORK_ORDER, "orderId", "12351 work orders with their SLA.",
                "analysts (工单数, 办结率, SLA达标率, 满意度)");
        doc(Topics.RIGHTS_DISPUTE, "caseId", "Labour dispute cases: legal aid, mediation, referral, closure, "
                + "follow-up.", "analysts (调解成功率, 结案息诉率, 挽回经济损失, 法律援助件数)");
        doc(Topics.RIGHTS_SUPERVISION, "noticeId", "Labour-law supervision notices (一函两书).", "analysts");
        doc(Topics.RIGHTS_BARGAINING, "contractId or offerId", "Collective bargaining and collective contracts.",
                "analysts (集体合同 覆盖企业/职工)");
        doc(Topics.RIGHTS_REFERRAL, "referralId", "Workers referred from rights work to hardship aid (转帮扶).",
                "aid-service (the aid inbox)");
        doc(Topics.COMPETITION_COMPETITION, "competitionId", "Competitions published or cancelled.",
                "analysts (竞赛项数)", "member app");
        doc(Topics.COMPETITION_ENTRY, "entryId", "Entries of individuals, teams, units and projects.",
                "analysts (参赛职工人次, 参赛单位数, 晋级)");
        doc(Topics.COMPETITION_JUDGING, "competitionId", "Finalised score sheets, results and appeals (individual "
                + "judges' scores stay inside the service).", "analysts (获奖人数)");
        doc(Topics.COMPETITION_HONOUR, "titleId, certificationId, nominationId or honourId", "Titles, skill-level "
                + "certifications and honours.", "membership-service (the member's profile)",
                "aid-service (model-worker status)", "analysts (技术能手, 技能等级认定, 劳模/奖章/先锋号/奖状)");
        doc(Topics.COMPETITION_INNOVATION, "submissionId or studioId", "Worker innovation (五小, 合理化建议) and "
                + "innovation studios.", "analysts (采纳数, 经济效益, 创新工作室)");
    }

    /** statistics-service reads every domain topic: union statistics (数说) come from the streams. */
    private static void doc(String topic, String key, String about, String... consumers) {
        List<String> readers = new ArrayList<>(List.of(consumers));
        readers.add("statistics-service");
        TOPICS.put(topic, new TopicDoc(key, about, List.copyOf(readers)));
    }

    @Test
    void theCheckedInDocumentIsTheOneRenderedFromTheCatalogue() throws IOException {
        ObjectNode rendered = render();
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(DOCUMENT, JSON.writeValueAsString(rendered) + "\n", StandardCharsets.UTF_8);
        }
        JsonNode checkedIn;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi.json")) {
            assertThat(in).as("asyncapi.json in the contracts jar").isNotNull();
            checkedIn = JSON.readTree(in);
        }
        assertThat(checkedIn).as("asyncapi.json is stale: regenerate it (see this test's Javadoc)")
                .isEqualTo(rendered);
    }

    @Test
    void everyTopicIsAChannelAndEveryEventTypeAMessageWhosePayloadIsItsSchema() throws IOException {
        ObjectNode document = render();
        assertThat(document.path("channels").size()).isEqualTo(declaredTopics().size());
        assertThat(TOPICS.keySet()).containsExactlyInAnyOrderElementsOf(declaredTopics());
        for (EventType type : EventTypes.ALL) {
            JsonNode message = document.path("components").path("messages").path(type.type());
            assertThat(message.isMissingNode()).as(type.type()).isFalse();
            assertThat(document.path("channels").path(type.topic()).path("messages").path(type.type())
                    .path("$ref").asText()).isEqualTo("#/components/messages/" + type.type());
            String payload = message.path("payload").path("$ref").asText();
            try (InputStream schema = getClass().getResourceAsStream("/" + payload.substring(2))) {
                assertThat(schema).as(payload).isNotNull();
                assertThat(JSON.readTree(schema).path("$id").asText()).isEqualTo(type.dataSchema());
            }
            assertThat(message.path("headers").path("properties").path("ce_type").path("const").asText())
                    .isEqualTo(type.type());
        }
        assertThat(document.path("components").path("messages").size()).isEqualTo(EventTypes.ALL.size());
    }

    @Test
    void domainTopicsAreDocumentedAsKeptForEverAndPseudonymous() throws IOException {
        ObjectNode document = render();
        for (JsonNode channel : document.path("channels")) {
            assertThat(channel.path("bindings").path("kafka").path("topicConfiguration").path("retention.ms").asLong())
                    .isEqualTo(-1);
        }
        assertThat(document.path("info").path("description").asText()).contains("pseudonymous").contains("replay");
    }

    private static ObjectNode render() throws IOException {
        ObjectNode document = JSON.createObjectNode();
        document.put("asyncapi", "3.0.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "Smart Union Suite domain events");
        info.put("version", "1");
        info.put("description", String.join("\n", List.of(
                "Every domain topic of the suite, for the services that consume them and for analysts who compute "
                        + "union statistics (数说) from the streams.",
                "",
                "* Envelope: CloudEvents 1.0 in Kafka binary mode. The record key is the aggregate id (`ce_subject`), "
                        + "so one aggregate's events stay in order; the value is the JSON payload.",
                "* Payloads are pseudonymous: ids (memberId, personId, householdId, orgId), org paths, group tags, "
                        + "codes, dates and amounts in integer fen, never names, ID numbers, phone or bank-card "
                        + "numbers or health details, so an analyst role may read every topic.",
                "* Delivery is at least once: deduplicate on `ce_id` (a UUID, stable across redeliveries).",
                "* Topics are kept for ever (`retention.ms=-1`, never compacted): replay a topic from its first "
                        + "record to rebuild any figure; records that keep failing for a consumer go to "
                        + "`<topic>.DLT`.",
                "* A schema evolves compatibly within a major version (a new optional field is added); removing or "
                        + "retyping a field makes a new topic `….v2`.")));
        document.put("defaultContentType", "application/json");
        ObjectNode server = document.putObject("servers").putObject("kafka");
        server.put("host", "kafka:9092");
        server.put("protocol", "kafka");
        server.put("description", "The suite's Kafka cluster (docker-compose service `kafka`, Helm release's "
                + "broker); clients authenticate as the deployment requires.");

        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode components = document.putObject("components");
        ObjectNode messages = components.putObject("messages");
        components.set("schemas", JSON.createObjectNode().set("CloudEventHeaders", cloudEventHeaders()));

        for (Map.Entry<String, TopicDoc> topic : TOPICS.entrySet()) {
            List<EventType> types = EventTypes.ALL.stream().filter(t -> t.topic().equals(topic.getKey())).toList();
            String producer = types.isEmpty() ? "none yet" : types.get(0).source().substring(1);
            ObjectNode channel = channels.putObject(topic.getKey());
            channel.put("address", topic.getKey());
            channel.put("description", topic.getValue().about() + " Key: " + topic.getValue().key() + ".");
            ObjectNode channelMessages = channel.putObject("messages");
            for (EventType type : types) {
                channelMessages.putObject(type.type()).put("$ref", "#/components/messages/" + type.type());
                messages.set(type.type(), message(type, topic.getValue().key()));
            }
            ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
            kafka.put("topic", topic.getKey());
            ObjectNode configuration = kafka.putObject("topicConfiguration");
            configuration.put("retention.ms", -1);
            configuration.putArray("cleanup.policy").add("delete");
            kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
            channel.put("x-producer", producer);
            ArrayNode consumers = channel.putArray("x-consumers");
            topic.getValue().consumers().forEach(consumers::add);

            ObjectNode operation = operations.putObject("publish-" + topic.getKey());
            operation.put("action", "send");
            operation.putObject("channel").put("$ref", "#/channels/" + topic.getKey());
            operation.put("summary", producer + " publishes through its outbox (at least once)");
            ArrayNode operationMessages = operation.putArray("messages");
            for (EventType type : types) {
                operationMessages.addObject().put("$ref", "#/channels/" + topic.getKey() + "/messages/" + type.type());
            }
        }
        return document;
    }

    private static ObjectNode message(EventType type, String key) throws IOException {
        JsonNode schema;
        try (InputStream in = AsyncApiCatalogueTest.class.getResourceAsStream(type.schemaResource())) {
            schema = JSON.readTree(in);
        }
        ObjectNode message = JSON.createObjectNode();
        message.put("name", schema.path("title").asText());
        message.put("title", schema.path("title").asText());
        message.put("summary", schema.path("description").asText());
        message.put("contentType", "application/json");
        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        ArrayNode allOf = headers.putArray("allOf");
        allOf.addObject().put("$ref", "#/components/schemas/CloudEventHeaders");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject("ce_type").put("const", type.type());
        properties.putObject("ce_source").put("const", type.source());
        properties.putObject("ce_dataschema").put("const", type.dataSchema());
        message.putObject("payload").put("$ref", "./" + type.schemaResource().substring(1));
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        kafka.putObject("key").put("type", "string").put("description", key);
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        return message;
    }

    private static ObjectNode cloudEventHeaders() {
        ObjectNode headers = JSON.createObjectNode();
        headers.put("type", "object");
        headers.put("description", "CloudEvents 1.0 attributes as Kafka headers (binary mode), plus the owning "
                + "union's path and the W3C trace context.");
        ArrayNode required = headers.putArray("required");
        for (String name : List.of(CloudEventHeaders.ID, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SOURCE,
                CloudEventHeaders.TYPE, CloudEventHeaders.SUBJECT, CloudEventHeaders.TIME,
                CloudEventHeaders.DATA_SCHEMA, CloudEventHeaders.ORG_PATH, CloudEventHeaders.CONTENT_TYPE)) {
            required.add(name);
        }
        ObjectNode properties = headers.putObject("properties");
        header(properties, CloudEventHeaders.ID, "event id, a UUID: the idempotency key of every consumer");
        properties.putObject(CloudEventHeaders.SPEC_VERSION).put("const", CloudEventHeaders.SPEC_VERSION_VALUE);
        header(properties, CloudEventHeaders.SOURCE, "the producing service, e.g. /aid-service");
        header(properties, CloudEventHeaders.TYPE, "the event type, stable and versioned");
        header(properties, CloudEventHeaders.SUBJECT, "the aggregate id, also the record key");
        header(properties, CloudEventHeaders.TIME, "when it happened (RFC 3339)");
        header(properties, CloudEventHeaders.DATA_SCHEMA, "URN of the payload's JSON Schema");
        header(properties, CloudEventHeaders.ORG_PATH, "the owning union's path, e.g. 420000/420300/420322: "
                + "aggregate by subtree with a prefix match");
        properties.putObject(CloudEventHeaders.CONTENT_TYPE).put("const", "application/json");
        header(properties, CloudEventHeaders.TRACEPARENT, "W3C trace context of the request that caused it");
        return headers;
    }

    private static void header(ObjectNode properties, String name, String description) {
        properties.putObject(name).put("type", "string").put("description", description);
    }

    private static List<String> declaredTopics() {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("DEAD_LETTER_SUFFIX")) {
                try {
                    topics.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }
}
