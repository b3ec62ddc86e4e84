package cn.smartunion.rights.dispute.domain;

import cn.smartunion.contracts.rights.CaseFollowUpCompleted;
import cn.smartunion.contracts.rights.CaseIntake;
import cn.smartunion.contracts.rights.ClaimType;
import cn.smartunion.contracts.rights.ClosureType;
import cn.smartunion.contracts.rights.DisputeCaseClosed;
import cn.smartunion.contracts.rights.HardshipReferralSource;
import cn.smartunion.contracts.rights.HardshipReferred;
import cn.smartunion.contracts.rights.MediationBody;
import cn.smartunion.contracts.rights.ReferralBody;
import cn.smartunion.contracts.rights.ReopeningCause;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisputeCaseTest {

    private static final LocalDate OPENED_ON = LocalDate.of(2026, 3, 2);
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final Set<MediationBody> ROSTER = EnumSet.of(MediationBody.UNION, MediationBody.HR_ARBITRATION,
            MediationBody.EMPLOYER);

    private static DisputeCase openCase(int workers, Boolean collective) {
        List<WorkerParty> parties = IntStream.range(0, workers).mapToObj(i -> new WorkerParty("p-" + i, "王*", "4203**",
                i == 0 ? "m-0" : null, List.of("COURIER"))).toList();
        return DisputeCase.open("case-1", "org-1", "420000/420300", CaseIntake.HOTLINE_12351, null,
                List.of(ClaimType.WAGE_ARREARS), parties, new Party("emp-1", "91420322MA00000000", "enc"), null,
                500_000, collective, false, NOW, OPENED_ON, "agent").disputeCase();
    }

    @Test
    void threeOrMoreWorkersMakeACollectiveDisputeUnlessSaidOtherwise() {
        assertThat(openCase(2, null).collective()).isFalse();
        assertThat(openCase(3, null).collective()).isTrue();
        assertThat(openCase(3, false).collective()).isFalse();
    }

    @Test
    void theSameWorkerTwiceIsRefusedNamingTheSecond() {
        WorkerParty w = new WorkerParty("p-1", "王*", "4203**", null, List.of());
        assertThatThrownBy(() -> DisputeCase.open("c", "o", "420000", CaseIntake.APP, null,
                List.of(ClaimType.OTHER), List.of(w, w), new Party("e", "x", null), null, 0, null, false, NOW,
                OPENED_ON, "agent"))
                .isInstanceOf(CaseRuleViolation.class).extracting("field").isEqualTo("workers[1]");
    }

    @Test
    void failedMediationThenReferralThenClosureReportsMediatedButNotSucceeded() {
        DisputeCase c = openCase(1, null);
        c.grantLegalAid("lawyer-1", OPENED_ON);
        assertThatThrownBy(() -> c.grantLegalAid("lawyer-2", OPENED_ON)).isInstanceOf(CaseStatusConflict.class);
        c.holdMediationSession("s1", MediationBody.UNION, List.of(MediationBody.UNION, MediationBody.EMPLOYER),
                OPENED_ON.plusDays(3), ROSTER, "mediator");
        c.failMediation(OPENED_ON.plusDays(5));
        c.refer(ReferralBody.ARBITRATION, OPENED_ON.plusDays(6), "HB-ARB-1");
        c.recordOutcome("enc", 300_000L, OPENED_ON.plusDays(40));

        DisputeCaseClosed closed = c.close(ClosureType.ARBITRATION_AWARD, 300_000, 1, OPENED_ON.plusDays(45), 90, NOW);

        assertThat(closed.mediated()).isTrue();
        assertThat(closed.mediationSucceeded()).isFalse();
        assertThat(closed.durationDays()).isEqualTo(45);
        assertThat(c.closure().followUpDueOn()).isEqualTo(OPENED_ON.plusDays(135));
        assertThat(c.status()).isEqualTo(DisputeStatus.CLOSED);
    }

    @Test
    void aPartyNotOnTheRosterIsRefused() {
        DisputeCase c = openCase(1, null);
        assertThatThrownBy(() -> c.holdMediationSession("s1", MediationBody.UNION,
                List.of(MediationBody.UNION, MediationBody.PROCURATORATE), OPENED_ON, ROSTER, "m"))
                .isInstanceOf(CaseRuleViolation.class).extracting("field").isEqualTo("partiesPresent");
        assertThat(c.status()).isEqualTo(DisputeStatus.OPEN);
        assertThat(c.mediated()).isFalse();
    }

    @Test
    void illegalTransitionsAreStatusConflicts() {
        DisputeCase c = openCase(1, null);
        assertThatThrownBy(() -> c.reachAgreement(1, OPENED_ON)).isInstanceOf(CaseStatusConflict.class);
        assertThatThrownBy(() -> c.failMediation(OPENED_ON)).isInstanceOf(CaseStatusConflict.class);
        assertThatThrownBy(() -> c.completeFollowUp(false, OPENED_ON)).isInstanceOf(CaseStatusConflict.class);
        assertThatThrownBy(() -> c.reopen(ReopeningCause.NEW_EVIDENCE, NOW)).isInstanceOf(CaseStatusConflict.class);
        assertThatThrownBy(() -> c.recordOutcome(null, 1L, OPENED_ON)).isInstanceOf(CaseStatusConflict.class);
        c.holdMediationSession("s1", MediationBody.UNION, List.of(MediationBody.UNION), OPENED_ON, ROSTER, "m");
        assertThatThrownBy(() -> c.refer(ReferralBody.COURT, OPENED_ON, null))
                .isInstanceOf(CaseStatusConflict.class);
    }

    @Test
    void followUpOncePerClosureAndReopeningAllowsAnother() {
        DisputeCase c = openCase(1, null);
        c.holdMediationSession("s1", MediationBody.UNION, List.of(MediationBody.UNION), OPENED_ON, ROSTER, "m");
        c.reachAgreement(200_000, OPENED_ON.plusDays(1));
        DisputeCaseClosed closed = c.close(ClosureType.MEDIATION_AGREEMENT, 200_000, 1, OPENED_ON.plusDays(2), 90,
                NOW);
        assertThat(closed.mediationSucceeded()).isTrue();

        CaseFollowUpCompleted followUp = c.completeFollowUp(true, OPENED_ON.plusDays(30));
        assertThat(followUp.windowDays()).isEqualTo(90);
        assertThatThrownBy(() -> c.completeFollowUp(false, OPENED_ON.plusDays(31)))
                .isInstanceOf(CaseStatusConflict.class);

        c.reopen(ReopeningCause.RE_COMPLAINED, NOW);
        assertThat(c.status()).isEqualTo(DisputeStatus.OPEN);
        assertThat(c.reopenCount()).isEqualTo(1);
        c.close(ClosureType.SETTLEMENT, 250_000, 1, OPENED_ON.plusDays(60), 90, NOW);
        assertThat(c.completeFollowUp(false, OPENED_ON.plusDays(70)).reComplained()).isFalse();
    }

    @Test
    void closingBeforeOpeningOrWithMoreBeneficiariesThanWorkersIsRefused() {
        DisputeCase c = openCase(2, null);
        assertThatThrownBy(() -> c.close(ClosureType.WITHDRAWN, 0, 0, OPENED_ON.minusDays(1), 90, NOW))
                .isInstanceOf(CaseRuleViolation.class).extracting("field").isEqualTo("closedOn");
        assertThatThrownBy(() -> c.close(ClosureType.WITHDRAWN, 0, 3, OPENED_ON, 90, NOW))
                .isInstanceOf(CaseRuleViolation.class).extracting("field").isEqualTo("workersBenefited");
        assertThatThrownBy(() -> c.close(ClosureType.MEDIATION_AGREEMENT, 0, 0, OPENED_ON, 90, NOW))
                .isInstanceOf(CaseRuleViolation.class).extracting("field").isEqualTo("closureType");
    }

    @Test
    void aWorkerIsReferredToHardshipAidOnce() {
        DisputeCase c = openCase(2, null);
        HardshipReferred referred = c.referToHardshipAid("personId", "p-0", "ref-1", NOW);
        assertThat(referred.source()).isEqualTo(HardshipReferralSource.DISPUTE_CASE);
        assertThat(referred.sourceId()).isEqualTo("case-1");
        assertThat(referred.memberId()).isEqualTo("m-0");
        assertThatThrownBy(() -> c.referToHardshipAid("personId", "p-0", "ref-2", NOW))
                .isInstanceOf(CaseStatusConflict.class);
        assertThatThrownBy(() -> c.referToHardshipAid("personId", "stranger", "ref-3", NOW))
                .isInstanceOf(CaseRuleViolation.class);
    }
}
