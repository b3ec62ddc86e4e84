package cn.smartunion.competition.registration.domain;

import cn.smartunion.competition.competition.domain.CompetitionDetails;
import cn.smartunion.competition.members.domain.MemberStanding;
import cn.smartunion.competition.members.domain.MemberView;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.competition.web.NotEligible;
import cn.smartunion.contracts.competition.DisqualificationReason;
import cn.smartunion.contracts.competition.EntrantType;
import cn.smartunion.contracts.competition.EntryWithdrawn;
import cn.smartunion.contracts.competition.RegistrarKind;
import cn.smartunion.contracts.competition.TeamRosterChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

class EntryTest {

    static final Instant NOW = Instant.parse("2026-05-10T02:00:00Z");
    static final LocalDate CLOSES_ON = LocalDate.parse("2026-05-31");

    static Participant person(String id, boolean captain) {
        return new Participant(id, null, null, null, captain, "张*", "4203**********123X");
    }

    static Entry team() {
        return Entry.register("e-1", "c-1", "420000/420300", "o-1", "420000/420300/420322", EntrantType.TEAM,
                "WELDER", "PRELIMINARY", List.of(person("p-1", true), person("p-2", false)),
                new Entry.Details("焊接一班", null, null, null, null),
                new RegisteredBy(RegistrarKind.UNION_ADMIN, "admin-1", "420000/420300/420322"), null, NOW);
    }

    @Test
    void aRegisteredEntryHoldsOnePlacePerParticipantUntilItIsWithdrawn() {
        Entry entry = team();
        assertThat(entry.registrationKeys()).containsExactly("c-1|WELDER|p-1", "c-1|WELDER|p-2");
        assertThat(entry.stages()).containsExactly("PRELIMINARY");

        EntryWithdrawn withdrawn = entry.withdraw(RegistrarKind.SELF, "worker-1", NOW);

        assertThat(withdrawn.withdrawnBy()).isEqualTo(RegistrarKind.SELF);
        assertThat(entry.registrationKeys()).isEmpty();
        assertThatThrownBy(() -> entry.disqualify(DisqualificationReason.ABSENT, "o", NOW))
                .isInstanceOf(CompetitionStatusConflict.class).hasMessageContaining("WITHDRAWN");
    }

    @Test
    void aDisqualifiedEntryKeepsItsPlacesSoTheSamePeopleCannotEnterAgain() {
        Entry entry = team();
        entry.disqualify(DisqualificationReason.FALSIFIED_ELIGIBILITY, "organiser-1", NOW);
        assertThat(entry.status()).isEqualTo(EntryStatus.DISQUALIFIED);
        assertThat(entry.registrationKeys()).hasSize(2);
    }

    @Test
    void aNewcomerTakesOverTheCaptaincyOfTheReplacedMember() {
        Entry entry = team();
        TeamRosterChanged changed = entry.replaceParticipant(0, person("p-3", false), NOW);
        assertThat(changed.removedPersonId()).isEqualTo("p-1");
        assertThat(changed.addedPersonId()).isEqualTo("p-3");
        assertThat(changed.participantCount()).isEqualTo(2);
        assertThat(entry.participants().get(0).captain()).isTrue();
        assertThat(entry.registrationKeys()).containsExactly("c-1|WELDER|p-3", "c-1|WELDER|p-2");
    }

    @Test
    void membersOnlyGroupsAndAgeOnTheCloseDate() {
        var rules = new CompetitionDetails.Eligibility(true, List.of("MIGRANT_WORKER"), 18, 35);
        MemberView migrant = new MemberView("m-1", "o-1", "420000", MemberStanding.ACTIVE, Set.of("MIGRANT_WORKER"),
                null, null);
        MemberView terminated = new MemberView("m-2", "o-1", "420000", MemberStanding.TERMINATED,
                Set.of("MIGRANT_WORKER"), null, null);
        MemberView otherGroup = new MemberView("m-3", "o-1", "420000", MemberStanding.RETAINED, Set.of("COURIER"),
                null, null);
        LocalDate born1995 = LocalDate.parse("1995-06-01");

        assertThatCode(() -> EntryRules.check(rules, 0, born1995, migrant, CLOSES_ON)).doesNotThrowAnyException();
        assertReason(() -> EntryRules.check(rules, 1, born1995, null, CLOSES_ON), NotEligible.Reason.NOT_A_MEMBER);
        assertReason(() -> EntryRules.check(rules, 1, born1995, terminated, CLOSES_ON),
                NotEligible.Reason.NOT_A_MEMBER);
        assertReason(() -> EntryRules.check(rules, 2, born1995, otherGroup, CLOSES_ON),
                NotEligible.Reason.GROUP_NOT_ELIGIBLE);
        // 18 on 2026-06-01, the day after the close date: still 17 when registration closes
        assertReason(() -> EntryRules.check(rules, 0, LocalDate.parse("2008-06-01"), migrant, CLOSES_ON),
                NotEligible.Reason.AGE_OUT_OF_RANGE);
        assertThatCode(() -> EntryRules.check(rules, 0, LocalDate.parse("2008-05-31"), migrant, CLOSES_ON))
                .doesNotThrowAnyException();
        assertReason(() -> EntryRules.check(rules, 0, LocalDate.parse("1990-05-30"), migrant, CLOSES_ON),
                NotEligible.Reason.AGE_OUT_OF_RANGE);
        var open = new CompetitionDetails.Eligibility(false, List.of(), null, null);
        assertThatCode(() -> EntryRules.check(open, 0, born1995, null, CLOSES_ON)).doesNotThrowAnyException();
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                                     NotEligible.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(NotEligible.class,
                refused -> assertThat(refused.reason()).isEqualTo(reason));
    }
}
