package cn.smartunion.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventTypeHasASchemaAStableTypeAndANamedTopic() {
        var seen = new HashSet<String>();
        for (EventType type : EventTypes.ALL) {
            assertThat(seen.add(type.type())).as("duplicate type %s", type.type()).isTrue();
            assertThat(type.type()).matches("cn\\.smartunion\\.[a-z]+(\\.[a-z-]+)+\\.v[0-9]+");
            assertThat(type.topic()).matches("[a-z]+\\.[a-z-]+\\.v[0-9]+");
            assertThat(getClass().getResource(type.schemaResource())).as(type.schemaResource()).isNotNull();
        }
    }

    @Test
    void aConformingOrgRegisteredPayloadPasses() {
        EventSchemaAssertions.assertConformsToSchema(EventTypes.ORG_REGISTERED.type(), """
                {"orgId":"o-1","code":"420322","name":"郧西县总工会","orgType":"COUNTY_FEDERATION",
                 "parentId":"o-0","path":"420000/420300/420322","divisionCode":"420322",
                 "registeredAt":"2026-11-21T08:00:00Z"}""");
    }

    @Test
    void personalDataOrUnknownFieldsAreRejectedBecauseTheSchemaIsClosed() {
        assertThatThrownBy(() -> EventSchemaAssertions.assertConformsToSchema(EventTypes.ORG_REGISTERED.type(), """
                {"orgId":"o-1","code":"420322","name":"x","orgType":"COUNTY_FEDERATION","path":"420000",
                 "registeredAt":"2026-11-21T08:00:00Z","chairIdNumber":"420322199001011234"}"""))
                .isInstanceOf(AssertionError.class).hasMessageContaining("chairIdNumber");
    }

    @Test
    void aMissingRequiredFieldOrBadPathIsRejected() {
        var violations = EventSchemaAssertions.violations(EventTypes.ORG_REGISTERED, """
                {"orgId":"o-1","code":"420322","name":"x","orgType":"COUNTY_FEDERATION","path":"/420000//x",
                 "registeredAt":"yesterday"}""");
        assertThat(violations).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void anOrgRegisteredOfTheFirstRevisionStillConformsAndTheNewOptionalFieldsAreChecked() {
        EventSchemaAssertions.assertConformsToSchema(EventTypes.ORG_REGISTERED.type(), """
                {"orgId":"o-1","code":"P1","name":"某项目工会","orgType":"PROJECT_UNION","parentId":"o-0",
                 "path":"420000/P1","divisionCode":null,"registeredAt":"2026-11-21T08:00:00Z",
                 "industryCodes":["E","E4811"],"coveredUnitCodes":["914203220000000015"],"ownership":"STATE_OWNED",
                 "employeeCount":320,"foundedOn":"2026-03-01","endsOn":"2028-06-30","version":0}""");
        var violations = EventSchemaAssertions.violations(EventTypes.ORG_REGISTERED, """
                {"orgId":"o-1","code":"P1","name":"x","orgType":"PROJECT_UNION","path":"420000/P1",
                 "registeredAt":"2026-11-21T08:00:00Z","industryCodes":["construction"],
                 "coveredUnitCodes":["not-a-code"],"employeeCount":-1}""");
        assertThat(violations).hasSize(3);
    }

    @Test
    void theLifecycleEventsConformAndAreClosed() {
        EventSchemaAssertions.assertConformsToSchema(EventTypes.ORG_UPDATED.type(), """
                {"orgId":"o-1","path":"420000/420300","name":"十堰市总工会","industryCodes":[],"coveredUnitCodes":[],
                 "ownership":null,"employeeCount":null,"foundedOn":null,"endsOn":null,"changedFields":["name"],
                 "version":3,"updatedAt":"2026-11-21T08:00:00Z"}""");
        EventSchemaAssertions.assertConformsToSchema(EventTypes.ORG_MOVED.type(), """
                {"orgId":"o-1","oldParentId":"o-0","newParentId":"o-2","oldPath":"420000/420300/Y1",
                 "newPath":"420000/421300/Y1","version":4,"movedAt":"2026-11-21T08:00:00Z"}""");
        EventSchemaAssertions.assertConformsToSchema(EventTypes.ORG_DISSOLVED.type(), """
                {"orgId":"o-1","path":"420000/420300/Y1","reasonCode":"ENTERPRISE_CLOSED",
                 "effectiveOn":"2026-11-20","version":5,"dissolvedAt":"2026-11-21T08:00:00Z"}""");
        assertThat(EventSchemaAssertions.violations(EventTypes.ORG_UPDATED, """
                {"orgId":"o-1","path":"420000","name":"x","industryCodes":[],"coveredUnitCodes":[],
                 "changedFields":["chair"],"version":1,"updatedAt":"2026-11-21T08:00:00Z"}""")).hasSize(1);
        assertThat(EventSchemaAssertions.violations(EventTypes.ORG_DISSOLVED, """
                {"orgId":"o-1","path":"420000","reasonCode":"closed","effectiveOn":"2026-11-20","version":5,
                 "dissolvedAt":"2026-11-21T08:00:00Z","chairName":"张三"}""")).hasSize(2);
    }

    // ---- aid-service ----

    static List<EventType> aidTypes() {
        return EventTypes.ALL.stream().filter(t -> t.source().equals(EventTypes.AID_SOURCE)).toList();
    }

    /** The event types with a sample payload: the aid-service and rights-service ones. */
    static List<EventType> sampledTypes() {
        return Stream.concat(aidTypes().stream(), rightsTypes().stream()).toList();
    }

    @Test
    void theAidEventsAreCataloguedUnderAidServiceWithASampleEach() {
        assertThat(aidTypes()).hasSize(16).containsExactlyElementsOf(AidEventSamples.all().keySet());
        assertThat(aidTypes()).allSatisfy(type -> {
            assertThat(type.type()).startsWith("cn.smartunion.aid.");
            assertThat(type.topic()).isIn(Topics.AID_CASE, Topics.AID_CAMPAIGN, Topics.AID_APPLICATION,
                    Topics.AID_DISBURSEMENT, Topics.AID_MUTUAL_AID);
            assertThat(type.schemaResource()).startsWith("/schemas/aid/");
            assertThat(EventTypes.byType(type.type())).contains(type);
        });
        assertThat(EventTypes.CONDOLENCE_DELIVERED.type()).isEqualTo("cn.smartunion.aid.campaign.condolence-delivered.v1");
        assertThat(EventTypes.MUTUAL_AID_CLAIM_PAID.topic()).isEqualTo("aid.mutual-aid.v1");
    }

    @Test
    void everySchemaIsClosedAndNamedByItsDataSchemaUrn() throws IOException {
        for (EventType type : EventTypes.ALL) {
            JsonNode schema = schema(type);
            assertThat(schema.get("$schema").asText()).as(type.type())
                    .isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.get("$id").asText()).as(type.type()).isEqualTo(type.dataSchema());
            assertThat(schema.get("additionalProperties").asBoolean(true)).as(type.type()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("sampledTypes")
    void aConformingSamplePayloadPassesAndNamesEveryProperty(EventType type) throws IOException {
        EventSchemaAssertions.assertConformsToSchema(type.type(), sampleOf(type));
        var properties = new HashSet<String>();
        schema(type).get("properties").fieldNames().forEachRemaining(properties::add);
        var named = new HashSet<String>();
        JSON.readTree(sampleOf(type)).fieldNames().forEachRemaining(named::add);
        assertThat(named).isEqualTo(properties);
    }

    @ParameterizedTest
    @MethodSource("sampledTypes")
    void aSamplePayloadCarryingPersonalDataIsRejected(EventType type) throws IOException {
        for (var personal : Map.of("idNumber", "420322199001011234", "name", "张三", "phone", "13800000000",
                "bankCard", "6222020200112233445", "diagnosis", "肺癌", "school", "郧西县第一中学").entrySet()) {
            String payload = with(type, node -> node.put(personal.getKey(), personal.getValue()));
            assertThat(EventSchemaAssertions.violations(type, payload)).as("%s with %s", type.type(), personal.getKey())
                    .singleElement().asString().contains(personal.getKey());
        }
    }

    @ParameterizedTest
    @MethodSource("sampledTypes")
    void everyEnumOfASamplePayloadRejectsAnUnknownCode(EventType type) throws IOException {
        var properties = schema(type).get("properties").properties();
        for (var property : properties) {
            JsonNode definition = property.getValue();
            String name = property.getKey();
            if (definition.has("enum")) {
                assertThat(EventSchemaAssertions.violations(type, with(type, node -> node.put(name, "NOT_A_CODE"))))
                        .as("%s.%s", type.type(), name).singleElement().asString().contains(name);
                assertThat(EventSchemaAssertions.violations(type, with(type,
                        node -> node.put(name, node.get(name).asText().toLowerCase()))))
                        .as("%s.%s in lower case", type.type(), name).hasSize(1);
            } else if (definition.path("items").has("enum")) {
                assertThat(EventSchemaAssertions.violations(type, with(type,
                        node -> node.withArray(name).add("NOT_A_CODE"))))
                        .as("%s.%s", type.type(), name).singleElement().asString().contains(name);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sampledTypes")
    void samplePayloadsCheckIdsPathsCodesCyclesAmountsAndTimes(EventType type) throws IOException {
        var properties = schema(type).get("properties").properties();
        for (var property : properties) {
            String name = property.getKey();
            JsonNode definition = property.getValue();
            List<Consumer<ObjectNode>> bad = new ArrayList<>();
            if (name.endsWith("Id")) {
                bad.add(node -> node.put(name, ""));
                bad.add(node -> node.put(name, "x".repeat(65)));
            }
            switch (name) {
                case "orgPath", "fromOrgPath", "toOrgPath", "escalatedToOrgPath" -> {
                    bad.add(node -> node.put(name, "/420000//x"));
                    bad.add(node -> node.put(name, "420000/4203 00"));
                }
                case "programmeCode" -> {
                    bad.add(node -> node.put(name, "winter"));
                    bad.add(node -> node.put(name, "W"));
                }
                case "cycle" -> {
                    bad.add(node -> node.put(name, "26"));
                    bad.add(node -> node.put(name, "2026-summer"));
                    bad.add(node -> node.put(name, "2026/SUMMER"));
                }
                default -> {
                }
            }
            if (name.endsWith("Fen")) {
                bad.add(node -> node.put(name, -1));
                bad.add(node -> node.put(name, 12.5));
                bad.add(node -> node.put(name, "100"));
            }
            if ("date".equals(definition.path("format").asText())) {
                bad.add(node -> node.put(name, "2026-13-01"));
                bad.add(node -> node.put(name, "2026-07-15T09:30:00Z"));
            }
            if ("date-time".equals(definition.path("format").asText())) {
                bad.add(node -> node.put(name, "2026-07-15"));
                bad.add(node -> node.put(name, "yesterday"));
            }
            for (var mutation : bad) {
                assertThat(EventSchemaAssertions.violations(type, with(type, mutation)))
                        .as("%s.%s = %s", type.type(), name, with(type, mutation)).hasSize(1);
            }
        }
        for (String path : List.of("orgPath", "fromOrgPath", "toOrgPath")) {
            if (properties.stream().anyMatch(property -> property.getKey().equals(path))) {
                assertThat(EventSchemaAssertions.violations(type,
                        with(type, node -> node.put(path, "420000/420300/Y1")))).as("%s.%s", type.type(), path).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sampledTypes")
    void nullableFieldsMayBeNullOrAbsentAndEveryOtherFieldIsRequired(EventType type) throws IOException {
        JsonNode schema = schema(type);
        var required = new HashSet<String>();
        schema.get("required").forEach(r -> required.add(r.asText()));
        for (var property : schema.get("properties").properties()) {
            String name = property.getKey();
            if (required.contains(name)) {
                assertThat(EventSchemaAssertions.violations(type, with(type, node -> node.remove(name))))
                        .as("%s without %s", type.type(), name).singleElement().asString().contains(name);
                assertThat(EventSchemaAssertions.violations(type, with(type, node -> node.putNull(name))))
                        .as("%s with %s null", type.type(), name).isNotEmpty()
                        .allSatisfy(violation -> assertThat(violation).contains(name));
            } else {
                assertThat(EventSchemaAssertions.violations(type, with(type, node -> node.putNull(name))))
                        .as("%s with %s null", type.type(), name).isEmpty();
                assertThat(EventSchemaAssertions.violations(type, with(type, node -> node.put(name, "x-9"))))
                        .as("%s with %s set", type.type(), name).isEmpty();
                assertThat(EventSchemaAssertions.violations(type, with(type, node -> node.put(name, ""))))
                        .as("%s with %s empty", type.type(), name).hasSize(1);
            }
        }
    }

    @Test
    void aHardshipFileNamesOneToEightDistinctCausesAndAHouseholdOfOneToThirty() throws IOException {
        EventType filed = EventTypes.HARDSHIP_CASE_FILED;
        assertThat(EventSchemaAssertions.violations(filed, with(filed, node -> node.putArray("causes")))).hasSize(1);
        assertThat(EventSchemaAssertions.violations(filed,
                with(filed, node -> node.putArray("causes").add("ILLNESS").add("ILLNESS")))).hasSize(1);
        assertThat(EventSchemaAssertions.violations(filed, with(filed, node -> {
            var all = node.putArray("causes");
            List.of("ILLNESS", "DISABILITY", "UNEMPLOYMENT", "EDUCATION_COSTS", "DISASTER", "ACCIDENT", "LOW_INCOME",
                    "OTHER").forEach(all::add);
        }))).isEmpty();
        assertThat(EventSchemaAssertions.violations(filed, with(filed, node -> node.put("householdSize", 0))))
                .hasSize(1);
        assertThat(EventSchemaAssertions.violations(filed, with(filed, node -> node.put("householdSize", 31))))
                .hasSize(1);
        assertThat(EventSchemaAssertions.violations(filed, with(filed, node -> node.put("householdSize", 30))))
                .isEmpty();
        EventType approved = EventTypes.HARDSHIP_CASE_APPROVED;
        assertThat(EventSchemaAssertions.violations(approved, with(approved, node -> node.putArray("measures"))))
                .hasSize(1);
    }

    @Test
    void aDeliveryCountsOneToOneHundredThousandPersonTimesAndAnApplicantIsAPerson() throws IOException {
        EventType delivered = EventTypes.CONDOLENCE_DELIVERED;
        assertThat(EventSchemaAssertions.violations(delivered, with(delivered, node -> node.put("personTimes", 0))))
                .hasSize(1);
        assertThat(EventSchemaAssertions.violations(delivered,
                with(delivered, node -> node.put("personTimes", 100_001)))).hasSize(1);
        assertThat(EventSchemaAssertions.violations(delivered, with(delivered, node -> node
                .put("beneficiaryType", "MEMBER").put("memberId", "m-1").putNull("siteId").put("personTimes", 1))))
                .isEmpty();
        EventType submitted = EventTypes.AID_APPLICATION_SUBMITTED;
        assertThat(EventSchemaAssertions.violations(submitted,
                with(submitted, node -> node.put("applicantType", "WORK_SITE"))))
                .singleElement().asString().contains("applicantType");
        assertThat(EventSchemaAssertions.violations(submitted,
                with(submitted, node -> node.put("forStudent", "yes")))).hasSize(1);
    }

    @Test
    void aMutualAidPlanYearIsBetween2000And2100AndItsVersionStartsAtOne() throws IOException {
        EventType enrolled = EventTypes.MUTUAL_AID_ENROLLED;
        assertThat(EventSchemaAssertions.violations(enrolled, with(enrolled, node -> node.put("planVersion", 0))))
                .hasSize(1);
        assertThat(EventSchemaAssertions.violations(enrolled, with(enrolled, node -> node.put("planYear", 1999))))
                .hasSize(1);
        assertThat(EventSchemaAssertions.violations(enrolled, with(enrolled, node -> node.put("planYear", 2101))))
                .hasSize(1);
        for (EventType claim : List.of(EventTypes.MUTUAL_AID_CLAIM_SUBMITTED, EventTypes.MUTUAL_AID_CLAIM_APPROVED,
                EventTypes.MUTUAL_AID_CLAIM_REJECTED, EventTypes.MUTUAL_AID_CLAIM_PAID)) {
            assertThat(EventSchemaAssertions.violations(claim, with(claim, node -> node.put("planYear", 26))))
                    .as(claim.type()).hasSize(1);
        }
    }

    // ---- rights-service ----

    static List<EventType> rightsTypes() {
        return EventTypes.ALL.stream().filter(t -> t.source().equals(EventTypes.RIGHTS_SOURCE)).toList();
    }

    @Test
    void theRightsEventsAreCataloguedUnderRightsServiceWithASampleEach() {
        assertThat(rightsTypes()).hasSize(23).containsExactlyElementsOf(RightsEventSamples.all().keySet());
        assertThat(rightsTypes()).allSatisfy(type -> {
            assertThat(type.type()).startsWith("cn.smartunion.rights.");
            assertThat(type.topic()).isIn(Topics.RIGHTS_WORK_ORDER, Topics.RIGHTS_DISPUTE, Topics.RIGHTS_SUPERVISION,
                    Topics.RIGHTS_BARGAINING, Topics.RIGHTS_REFERRAL);
            assertThat(type.schemaResource()).startsWith("/schemas/rights/");
            assertThat(EventTypes.byType(type.type())).contains(type);
        });
        assertThat(EventTypes.RIGHTS_SOURCE).isEqualTo("/rights-service");
        assertThat(EventTypes.SLA_BREACHED.type()).isEqualTo("cn.smartunion.rights.work-order.sla-breached.v1");
        assertThat(EventTypes.SLA_BREACHED.schemaResource()).isEqualTo("/schemas/rights/sla-breached.v1.json");
        assertThat(EventTypes.DISPUTE_CASE_OPENED.topic()).isEqualTo("rights.dispute.v1");
        assertThat(EventTypes.HARDSHIP_REFERRED.topic()).isEqualTo("rights.referral.v1");
        assertThat(EventTypes.SUPERVISION_NOTICE_ISSUED.topic()).isEqualTo("rights.supervision.v1");
        assertThat(EventTypes.COLLECTIVE_CONTRACT_RENEWED.type())
                .isEqualTo("cn.smartunion.rights.bargaining.contract-renewed.v1");
        assertThat(EventTypes.WORK_ORDER_CREATED.topic()).isEqualTo("rights.work-order.v1");
        assertThat(EventTypes.BARGAINING_OFFER_ISSUED.topic()).isEqualTo("rights.bargaining.v1");
    }

    @Test
    void aDisputeCaseNamesOneToSevenDistinctClaimsAndOneToFiveHundredClosedPseudonymousWorkers() throws IOException {
        EventType opened = EventTypes.DISPUTE_CASE_OPENED;
        assertThat(EventSchemaAssertions.violations(opened, with(opened, node -> node.putArray("claimTypes"))))
                .hasSize(1);
        assertThat(EventSchemaAssertions.violations(opened,
                with(opened, node -> node.putArray("claimTypes").add("OVERTIME").add("OVERTIME")))).hasSize(1);
        assertThat(EventSchemaAssertions.violations(opened, with(opened, node -> node.putArray("workers"))))
                .hasSize(1);
        assertThat(EventSchemaAssertions.violations(opened, with(opened, node -> {
            var workers = node.putArray("workers");
            for (int i = 0; i < 501; i++) {
                workers.addObject().put("personId", "p-" + i).putNull("memberId").putArray("groupTags");
            }
        }))).hasSize(1);
        for (var personal : Map.of("name", "张三", "idNumber", "420322199001011234", "phone", "13800000000",
                "employerName", "某某快递有限公司").entrySet()) {
            assertThat(EventSchemaAssertions.violations(opened, with(opened,
                    node -> ((ObjectNode) node.withArray("workers").get(0)).put(personal.getKey(), personal.getValue()))))
                    .as("worker with %s", personal.getKey()).singleElement().asString().contains(personal.getKey());
        }
        assertThat(EventSchemaAssertions.violations(opened, with(opened,
                node -> ((ObjectNode) node.withArray("workers").get(0)).remove("personId")))).hasSize(1);
        assertThat(EventSchemaAssertions.violations(opened, with(opened,
                node -> ((ObjectNode) node.withArray("workers").get(0)).putArray("groupTags").add("courier"))))
                .hasSize(1);
        assertThat(EventSchemaAssertions.violations(opened, with(opened,
                node -> ((ObjectNode) node.withArray("workers").get(0)).put("memberId", "")))).hasSize(1);
        EventType notice = EventTypes.SUPERVISION_NOTICE_ISSUED;
        assertThat(EventSchemaAssertions.violations(notice, with(notice, node -> node.putArray("issues"))))
                .hasSize(1);
        EventType session = EventTypes.MEDIATION_SESSION_HELD;
        assertThat(EventSchemaAssertions.violations(session, with(session, node -> node.putArray("partiesPresent"))))
                .hasSize(1);
        assertThat(EventSchemaAssertions.violations(session,
                with(session, node -> node.putArray("partiesPresent").add("UNION").add("UNION")))).hasSize(1);
    }

    @Test
    void rightsCountsStayWithinTheirRanges() throws IOException {
        var cases = List.of(
                Map.entry(EventTypes.WORK_ORDER_RATED, Map.of("rating", List.of(0, 6))),
                Map.entry(EventTypes.DISPUTE_CASE_CLOSED,
                        Map.of("workersBenefited", List.of(-1, 501), "durationDays", List.of(-1))),
                Map.entry(EventTypes.CASE_FOLLOW_UP_COMPLETED, Map.of("windowDays", List.of(0, 3651))),
                Map.entry(EventTypes.BARGAINING_OFFER_ISSUED,
                        Map.of("unitsCovered", List.of(0, 100_001), "workersCovered", List.of(-1, 10_000_001))),
                Map.entry(EventTypes.COLLECTIVE_CONTRACT_SIGNED,
                        Map.of("unitsCovered", List.of(0, 100_001), "workersCovered", List.of(-1, 10_000_001))),
                Map.entry(EventTypes.COLLECTIVE_CONTRACT_EXPIRED,
                        Map.of("unitsCovered", List.of(0, 100_001), "workersCovered", List.of(-1, 10_000_001))));
        for (var entry : cases) {
            EventType type = entry.getKey();
            for (var field : entry.getValue().entrySet()) {
                for (int value : field.getValue()) {
                    assertThat(EventSchemaAssertions.violations(type, with(type, node -> node.put(field.getKey(), value))))
                            .as("%s.%s = %d", type.type(), field.getKey(), value).hasSize(1);
                }
            }
        }
        EventType rated = EventTypes.WORK_ORDER_RATED;
        assertThat(EventSchemaAssertions.violations(rated, with(rated, node -> node.put("rating", 5)))).isEmpty();
        assertThat(EventSchemaAssertions.violations(rated, with(rated, node -> node.put("rating", 1)))).isEmpty();
        EventType closed = EventTypes.DISPUTE_CASE_CLOSED;
        assertThat(EventSchemaAssertions.violations(closed, with(closed, node -> node.put("workersBenefited", 500))))
                .isEmpty();
        EventType offer = EventTypes.BARGAINING_OFFER_ISSUED;
        for (String bad : List.of("-2027", "2027 spring", "x".repeat(65))) {
            assertThat(EventSchemaAssertions.violations(offer, with(offer, node -> node.put("offerCampaign", bad))))
                    .as(bad).hasSize(1);
        }
    }

    // ---- competition-service ----

    static List<EventType> competitionTypes() {
        return EventTypes.ALL.stream().filter(t -> t.source().equals(EventTypes.COMPETITION_SOURCE)).toList();
    }

    @Test
    void theCompetitionEventsAreCataloguedUnderCompetitionServiceWithASampleEach() {
        var samples = new java.util.LinkedHashMap<>(CompetitionEventSamples.all());
        assertThat(competitionTypes()).containsExactlyInAnyOrderElementsOf(samples.keySet());
        assertThat(competitionTypes()).allSatisfy(type -> {
            assertThat(type.type()).startsWith("cn.smartunion.competition.");
            assertThat(type.topic()).isIn(Topics.COMPETITION_COMPETITION, Topics.COMPETITION_ENTRY,
                    Topics.COMPETITION_JUDGING, Topics.COMPETITION_HONOUR, Topics.COMPETITION_INNOVATION);
            assertThat(type.schemaResource()).startsWith("/schemas/competition/");
            assertThat(EventTypes.byType(type.type())).contains(type);
        });
        assertThat(EventTypes.HONOUR_CONFERRED.type()).isEqualTo("cn.smartunion.competition.honour.honour-conferred.v1");
    }

    @Test
    void aCompetitionSampleWithANameOrIdNumberIsRejected() {
        for (EventType type : competitionTypes()) {
            for (String personal : List.of("name", "idNumber", "citizenIdNumber", "phone", "legalName")) {
                assertThat(EventSchemaAssertions.violations(type, with(type, node -> node.put(personal, "张三"))))
                        .as("%s with %s", type.type(), personal).isNotEmpty();
            }
        }
    }

    private static String with(EventType type, Consumer<ObjectNode> change) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(sampleOf(type));
            change.accept(node);
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sampleOf(EventType type) {
        if (type.source().equals(EventTypes.COMPETITION_SOURCE)) {
            return CompetitionEventSamples.of(type);
        }
        return type.source().equals(EventTypes.RIGHTS_SOURCE) ? RightsEventSamples.of(type) : AidEventSamples.of(type);
    }

    private static JsonNode schema(EventType type) throws IOException {
        try (InputStream in = EventCatalogueTest.class.getResourceAsStream(type.schemaResource())) {
            return JSON.readTree(in);
        }
    }
}
