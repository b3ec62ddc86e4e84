package cn.smartunion.competition.honour.domain;

import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.contracts.competition.HonourApproved;
import cn.smartunion.contracts.competition.HonourLevel;
import cn.smartunion.contracts.competition.HonourType;
import cn.smartunion.contracts.competition.RevocationReason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NominationTest {

    private static final Instant NOW = Instant.parse("2026-04-01T02:00:00Z");
    private static final LocalDate OPENS = LocalDate.of(2026, 3, 1);
    private static final LocalDate CLOSES = LocalDate.of(2026, 3, 31);

    private final Selection modelWorkers = Selection.open("s-1", "org-420000", "420000", HonourType.MODEL_WORKER,
            HonourLevel.PROVINCIAL, "2021-2025", OPENS, CLOSES, 3, 0.6, "organiser", NOW);

    @Test
    void givenAPendingNominationWhenAnotherPersonApprovesThenTheApprovedEventNamesOnlyIds() {
        Nomination nomination = nominate(Recipient.member("m-1"));

        HonourApproved approved = nomination.approve("checker", null, NOW);

        assertThat(nomination.status()).isEqualTo(NominationStatus.APPROVED);
        assertThat(approved.memberId()).isEqualTo("m-1");
        assertThat(approved.conferringOrgPath()).isEqualTo("420000");
        assertThat(approved.orgPath()).isEqualTo("420000/420300/420322");
    }

    @Test
    void givenAPendingNominationWhenItsNominatorApprovesThenMakerCheckerRefuses() {
        Nomination nomination = nominate(Recipient.member("m-1"));

        assertThatThrownBy(() -> nomination.approve("maker", null, NOW)).isInstanceOf(MakerCheckerViolation.class);
        assertThat(nomination.status()).isEqualTo(NominationStatus.PENDING);
    }

    @Test
    void givenADecidedNominationWhenWithdrawnThenItIsAStatusConflict() {
        Nomination nomination = nominate(Recipient.member("m-1"));
        nomination.reject("checker", "材料不全", NOW);

        assertThatThrownBy(() -> nomination.withdraw("maker", NOW)).isInstanceOf(CompetitionStatusConflict.class);
    }

    @Test
    void givenAModelWorkerSelectionWhenATeamIsNominatedThenTheRecipientIsRefused() {
        assertThatThrownBy(() -> nominate(Recipient.team("抢修班", "91420300MA4K0AB12X", List.of())))
                .isInstanceOf(CompetitionRuleViolation.class);
    }

    @Test
    void theFrontlineShareRoundsTheRequiredNumberUp() {
        modelWorkers.requireFrontlineShare(3, 5);
        modelWorkers.requireFrontlineShare(0, 0);
        assertThatThrownBy(() -> modelWorkers.requireFrontlineShare(1, 2))
                .isInstanceOfSatisfying(FrontlineShareNotMet.class, e -> assertThat(e.required()).isEqualTo(2));
        assertThatThrownBy(() -> modelWorkers.requireFrontlineShare(2, 4))
                .isInstanceOfSatisfying(FrontlineShareNotMet.class, e -> assertThat(e.required()).isEqualTo(3));
    }

    @Test
    void nominationsAreTakenWithinTheWindowOnly() {
        modelWorkers.requireTakingNominations(OPENS);
        modelWorkers.requireTakingNominations(CLOSES);
        assertThatThrownBy(() -> modelWorkers.requireTakingNominations(CLOSES.plusDays(1)))
                .isInstanceOfSatisfying(CompetitionStatusConflict.class, e -> assertThat(e.status()).isEqualTo("CLOSED"));
        assertThatThrownBy(() -> Selection.open("s-2", "o", "420000", HonourType.MODEL_WORKER, HonourLevel.PROVINCIAL,
                "2025-2021", OPENS, CLOSES, null, null, "organiser", NOW)).isInstanceOf(CompetitionRuleViolation.class);
        assertThatThrownBy(() -> Selection.open("s-2", "o", "420000", HonourType.WORKERS_PIONEER,
                HonourLevel.PROVINCIAL, "2026", OPENS, CLOSES, null, 0.6, "organiser", NOW))
                .isInstanceOf(CompetitionRuleViolation.class);
    }

    @Test
    void aConferredHonourHasAnIdFromItsNominationAndIsRevokedOnce() {
        Nomination nomination = nominate(Recipient.member("m-1"));
        nomination.approve("checker", null, NOW);
        Honour honour = Honour.confer(nomination, LocalDate.of(2026, 4, 28), NOW);

        assertThat(honour.id()).isEqualTo(Honour.idFor(nomination.id()));
        assertThat(honour.conferred().memberId()).isEqualTo("m-1");
        Honour revoked = honour.revoke(RevocationReason.MISCONDUCT, LocalDate.of(2027, 1, 5), "checker", NOW);
        assertThat(revoked.revoked().reason()).isEqualTo(RevocationReason.MISCONDUCT);
        assertThatThrownBy(() -> revoked.revoke(RevocationReason.OTHER, LocalDate.of(2027, 1, 6), "c", NOW))
                .isInstanceOf(CompetitionStatusConflict.class);
        assertThatThrownBy(() -> honour.revoke(RevocationReason.OTHER, LocalDate.of(2026, 4, 27), "c", NOW))
                .isInstanceOf(CompetitionRuleViolation.class);
    }

    private Nomination nominate(Recipient recipient) {
        return Nomination.nominate("n-1", modelWorkers, "org-420322", "420000/420300/420322", recipient, true,
                List.of(), null, "maker", NOW);
    }
}
