package cn.smartunion.membership.org.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Given a unit in the tree, when it is updated, moved or dissolved, then these events (or refusals). */
class OrgLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-21");

    private final OrgUnit hubei = OrgUnit.registerRoot("hubei", "420000", "湖北省总工会", OrgType.PROVINCIAL_FEDERATION, NOW).unit();
    private final OrgUnit shiyan = hubei.registerChild("shiyan", "420300", "十堰市总工会", OrgType.CITY_FEDERATION, NOW).unit();
    private final OrgUnit suizhou = hubei.registerChild("suizhou", "421300", "随州市总工会", OrgType.CITY_FEDERATION, NOW).unit();
    private final OrgUnit yunxi = shiyan.registerChild("yunxi", "420322", "郧西县总工会", OrgType.COUNTY_FEDERATION, NOW).unit();
    private final OrgUnit riders = yunxi.registerChild("riders", "Y0002", "郧西县新就业形态工会联合会",
            OrgType.NEW_FORM_WORKER_UNION, NOW).unit();

    @Test
    void aRegistrationCarriesTheProfileInItsEventAtRevisionZero() {
        OrgProfile profile = new OrgProfile(List.of("G6020"), List.of(courier("914203220000000015")),
                UnitOwnership.PLATFORM_ENTERPRISE, 460, LocalDate.parse("2023-05-01"), null);

        var registered = yunxi.registerChild("r2", "Y0003", "骑手联合工会", OrgType.JOINT_UNION, profile, NOW);

        assertThat(registered.unit().version()).isZero();
        assertThat(registered.event().version()).isZero();
        assertThat(registered.event().industryCodes()).containsExactly("G6020");
        assertThat(registered.event().coveredUnitCodes()).containsExactly("914203220000000015");
        assertThat(registered.event().ownership()).isEqualTo("PLATFORM_ENTERPRISE");
        assertThat(registered.event().employeeCount()).isEqualTo(460);
        assertThat(registered.event().foundedOn()).isEqualTo(LocalDate.parse("2023-05-01"));
    }

    @Test
    void onlyFederationsAndJointUnionsCoverUnits() {
        OrgProfile covering = new OrgProfile(List.of(), List.of(courier("914203220000000015")), null, null, null, null);

        assertThatThrownBy(() -> yunxi.registerChild("g", "G1", "某企业工会", OrgType.GRASSROOTS_UNION, covering, NOW))
                .isInstanceOf(OrgRuleViolation.class).extracting("field").isEqualTo("coveredUnits");
        assertThat(yunxi.registerChild("j", "J1", "某联合基层工会", OrgType.JOINT_GRASSROOTS_UNION, covering, NOW)
                .unit().profile().coveredUnits()).hasSize(1);
    }

    @Test
    void aProjectUnionNeedsAnEndDateAndNobodyElseHasOne() {
        LocalDate end = TODAY.plusYears(2);
        OrgProfile withEnd = new OrgProfile(List.of("E48"), List.of(), UnitOwnership.STATE_OWNED, 800, null, end);

        assertThat(yunxi.registerChild("p", "P1", "某高速公路项目工会", OrgType.PROJECT_UNION, withEnd, NOW).event().endsOn())
                .isEqualTo(end);
        assertThatThrownBy(() -> yunxi.registerChild("p", "P1", "某项目工会", OrgType.PROJECT_UNION, OrgProfile.none(), NOW))
                .isInstanceOf(OrgRuleViolation.class).extracting("field").isEqualTo("endsOn");
        assertThatThrownBy(() -> yunxi.registerChild("g", "G1", "某企业工会", OrgType.GRASSROOTS_UNION, withEnd, NOW))
                .isInstanceOf(OrgRuleViolation.class).extracting("field").isEqualTo("endsOn");
    }

    @Test
    void theProfileRefusesRepeatedCodesTooManyUnitsAndNonsense() {
        assertThatThrownBy(() -> new OrgProfile(List.of(), List.of(courier("914203220000000015"), courier("914203220000000015")),
                null, null, null, null)).isInstanceOf(OrgRuleViolation.class).extracting("field").isEqualTo("coveredUnits");
        List<CoveredUnit> tooMany = java.util.stream.IntStream.rangeClosed(0, OrgProfile.MAX_COVERED_UNITS)
                .mapToObj(i -> new CoveredUnit("单位" + i, "91420322000000001" + "5")).toList();
        assertThatThrownBy(() -> new OrgProfile(List.of(), tooMany, null, null, null, null))
                .isInstanceOf(OrgRuleViolation.class).hasMessageContaining("2000");
        assertThatThrownBy(() -> new OrgProfile(List.of("transport"), List.of(), null, null, null, null))
                .isInstanceOf(OrgRuleViolation.class).extracting("field").isEqualTo("industryCodes");
        assertThatThrownBy(() -> new OrgProfile(List.of(), List.of(), null, -1, null, null))
                .isInstanceOf(OrgRuleViolation.class).extracting("field").isEqualTo("employeeCount");
        assertThatThrownBy(() -> new CoveredUnit("x", "91420322000000001I"))
                .isInstanceOf(OrgRuleViolation.class);
        assertThatThrownBy(() -> yunxi.registerChild("g", "G1", "某企业工会", OrgType.GRASSROOTS_UNION,
                new OrgProfile(List.of(), List.of(), null, null, TODAY.plusDays(1), null), NOW))
                .isInstanceOf(OrgRuleViolation.class).extracting("field").isEqualTo("foundedOn");
    }

    @Test
    void anUpdateAnnouncesTheNewValuesAndWhatChangedAtTheNextRevision() {
        var updated = riders.update(" 郧西县新就业形态劳动者工会联合会 ", new OrgProfile(List.of("G6020"),
                List.of(courier("914203220000000015")), null, 500, null, null), NOW).orElseThrow();

        assertThat(updated.unit().version()).isEqualTo(1);
        assertThat(updated.unit().name()).isEqualTo("郧西县新就业形态劳动者工会联合会");
        assertThat(updated.event().changedFields()).containsExactly("name", "industryCodes", "coveredUnits", "employeeCount");
        assertThat(updated.event().coveredUnitCodes()).containsExactly("914203220000000015");
        assertThat(updated.event().version()).isEqualTo(1);
        assertThat(updated.event().path()).isEqualTo("420000/420300/420322/Y0002");
    }

    @Test
    void anUpdateThatChangesNothingHasNoEvent() {
        assertThat(riders.update("郧西县新就业形态工会联合会", OrgProfile.none(), NOW)).isEmpty();
    }

    @Test
    void aMoveTakesTheUnitToItsNewParentsPathAndNamesBothPlaces() {
        var moved = yunxi.moveUnder(suizhou, NOW).orElseThrow();

        assertThat(moved.unit().path().value()).isEqualTo("420000/421300/420322");
        assertThat(moved.unit().parentId()).isEqualTo("suizhou");
        assertThat(moved.event().oldParentId()).isEqualTo("shiyan");
        assertThat(moved.event().newParentId()).isEqualTo("suizhou");
        assertThat(moved.event().oldPath()).isEqualTo("420000/420300/420322");
        assertThat(moved.event().newPath()).isEqualTo("420000/421300/420322");
        assertThat(moved.event().version()).isEqualTo(1);
    }

    @Test
    void aMoveToWhereTheUnitIsAlreadyIsNothing() {
        assertThat(yunxi.moveUnder(shiyan, NOW)).isEmpty();
    }

    @Test
    void aUnitCannotMoveUnderItselfItsOwnUnitsAnIncompatibleParentOrFromTheRoot() {
        assertThatThrownBy(() -> yunxi.moveUnder(yunxi, NOW)).isInstanceOf(OrgRuleViolation.class)
                .extracting("field").isEqualTo("newParentId");
        assertThatThrownBy(() -> shiyan.moveUnder(riders, NOW)).isInstanceOf(OrgRuleViolation.class)
                .hasMessageContaining("below it");
        assertThatThrownBy(() -> yunxi.moveUnder(riders, NOW)).isInstanceOf(OrgRuleViolation.class);
        assertThatThrownBy(() -> riders.moveUnder(hubei.registerChild("p", "P1", "项目", OrgType.PROJECT_UNION,
                new OrgProfile(List.of(), List.of(), null, null, null, TODAY.plusYears(1)), NOW).unit(), NOW))
                .isInstanceOf(OrgRuleViolation.class).hasMessageContaining("cannot be placed under");
        assertThatThrownBy(() -> hubei.moveUnder(shiyan, NOW)).isInstanceOf(OrgRuleViolation.class)
                .hasMessageContaining("root");
    }

    @Test
    void dissolvingNeedsAReasonAnEffectiveDateNotInTheFutureAndAnEmptyUnit() {
        assertThatThrownBy(() -> riders.dissolve("ENTERPRISE_CLOSED", TODAY, 1, 0, NOW))
                .isInstanceOf(OrgStateConflict.class).hasMessageContaining("active unit");
        assertThatThrownBy(() -> riders.dissolve("ENTERPRISE_CLOSED", TODAY, 0, 3, NOW))
                .isInstanceOf(OrgStateConflict.class).hasMessageContaining("3 member");
        assertThatThrownBy(() -> riders.dissolve("closed", TODAY, 0, 0, NOW))
                .isInstanceOf(OrgRuleViolation.class).extracting("field").isEqualTo("reasonCode");
        assertThatThrownBy(() -> riders.dissolve("ENTERPRISE_CLOSED", TODAY.plusDays(1), 0, 0, NOW))
                .isInstanceOf(OrgRuleViolation.class).extracting("field").isEqualTo("effectiveOn");
        assertThatThrownBy(() -> hubei.dissolve("MERGED", TODAY, 0, 0, NOW)).isInstanceOf(OrgStateConflict.class);

        var dissolved = riders.dissolve("ENTERPRISE_CLOSED", TODAY.minusDays(3), 0, 0, NOW);

        assertThat(dissolved.unit().isDissolved()).isTrue();
        assertThat(dissolved.event().reasonCode()).isEqualTo("ENTERPRISE_CLOSED");
        assertThat(dissolved.event().effectiveOn()).isEqualTo(TODAY.minusDays(3));
        assertThat(dissolved.event().version()).isEqualTo(1);
    }

    @Test
    void aDissolvedUnitStaysAsHistoryButNothingChangesOrLandsUnderIt() {
        OrgUnit gone = riders.dissolve("ENTERPRISE_CLOSED", TODAY, 0, 0, NOW).unit();

        assertThatThrownBy(() -> gone.registerChild("x", "J1", "某联合工会", OrgType.JOINT_UNION, NOW))
                .isInstanceOf(OrgStateConflict.class);
        assertThatThrownBy(() -> gone.update("新名称", OrgProfile.none(), NOW)).isInstanceOf(OrgStateConflict.class);
        assertThatThrownBy(() -> gone.moveUnder(suizhou, NOW)).isInstanceOf(OrgStateConflict.class);
        assertThatThrownBy(() -> gone.dissolve("MERGED", TODAY, 0, 0, NOW)).isInstanceOf(OrgStateConflict.class);
        OrgUnit grassroots = yunxi.registerChild("g", "G9", "某企业工会", OrgType.GRASSROOTS_UNION, NOW).unit();
        assertThatThrownBy(() -> grassroots.moveUnder(gone, NOW)).isInstanceOf(OrgStateConflict.class);
    }

    private static CoveredUnit courier(String code) {
        return new CoveredUnit("某快递服务有限公司", code);
    }
}
