package cn.smartunion.contracts;

import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.CollectiveEnrolmentCompleted;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.contracts.membership.MemberActivated;
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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java records producers serialise and the schemas consumers rely on must name the same fields. */
class PayloadRecordsMatchSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final Map<EventType, Class<? extends Record>> RECORDS = Map.ofEntries(
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
            Map.entry(EventTypes.COLLECTIVE_ENROLMENT_COMPLETED, CollectiveEnrolmentCompleted.class));

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

    private static java.util.List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static JsonNode schema(EventType type) throws IOException {
        try (InputStream in = PayloadRecordsMatchSchemasTest.class.getResourceAsStream(type.schemaResource())) {
            return JSON.readTree(in);
        }
    }
}
