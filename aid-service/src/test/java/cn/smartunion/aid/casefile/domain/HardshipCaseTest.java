package cn.smartunion.aid.casefile.domain;

import cn.smartunion.aid.web.AidRuleViolation;
import cn.smartunion.aid.web.AidStatusConflict;
import cn.smartunion.contracts.aid.AidMeasure;
import cn.smartunion.contracts.aid.ApprovalLevel;
import cn.smartunion.contracts.aid.CaseClosure;
import cn.smartunion.contracts.aid.FundingSource;
import cn.smartunion.contracts.aid.HardshipCaseApproved;
import cn.smartunion.contracts.aid.HardshipCaseClosed;
import cn.smartunion.contracts.aid.HardshipCaseFiled;
import cn.smartunion.contracts.aid.HardshipCaseReopened;
import cn.smartunion.contracts.aid.HardshipCategory;
import cn.smartunion.contracts.aid.HardshipCause;
import cn.smartunion.contracts.aid.IdentificationChannel;
import cn.smartunion.contracts.aid.ReopeningReason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HardshipCaseTest {

    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final PersonRef HEAD = new PersonRef("p-head", "张*", "4203**********123X");

    private static HardshipCase identified() {
        return HardshipCase.identify("case-1", "org-420322", "420000/420300/420322", "CASE-FILE", "2026",
                IdentificationChannel.VISIT, "household-1", "m-1", HEAD, "officer", NOW);
    }

    private static HardshipCase filed() {
        HardshipCase c = identified();
        c.file(HardshipCategory.DEEP, List.of(HardshipCause.ILLNESS), List.of(), null, "officer", NOW);
        return c;
    }

    private static HardshipCase reviewedWithMeasures() {
        HardshipCase c = filed();
        c.planMeasures(List.of(new PlannedMeasure(AidMeasure.LIVING, 200_000),
                new PlannedMeasure(AidMeasure.MEDICAL, 100_000)), "officer", NOW);
        c.review(true, "approver", NOW, TODAY);
        return c;
    }

    /** As the repository would give it back, with the money the ledger moved. */
    private static HardshipCase stored(HardshipCase c, long unpaidFen) {
        return new HardshipCase(c.id(), c.orgId(), c.orgPath(), c.programmeCode(), c.cycle(), c.identifiedBy(),
                c.householdId(), c.memberId(), c.head(), c.createdAt(), c.householdMembers(), c.category(),
                c.causes(), c.monthlyIncomeFen(), c.status(), c.outcome(), c.filedBy(), c.filedAt(), c.reopenCount(),
                c.closureCount(), c.measures(), c.approval(), c.approvalCount(), c.approvedFen(), 0, unpaidFen,
                c.monitoring(), c.history(), c.pendingRelease(), c.relievedOn(), c.closedOn(), 1L);
    }

    @Test
    void filingRecordsTheFilerAndCountsTheHousehold() {
        HardshipCase c = identified();

        HardshipCaseFiled filed = c.file(HardshipCategory.EXTREME, List.of(HardshipCause.ILLNESS,
                HardshipCause.EDUCATION_COSTS), List.of(new HouseholdMember(new PersonRef("p-2", "李*", "x"),
                Relation.SPOUSE), new HouseholdMember(new PersonRef("p-3", "张*", "y"), Relation.CHILD)), 80_000L,
                "officer", NOW);

        assertThat(c.status()).isEqualTo(CaseStatus.FILED);
        assertThat(c.filedBy()).isEqualTo("officer");
        assertThat(filed.householdSize()).isEqualTo(3);
        assertThat(filed.householdId()).isEqualTo("household-1");
        assertThat(filed.category()).isEqualTo(HardshipCategory.EXTREME);
    }

    @Test
    void theHeadCannotBeListedAgainAsAMember() {
        HardshipCase c = identified();
        assertThatThrownBy(() -> c.file(HardshipCategory.DEEP, List.of(HardshipCause.ILLNESS),
                List.of(new HouseholdMember(HEAD, Relation.OTHER)), null, "officer", NOW))
                .isInstanceOf(AidRuleViolation.class);
    }

    @Test
    void anIneligibleHouseholdIsClosedAtReview() {
        HardshipCase c = filed();

        var closed = c.review(false, "approver", NOW, TODAY);

        assertThat(closed).get().extracting(HardshipCaseClosed::outcome).isEqualTo(CaseClosure.NOT_ELIGIBLE);
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.open()).isFalse();
    }

    @Test
    void measuresMustBeDistinctAndPositive() {
        HardshipCase c = filed();
        assertThatThrownBy(() -> c.planMeasures(List.of(new PlannedMeasure(AidMeasure.LIVING, 1),
                new PlannedMeasure(AidMeasure.LIVING, 2)), "officer", NOW)).isInstanceOf(AidRuleViolation.class);
        assertThatThrownBy(() -> c.planMeasures(List.of(new PlannedMeasure(AidMeasure.LIVING, 0)), "officer", NOW))
                .isInstanceOf(AidRuleViolation.class);
        assertThatThrownBy(() -> c.planMeasures(List.of(), "officer", NOW)).isInstanceOf(AidRuleViolation.class);
    }

    @Test
    void approvalGoesThroughApprovingAndRaisesTheUnpaidAmount() {
        HardshipCase c = reviewedWithMeasures();

        c.startApproval(ApprovalLevel.COUNTY, "approver", "line-1", FundingSource.OWN_FUNDS, NOW);
        assertThat(c.status()).isEqualTo(CaseStatus.APPROVING);
        assertThat(c.approval().commitmentId()).isEqualTo("case:case-1:approval:1");
        HardshipCaseApproved approved = c.completeApproval(NOW);

        assertThat(c.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(approved.approvedFen()).isEqualTo(300_000);
        assertThat(approved.measures()).containsExactly(AidMeasure.LIVING, AidMeasure.MEDICAL);
        assertThat(c.unpaidIncrement()).isEqualTo(300_000);
        assertThat(c.approvedFen()).isEqualTo(300_000);
    }

    @Test
    void aShortBudgetSendsTheCaseBackToReview() {
        HardshipCase c = reviewedWithMeasures();
        c.startApproval(ApprovalLevel.COUNTY, "approver", "line-1", FundingSource.OWN_FUNDS, NOW);

        c.abandonApproval("approver", NOW);

        assertThat(c.status()).isEqualTo(CaseStatus.REVIEWED);
        assertThat(c.approval()).isNull();
    }

    @Test
    void illegalTransitionsAreConflictsNamingTheStatus() {
        HardshipCase c = identified();
        assertThatThrownBy(() -> c.startApproval(ApprovalLevel.COUNTY, "a", "l", FundingSource.OWN_FUNDS, NOW))
                .isInstanceOf(AidStatusConflict.class).extracting("status").isEqualTo("IDENTIFIED");
        assertThatThrownBy(() -> c.relieve(TODAY, "o", NOW)).isInstanceOf(AidStatusConflict.class);
        assertThatThrownBy(() -> c.reopen(ReopeningReason.RELAPSE, "o", NOW)).isInstanceOf(AidStatusConflict.class);
        HardshipCase f = filed();
        assertThatThrownBy(() -> f.close(CaseClosure.RELIEF_CONSOLIDATED, TODAY, "o", NOW))
                .isInstanceOf(AidStatusConflict.class);
        assertThatThrownBy(() -> f.requirePayable(AidMeasure.LIVING)).isInstanceOf(AidStatusConflict.class);
    }

    @Test
    void fullLifecycleWithReliefConsolidationClosureAndReopening() {
        HardshipCase c = reviewedWithMeasures();
        c.startApproval(ApprovalLevel.COUNTY, "approver", "line-1", FundingSource.OWN_FUNDS, NOW);
        c.completeApproval(NOW);
        HardshipCase approved = stored(c, 120_000);
        approved.recordVisit(TODAY, RelapseRisk.LOW, "officer", NOW);
        approved.relieve(TODAY, "officer", NOW);
        approved.consolidate("officer", NOW);

        HardshipCaseClosed closed = approved.close(CaseClosure.RELIEF_CONSOLIDATED, TODAY, "officer", NOW);

        assertThat(closed.outcome()).isEqualTo(CaseClosure.RELIEF_CONSOLIDATED);
        assertThat(approved.pendingRelease()).isEqualTo(new UnpaidRelease("line-1", "case:case-1:closure:1",
                120_000));
        assertThat(approved.settledUnpaid()).isEqualTo(120_000);

        HardshipCase closedStored = stored(approved, 0);
        HardshipCase reopenedCase = new HardshipCase(closedStored.id(), closedStored.orgId(), closedStored.orgPath(),
                closedStored.programmeCode(), closedStored.cycle(), closedStored.identifiedBy(),
                closedStored.householdId(), closedStored.memberId(), closedStored.head(), closedStored.createdAt(),
                closedStored.householdMembers(), closedStored.category(), closedStored.causes(), null,
                closedStored.status(), closedStored.outcome(), closedStored.filedBy(), closedStored.filedAt(), 0,
                closedStored.closureCount(), closedStored.measures(), closedStored.approval(), 1, 300_000, 180_000,
                0, List.of(), closedStored.history(), null, null, TODAY, 2L);
        HardshipCaseReopened reopened = reopenedCase.reopen(ReopeningReason.RELAPSE, "officer", NOW);

        assertThat(reopened.reasonCode()).isEqualTo(ReopeningReason.RELAPSE);
        assertThat(reopenedCase.status()).isEqualTo(CaseStatus.FILED);
        assertThat(reopenedCase.reopenCount()).isEqualTo(1);
        assertThat(reopenedCase.open()).isTrue();
        assertThat(reopenedCase.pendingRelease()).isNull();
        assertThat(reopenedCase.measures()).isEmpty();
        assertThat(reopenedCase.history()).extracting(StatusChange::status).endsWith(CaseStatus.CLOSED,
                CaseStatus.FILED);
    }

    @Test
    void monitoringKeepsTheLatestVisitsOnly() {
        HardshipCase c = filed();
        for (int i = 0; i < HardshipCase.MAX_MONITORING_VISITS + 5; i++) {
            c.recordVisit(TODAY.minusDays(100 - i), RelapseRisk.MEDIUM, "officer", NOW);
        }
        assertThat(c.monitoring()).hasSize(HardshipCase.MAX_MONITORING_VISITS);
        assertThat(c.monitoring().get(HardshipCase.MAX_MONITORING_VISITS - 1).visitedOn())
                .isEqualTo(TODAY.minusDays(100 - HardshipCase.MAX_MONITORING_VISITS - 4));
    }

    @Test
    void onlyApprovedMeasuresArePayable() {
        HardshipCase c = reviewedWithMeasures();
        c.startApproval(ApprovalLevel.COUNTY, "approver", "line-1", FundingSource.OWN_FUNDS, NOW);
        c.completeApproval(NOW);
        c.requirePayable(AidMeasure.LIVING);
        assertThatThrownBy(() -> c.requirePayable(AidMeasure.STUDY)).isInstanceOf(AidRuleViolation.class);
    }
}
