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
}
