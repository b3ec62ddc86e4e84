package cn.smartunion.statistics.facts.domain;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.aid.BeneficiaryType;
import cn.smartunion.contracts.aid.CondolenceDelivered;
import cn.smartunion.contracts.competition.InnovationBenefitRecorded;
import cn.smartunion.contracts.competition.InnovationType;
import cn.smartunion.contracts.rights.CaseIntake;
import cn.smartunion.contracts.rights.ClaimType;
import cn.smartunion.contracts.rights.DisputeCaseOpened;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventFactsTest {

    private final EventFacts facts = new EventFacts(ZoneId.of("Asia/Shanghai"));

    @Test
    void anInstantIsDatedInTheReportsCalendarNotInUtc() {
        // 2026-12-31T16:30Z is 00:30 on New Year's Day in Beijing
        var opened = new DisputeCaseOpened("k-1", CaseIntake.WALK_IN, null, List.of(ClaimType.values()[0]),
                List.of(new DisputeCaseOpened.Worker("p-1", "m-1", List.of()),
                        new DisputeCaseOpened.Worker("p-2", null, List.of())),
                "emp-1", null, 800_000, false, false, "o-1", "T1/C1", Instant.parse("2026-12-31T16:30:00Z"));

        Fact fact = facts.factOf("ev-1", EventTypes.DISPUTE_CASE_OPENED.type(), null, null, opened);

        assertThat(fact.on()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(fact.personKeys()).containsExactly("M:m-1", "P:p-2");
        assertThat(fact.subjectId()).isEqualTo("k-1");
    }

    @Test
    void aBusinessDateWinsOverTheInstantAndTheHeaderPathStandsInForAMissingOne() {
        var delivered = new CondolenceDelivered("d-1", "cp-1", "WINTER", "o-1", null, "2026",
                BeneficiaryType.WORK_SITE, null, null, "site-1", 30, 0, 50_000, LocalDate.of(2026, 1, 20),
                Instant.parse("2026-02-03T02:00:00Z"));

        Fact fact = facts.factOf("ev-2", EventTypes.CONDOLENCE_DELIVERED.type(), "T1/C1/K1", null, delivered);

        assertThat(fact.on()).isEqualTo(LocalDate.of(2026, 1, 20));
        assertThat(fact.orgPath()).isEqualTo("T1/C1/K1");
        assertThat(fact.count()).isEqualTo(30);
        assertThat(fact.personKeys()).isEmpty();
    }

    @Test
    void aRevisedInnovationBenefitCountsOnlyItsChange() {
        var revised = new InnovationBenefitRecorded("i-1", InnovationType.RATIONALISATION_PROPOSAL, null, 2,
                1_200_000, 1_000_000L, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 11, 2),
                "o-1", "T1", Instant.parse("2026-11-02T02:00:00Z"));

        assertThat(facts.factOf("ev-3", EventTypes.INNOVATION_BENEFIT_RECORDED.type(), null, null, revised)
                .amountFen()).isEqualTo(200_000);
    }

    @Test
    void eventsThatFeedNoMetricHaveNoPayloadType() {
        assertThat(facts.payloadType(EventTypes.MEMBER_ACCOUNT_LINKED.type())).isEmpty();
        assertThat(facts.payloadType(EventTypes.MEMBER_ACTIVATED.type())).isPresent();
    }
}
