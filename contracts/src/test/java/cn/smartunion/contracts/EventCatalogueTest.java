package cn.smartunion.contracts;

import org.junit.jupiter.api.Test;

import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCatalogueTest {

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
}
