package cn.smartunion.contracts;

import cn.smartunion.contracts.aid.AidApplicationApproved;
import cn.smartunion.contracts.aid.AidApplicationRejected;
import cn.smartunion.contracts.aid.AidApplicationSubmitted;
import cn.smartunion.contracts.aid.AidDisbursed;
import cn.smartunion.contracts.aid.BeneficiaryType;
import cn.smartunion.contracts.aid.CampaignLaunched;
import cn.smartunion.contracts.aid.CondolenceDelivered;
import cn.smartunion.contracts.aid.FundingSource;
import cn.smartunion.contracts.aid.HardshipCaseApproved;
import cn.smartunion.contracts.aid.HardshipCaseClosed;
import cn.smartunion.contracts.aid.HardshipCaseFiled;
import cn.smartunion.contracts.aid.HardshipCaseRelieved;
import cn.smartunion.contracts.aid.HardshipCaseReopened;
import cn.smartunion.contracts.aid.HardshipCategory;
import cn.smartunion.contracts.aid.HardshipCause;
import cn.smartunion.contracts.aid.IdentificationChannel;
import cn.smartunion.contracts.aid.MutualAidClaimApproved;
import cn.smartunion.contracts.aid.MutualAidClaimPaid;
import cn.smartunion.contracts.aid.MutualAidClaimRejected;
import cn.smartunion.contracts.aid.MutualAidClaimSubmitted;
import cn.smartunion.contracts.aid.MutualAidEnrolled;
import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.CollectiveEnrolmentCompleted;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.contracts.membership.MemberActivated;
import cn.smartunion.contracts.membership.MemberAccountLinked;
import cn.smartunion.contracts.membership.MemberEmploymentChanged;
import cn.smartunion.contracts.membership.MemberGroupTagsChanged;
import cn.smartunion.contracts.membership.MemberTransferClosed;
import cn.smartunion.contracts.membership.MemberTransferRequested;
import cn.smartunion.contracts.membership.MemberTransferred;
import cn.smartunion.contracts.membership.MembershipApplicationRejected;
import cn.smartunion.contracts.membership.MembershipApplicationSubmitted;
import cn.smartunion.contracts.membership.MembershipApplicationWithdrawn;
import cn.smartunion.contracts.membership.MembershipReinstated;
import cn.smartunion.contracts.membership.MembershipRetained;
import cn.smartunion.contracts.membership.MembershipTerminated;
import cn.smartunion.contracts.membership.OrgDissolved;
import cn.smartunion.contracts.membership.OrgMoved;
import cn.smartunion.contracts.membership.OrgRegistered;
import cn.smartunion.contracts.membership.OrgUpdated;
import cn.smartunion.contracts.rights.CaseFollowUpCompleted;
import cn.smartunion.contracts.rights.CaseIntake;
import cn.smartunion.contracts.rights.CaseReferred;
import cn.smartunion.contracts.rights.ClaimType;
import cn.smartunion.contracts.rights.CollectiveBargainingOfferIssued;
import cn.smartunion.contracts.rights.CollectiveContractExpired;
import cn.smartunion.contracts.rights.CollectiveContractRenewed;
import cn.smartunion.contracts.rights.CollectiveContractSigned;
import cn.smartunion.contracts.rights.ContractType;
import cn.smartunion.contracts.rights.DisputeCaseClosed;
import cn.smartunion.contracts.rights.DisputeCaseOpened;
import cn.smartunion.contracts.rights.DisputeCaseReopened;
import cn.smartunion.contracts.rights.EscalationReason;
import cn.smartunion.contracts.rights.HardshipReferred;
import cn.smartunion.contracts.rights.LegalAidGranted;
import cn.smartunion.contracts.rights.MediationAgreementReached;
import cn.smartunion.contracts.rights.MediationFailed;
import cn.smartunion.contracts.rights.MediationSessionHeld;
import cn.smartunion.contracts.rights.SlaBreached;
import cn.smartunion.contracts.rights.SupervisionNoticeIssued;
import cn.smartunion.contracts.rights.WorkOrderAccepted;
import cn.smartunion.contracts.rights.WorkOrderClosed;
import cn.smartunion.contracts.rights.WorkOrderCreated;
import cn.smartunion.contracts.rights.WorkOrderDispatched;
import cn.smartunion.contracts.rights.WorkOrderEscalated;
import cn.smartunion.contracts.rights.WorkOrderRated;
import cn.smartunion.contracts.rights.WorkOrderResolved;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java records producers serialise and the schemas consumers rely on must name the same fields. */
class PayloadRecordsMatchSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Jackson 3, the library the services' outbox serialises payload records with (its defaults). */
    private static final JsonMapper PRODUCER_JSON = JsonMapper.builder().build();

    /** Enum properties a schema deliberately narrows to part of the Java enum: type#property to the codes allowed. */
    private static final Map<String, List<String>> NARROWED_ENUMS = Map.of(
            EventTypes.AID_APPLICATION_SUBMITTED.type() + "#applicantType", List.of("MEMBER", "NON_MEMBER_WORKER"));

    static final Map<EventType, Class<? extends Record>> RECORDS = withCompetitionRecords(Map.ofEntries(
            Map.entry(EventTypes.ORG_REGISTERED, OrgRegistered.class),
            Map.entry(EventTypes.ORG_UPDATED, OrgUpdated.class),
            Map.entry(EventTypes.ORG_MOVED, OrgMoved.class),
            Map.entry(EventTypes.ORG_DISSOLVED, OrgDissolved.class),
            Map.entry(EventTypes.APPLICATION_SUBMITTED, MembershipApplicationSubmitted.class),
            Map.entry(EventTypes.APPLICATION_REJECTED, MembershipApplicationRejected.class),
            Map.entry(EventTypes.APPLICATION_WITHDRAWN, MembershipApplicationWithdrawn.class),
            Map.entry(EventTypes.MEMBER_ACTIVATED, MemberActivated.class),
            Map.entry(EventTypes.MEMBER_TRANSFER_REQUESTED, MemberTransferRequested.class),
            Map.entry(EventTypes.MEMBER_TRANSFERRED, MemberTransferred.class),
            Map.entry(EventTypes.MEMBER_TRANSFER_CLOSED, MemberTransferClosed.class),
            Map.entry(EventTypes.MEMBERSHIP_RETAINED, MembershipRetained.class),
            Map.entry(EventTypes.MEMBERSHIP_REINSTATED, MembershipReinstated.class),
            Map.entry(EventTypes.MEMBERSHIP_TERMINATED, MembershipTerminated.class),
            Map.entry(EventTypes.MEMBER_GROUP_TAGS_CHANGED, MemberGroupTagsChanged.class),
            Map.entry(EventTypes.MEMBER_EMPLOYMENT_CHANGED, MemberEmploymentChanged.class),
            Map.entry(EventTypes.MEMBER_ACCOUNT_LINKED, MemberAccountLinked.class),
            Map.entry(EventTypes.COLLECTIVE_ENROLMENT_COMPLETED, CollectiveEnrolmentCompleted.class),
            Map.entry(EventTypes.HARDSHIP_CASE_FILED, HardshipCaseFiled.class),
            Map.entry(EventTypes.HARDSHIP_CASE_APPROVED, HardshipCaseApproved.class),
            Map.entry(EventTypes.HARDSHIP_CASE_RELIEVED, HardshipCaseRelieved.class),
            Map.entry(EventTypes.HARDSHIP_CASE_CLOSED, HardshipCaseClosed.class),
            Map.entry(EventTypes.HARDSHIP_CASE_REOPENED, HardshipCaseReopened.class),
            Map.entry(EventTypes.CAMPAIGN_LAUNCHED, CampaignLaunched.class),
            Map.entry(EventTypes.CONDOLENCE_DELIVERED, CondolenceDelivered.class),
            Map.entry(EventTypes.AID_APPLICATION_SUBMITTED, AidApplicationSubmitted.class),
            Map.entry(EventTypes.AID_APPLICATION_APPROVED, AidApplicationApproved.class),
            Map.entry(EventTypes.AID_APPLICATION_REJECTED, AidApplicationRejected.class),
            Map.entry(EventTypes.AID_DISBURSED, AidDisbursed.class),
            Map.entry(EventTypes.MUTUAL_AID_ENROLLED, MutualAidEnrolled.class),
            Map.entry(EventTypes.MUTUAL_AID_CLAIM_SUBMITTED, MutualAidClaimSubmitted.class),
            Map.entry(EventTypes.MUTUAL_AID_CLAIM_APPROVED, MutualAidClaimApproved.class),
            Map.entry(EventTypes.MUTUAL_AID_CLAIM_REJECTED, MutualAidClaimRejected.class),
            Map.entry(EventTypes.MUTUAL_AID_CLAIM_PAID, MutualAidClaimPaid.class),
            Map.entry(EventTypes.WORK_ORDER_CREATED, WorkOrderCreated.class),
            Map.entry(EventTypes.WORK_ORDER_DISPATCHED, WorkOrderDispatched.class),
            Map.entry(EventTypes.WORK_ORDER_ACCEPTED, WorkOrderAccepted.class),
            Map.entry(EventTypes.WORK_ORDER_ESCALATED, WorkOrderEscalated.class),
            Map.entry(EventTypes.WORK_ORDER_RESOLVED, WorkOrderResolved.class),
            Map.entry(EventTypes.WORK_ORDER_RATED, WorkOrderRated.class),
            Map.entry(EventTypes.WORK_ORDER_CLOSED, WorkOrderClosed.class),
            Map.entry(EventTypes.SLA_BREACHED, SlaBreached.class),
            Map.entry(EventTypes.DISPUTE_CASE_OPENED, DisputeCaseOpened.class),
            Map.entry(EventTypes.LEGAL_AID_GRANTED, LegalAidGranted.class),
            Map.entry(EventTypes.MEDIATION_SESSION_HELD, MediationSessionHeld.class),
            Map.entry(EventTypes.MEDIATION_AGREEMENT_REACHED, MediationAgreementReached.class),
            Map.entry(EventTypes.MEDIATION_FAILED, MediationFailed.class),
            Map.entry(EventTypes.CASE_REFERRED, CaseReferred.class),
            Map.entry(EventTypes.DISPUTE_CASE_CLOSED, DisputeCaseClosed.class),
            Map.entry(EventTypes.CASE_FOLLOW_UP_COMPLETED, CaseFollowUpCompleted.class),
            Map.entry(EventTypes.DISPUTE_CASE_REOPENED, DisputeCaseReopened.class),
            Map.entry(EventTypes.HARDSHIP_REFERRED, HardshipReferred.class),
            Map.entry(EventTypes.SUPERVISION_NOTICE_ISSUED, SupervisionNoticeIssued.class),
            Map.entry(EventTypes.BARGAINING_OFFER_ISSUED, CollectiveBargainingOfferIssued.class),
            Map.entry(EventTypes.COLLECTIVE_CONTRACT_SIGNED, CollectiveContractSigned.class),
            Map.entry(EventTypes.COLLECTIVE_CONTRACT_EXPIRED, CollectiveContractExpired.class),
            Map.entry(EventTypes.COLLECTIVE_CONTRACT_RENEWED, CollectiveContractRenewed.class)));

    private static Map<EventType, Class<? extends Record>> withCompetitionRecords(
            Map<EventType, Class<? extends Record>> others) {
        var all = new LinkedHashMap<>(others);
        all.putAll(CompetitionEventSamples.records());
        return Map.copyOf(all);
    }

    @Test
    void everyCataloguedTypeHasAPayloadRecord() {
        assertThat(RECORDS.keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
    }

    @Test
    void recordComponentsAreExactlyTheSchemaProperties() throws IOException {
        for (var entry : RECORDS.entrySet()) {
            JsonNode schema = schema(entry.getKey());
            Set<String> properties = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> components = Arrays.stream(entry.getValue().getRecordComponents())
                    .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
            assertThat(components).as(entry.getKey().type()).isEqualTo(properties);
        }
    }

    @Test
    void theJoinChannelAndActorEnumsMatchTheSchemas() throws IOException {
        JsonNode activated = schema(EventTypes.MEMBER_ACTIVATED).get("properties");
        assertThat(names(activated.get("joinChannel").get("enum")))
                .containsExactlyElementsOf(Arrays.stream(JoinChannel.values()).map(Enum::name).toList())
                .hasSize(14);
        assertThat(names(activated.get("actorKind").get("enum")))
                .containsExactlyElementsOf(Arrays.stream(ActorKind.values()).map(Enum::name).toList());
    }

    @Test
    void aMemberActivatedWithANameOrIdNumberIsRejected() {
        String withName = """
                {"memberId":"m-1","orgId":"o-1","orgPath":"420000/420300/420322","joinChannel":"QR_CODE",
                 "groupTags":["COURIER"],"firstJoin":true,"actorKind":"MEMBER","effectiveOn":"2026-11-21",
                 "activatedAt":"2026-11-21T08:00:00Z","legalName":"张三"}""";
        assertThat(EventSchemaAssertions.violations(EventTypes.MEMBER_ACTIVATED, withName))
                .singleElement().asString().contains("legalName");
    }

    @Test
    void aMemberTransferredCarriesTheDateTheMembershipMovedAndMayCarryTheRequestReason() {
        String transferred = """
                {"memberId":"m-1","transferId":"t-1","fromOrgId":"o-1","fromOrgPath":"420000/420300/420322",
                 "toOrgId":"o-2","toOrgPath":"420000/421300/421303","crossProvince":false,
                 "reasonCode":"RELOCATED","effectiveOn":"2026-11-21","transferredAt":"2026-11-21T08:00:00Z"}""";
        assertThat(EventSchemaAssertions.violations(EventTypes.MEMBER_TRANSFERRED, transferred)).isEmpty();
        assertThat(EventSchemaAssertions.violations(EventTypes.MEMBER_TRANSFERRED,
                transferred.replace("\"effectiveOn\":\"2026-11-21\",", "")))
                .singleElement().asString().contains("effectiveOn");
    }

    @Test
    void recordComponentTypesMatchTheSchemaTypesAndOnlyNullablePropertiesAreOptional() throws IOException {
        for (var entry : RECORDS.entrySet()) {
            assertComponentsMatch(entry.getKey().type(), entry.getValue(), schema(entry.getKey()));
        }
    }

    /**
     * The components of {@code record} are exactly the properties of the object schema, of matching types, required
     * unless nullable; a list of records is checked the same way against the schema of its items, which is closed.
     */
    private static void assertComponentsMatch(String owner, Class<?> record, JsonNode schema) {
        Set<String> properties = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> components = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(components).as(owner).isEqualTo(properties);
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(r -> required.add(r.asText()));
        for (RecordComponent component : record.getRecordComponents()) {
            String where = owner + "#" + component.getName();
            JsonNode property = schema.get("properties").get(component.getName());
            Set<String> types = new TreeSet<>();
            if (property.get("type").isArray()) {
                property.get("type").forEach(t -> types.add(t.asText()));
            } else {
                types.add(property.get("type").asText());
            }
            boolean nullable = types.remove("null");
            assertThat(required.contains(component.getName())).as("%s required", where).isEqualTo(!nullable);
            Class<?> javaType = component.getType();
            if (javaType.isPrimitive()) {
                assertThat(nullable).as("%s is a primitive but nullable in the schema", where).isFalse();
            }
            assertThat(types).as(where).containsExactly(jsonTypeOf(javaType));
            if (javaType == LocalDate.class) {
                assertThat(property.path("format").asText()).as(where).isEqualTo("date");
            } else if (javaType == Instant.class) {
                assertThat(property.path("format").asText()).as(where).isEqualTo("date-time");
            }
            Class<?> element = recordElementOf(component);
            if (element != null) {
                JsonNode items = property.get("items");
                assertThat(items.path("type").asText()).as("%s items", where).isEqualTo("object");
                assertThat(items.path("additionalProperties").asBoolean(true)).as("%s items closed", where).isFalse();
                assertComponentsMatch(where + "[]", element, items);
            }
        }
    }

    /** The record of a list-of-records component, otherwise null. */
    private static Class<?> recordElementOf(RecordComponent component) {
        if (component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            return element;
        }
        return null;
    }

    @Test
    void everyEnumComponentListsTheCodesOfItsJavaEnum() throws IOException {
        for (var entry : RECORDS.entrySet()) {
            JsonNode properties = schema(entry.getKey()).get("properties");
            for (RecordComponent component : entry.getValue().getRecordComponents()) {
                String where = entry.getKey().type() + "#" + component.getName();
                Class<?> enumType = enumTypeOf(component);
                if (enumType == null) {
                    continue;
                }
                JsonNode property = properties.get(component.getName());
                JsonNode codes = property.has("items") ? property.get("items").get("enum") : property.get("enum");
                assertThat(codes).as("%s lists its codes", where).isNotNull();
                List<String> javaCodes = Arrays.stream(enumType.getEnumConstants())
                        .map(constant -> ((Enum<?>) constant).name()).toList();
                assertThat(names(codes)).as(where)
                        .containsExactlyElementsOf(NARROWED_ENUMS.getOrDefault(where, javaCodes))
                        .isSubsetOf(javaCodes);
            }
        }
    }

    @Test
    void everyAidRightsAndCompetitionSampleReadsIntoItsRecordAndIsWrittenBackUnchanged() throws IOException {
        var samples = new LinkedHashMap<>(AidEventSamples.all());
        samples.putAll(RightsEventSamples.all());
        samples.putAll(CompetitionEventSamples.all());
        assertThat(samples).hasSize(16 + 23 + EventCatalogueTest.competitionTypes().size());
        for (var sample : samples.entrySet()) {
            Class<? extends Record> record = RECORDS.get(sample.getKey());
            String written = PRODUCER_JSON.writeValueAsString(PRODUCER_JSON.readValue(sample.getValue(), record));
            assertThat(JSON.readTree(written)).as(sample.getKey().type()).isEqualTo(JSON.readTree(sample.getValue()));
            assertThat(EventSchemaAssertions.violations(sample.getKey(), written)).as(written).isEmpty();
        }
    }

    @Test
    void aidRecordsBuiltByAProducerConform() {
        var filed = new HardshipCaseFiled("c-1", "h-1", null, "o-1", "420000/420300/420322", "HARDSHIP",
                IdentificationChannel.VISIT, HardshipCategory.RELATIVE,
                List.of(HardshipCause.UNEMPLOYMENT, HardshipCause.LOW_INCOME), 3, Instant.parse("2026-11-21T08:00:00Z"));
        EventSchemaAssertions.assertConformsToSchema(EventTypes.HARDSHIP_CASE_FILED.type(),
                PRODUCER_JSON.writeValueAsString(filed));
        var delivered = new CondolenceDelivered("d-1", "cp-1", "WINTER", "o-1", "420000/420300", "2027",
                BeneficiaryType.MEMBER, "m-1", null, null, 1, 50_000, 0, LocalDate.parse("2027-01-20"),
                Instant.parse("2027-01-20T04:00:00Z"));
        EventSchemaAssertions.assertConformsToSchema(EventTypes.CONDOLENCE_DELIVERED.type(),
                PRODUCER_JSON.writeValueAsString(delivered));
        var approved = new AidApplicationApproved("a-1", "SCHOOL", null, "o-1", "420000", "2026", "b-1",
                FundingSource.UPPER_LEVEL_UNION_FUNDS, 300_000, Instant.parse("2026-08-20T03:00:00Z"));
        EventSchemaAssertions.assertConformsToSchema(EventTypes.AID_APPLICATION_APPROVED.type(),
                PRODUCER_JSON.writeValueAsString(approved));
    }

    @Test
    void rightsRecordsBuiltByAProducerConform() {
        var opened = new DisputeCaseOpened("dc-1", CaseIntake.COURT_REFERRAL, null,
                List.of(ClaimType.WAGE_ARREARS, ClaimType.SEVERANCE),
                List.of(new DisputeCaseOpened.Worker("p-1", null, List.of()),
                        new DisputeCaseOpened.Worker("p-2", "m-2", List.of("DELIVERY_RIDER"))),
                "em-1", null, 1_200_000, true, false, "o-2", "420000/420300/420322",
                Instant.parse("2026-11-29T08:00:00Z"));
        EventSchemaAssertions.assertConformsToSchema(EventTypes.DISPUTE_CASE_OPENED.type(),
                PRODUCER_JSON.writeValueAsString(opened));
        var escalated = new WorkOrderEscalated("wo-1", "o-2", "420000/420300/420322", null, null,
                EscalationReason.MANUAL, Instant.parse("2026-11-25T08:00:00Z"));
        EventSchemaAssertions.assertConformsToSchema(EventTypes.WORK_ORDER_ESCALATED.type(),
                PRODUCER_JSON.writeValueAsString(escalated));
        var signed = new CollectiveContractSigned("cc-1", ContractType.REGIONAL, "o-3", "420000/420300", 85, 4_200,
                LocalDate.parse("2027-04-10"), LocalDate.parse("2027-04-15"), LocalDate.parse("2027-05-01"),
                LocalDate.parse("2030-04-30"));
        EventSchemaAssertions.assertConformsToSchema(EventTypes.COLLECTIVE_CONTRACT_SIGNED.type(),
                PRODUCER_JSON.writeValueAsString(signed));
    }

    private static String jsonTypeOf(Class<?> javaType) {
        if (javaType == String.class || javaType == LocalDate.class || javaType == Instant.class || javaType.isEnum()) {
            return "string";
        }
        if (javaType == int.class || javaType == long.class || javaType == Integer.class || javaType == Long.class) {
            return "integer";
        }
        if (javaType == boolean.class || javaType == Boolean.class) {
            return "boolean";
        }
        if (javaType == java.math.BigDecimal.class || javaType == double.class || javaType == Double.class) {
            return "number";
        }
        if (List.class.isAssignableFrom(javaType)) {
            return "array";
        }
        throw new AssertionError("no JSON type for " + javaType);
    }

    /** The enum of an enum component or of a list-of-enum component, otherwise null. */
    private static Class<?> enumTypeOf(RecordComponent component) {
        if (component.getType().isEnum()) {
            return component.getType();
        }
        if (component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isEnum()) {
            return element;
        }
        return null;
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).filter(code -> !code.isNull()).map(JsonNode::asText)
                .toList();
    }

    private static JsonNode schema(EventType type) throws IOException {
        try (InputStream in = PayloadRecordsMatchSchemasTest.class.getResourceAsStream(type.schemaResource())) {
            return JSON.readTree(in);
        }
    }
}
