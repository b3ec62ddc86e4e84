package cn.smartunion.membership.org.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrgUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

    private final OrgUnit hubei = OrgUnit.registerRoot("hubei", "420000", "湖北省总工会",
            OrgType.PROVINCIAL_FEDERATION, NOW).unit();
    private final OrgUnit shiyan = hubei.registerChild("shiyan", "420300", "十堰市总工会",
            OrgType.CITY_FEDERATION, NOW).unit();

    @Test
    void aChildIsPlacedUnderItsParentsPathAndAnnounced() {
        var registered = shiyan.registerChild("yunxi", "420322", " 郧西县总工会 ", OrgType.COUNTY_FEDERATION, NOW);

        assertThat(registered.unit().path()).isEqualTo(new OrgPath("420000/420300/420322"));
        assertThat(registered.unit().name()).isEqualTo("郧西县总工会");
        assertThat(registered.unit().divisionCode()).isEqualTo("420322");
        assertThat(registered.event().orgId()).isEqualTo("yunxi");
        assertThat(registered.event().parentId()).isEqualTo("shiyan");
        assertThat(registered.event().path()).isEqualTo("420000/420300/420322");
        assertThat(registered.event().orgType()).isEqualTo("COUNTY_FEDERATION");
        assertThat(registered.event().registeredAt()).isEqualTo(NOW);
    }

    @Test
    void aNonGeographicUnitHasNoDivisionCodeAndMayUseAnyCode() {
        var registered = shiyan.registerChild("riders", "SY-RIDERS", "十堰市骑手联合工会", OrgType.NEW_FORM_WORKER_UNION, NOW);

        assertThat(registered.unit().divisionCode()).isNull();
        assertThat(registered.unit().path().value()).isEqualTo("420000/420300/SY-RIDERS");
    }

    @Test
    void aGeographicUnitMustBeIdentifiedByItsDivisionCode() {
        assertThatThrownBy(() -> shiyan.registerChild("x", "YX", "郧西县总工会", OrgType.COUNTY_FEDERATION, NOW))
                .isInstanceOf(OrgRuleViolation.class)
                .satisfies(e -> assertThat(((OrgRuleViolation) e).field()).isEqualTo("code"));
    }

    @Test
    void aProvincialFederationCannotSitUnderACity() {
        assertThatThrownBy(() -> shiyan.registerChild("x", "430000", "湖南省总工会", OrgType.PROVINCIAL_FEDERATION, NOW))
                .isInstanceOf(OrgRuleViolation.class)
                .satisfies(e -> assertThat(((OrgRuleViolation) e).field()).isEqualTo("orgType"));
    }

    @Test
    void codesThatWouldBreakThePathAreRejected() {
        assertThatThrownBy(() -> shiyan.registerChild("x", "a/b", "x", OrgType.GRASSROOTS_UNION, NOW))
                .isInstanceOf(OrgRuleViolation.class);
        assertThatThrownBy(() -> shiyan.registerChild("x", "", "x", OrgType.GRASSROOTS_UNION, NOW))
                .isInstanceOf(OrgRuleViolation.class);
    }

    @Test
    void aBlankNameIsRejected() {
        assertThatThrownBy(() -> shiyan.registerChild("x", "G1", "  ", OrgType.GRASSROOTS_UNION, NOW))
                .isInstanceOf(OrgRuleViolation.class)
                .satisfies(e -> assertThat(((OrgRuleViolation) e).field()).isEqualTo("name"));
    }
}
