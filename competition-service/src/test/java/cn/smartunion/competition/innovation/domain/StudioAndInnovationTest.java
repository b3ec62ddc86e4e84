package cn.smartunion.competition.innovation.domain;

import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.contracts.competition.InnovationOutcome;
import cn.smartunion.contracts.competition.InnovationType;
import cn.smartunion.contracts.competition.StudioLevel;
import cn.smartunion.contracts.competition.StudioRating;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StudioAndInnovationTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    private static final LocalDate FOUNDED = LocalDate.of(2024, 5, 1);

    @Test
    void givenAStudioWhenReviewedThenTheNextReviewIsAPeriodLaterAndRevocationClosesIt() {
        Studio studio = Studio.register("st-1", "o", "420000", "工作室", "91420300MA4K0AB12X", "m-1",
                StudioLevel.CITY, false, null, FOUNDED, 24, null, LocalDate.of(2026, 6, 1), NOW);
        assertThat(studio.nextReviewDue()).isEqualTo(LocalDate.of(2026, 5, 1));

        Studio passed = studio.review(StudioRating.PASS, LocalDate.of(2026, 6, 1), 100L, "r", NOW);
        assertThat(passed.nextReviewDue()).isEqualTo(LocalDate.of(2028, 6, 1));
        assertThat(passed.fundingGrantedFen()).isEqualTo(100L);
        assertThat(passed.reviewed().closed()).isFalse();

        Studio revoked = passed.review(StudioRating.REVOKED, LocalDate.of(2026, 7, 1), null, "r", NOW);
        assertThat(revoked.status()).isEqualTo(StudioStatus.CLOSED);
        assertThat(revoked.reviewed().nextReviewDue()).isNull();
        assertThatThrownBy(() -> revoked.changeLevel(StudioLevel.PROVINCIAL, LocalDate.of(2026, 8, 1), "r", NOW))
                .isInstanceOf(CompetitionStatusConflict.class);
    }

    @Test
    void givenAnAdoptedInnovationWhenABenefitIsRecordedAgainThenItIsANewRevisionNamingThePreviousFigure() {
        Innovation innovation = Innovation.submit("i-1", "o", "420000", InnovationType.SMALL_INVENTION, "t", "s",
                "91420300MA4K0AB12X", List.of(new Innovation.Author("m-1", null)), false, true, "kc", NOW);
        assertThatThrownBy(() -> innovation.evaluate(InnovationOutcome.NOT_ADOPTED, null, LocalDate.of(2026, 6, 1),
                "staff", NOW)).isInstanceOf(CompetitionRuleViolation.class);

        Innovation adopted = innovation.evaluate(InnovationOutcome.ADOPTED, null, LocalDate.of(2026, 6, 1), "staff",
                NOW);
        Innovation first = adopted.recordBenefit(500L, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 31), "财务部",
                LocalDate.of(2026, 6, 2), "staff", NOW);
        Innovation second = first.recordBenefit(800L, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "财务部",
                LocalDate.of(2027, 1, 5), "staff", NOW);

        assertThat(first.benefitRecorded().previousBenefitFen()).isNull();
        assertThat(second.benefitRecorded().revision()).isEqualTo(2);
        assertThat(second.benefitRecorded().previousBenefitFen()).isEqualTo(500L);
        assertThat(second.benefits()).extracting(Innovation.Benefit::amountFen).containsExactly(500L, 800L);
        assertThatThrownBy(() -> adopted.recordBenefit(1L, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), "x",
                LocalDate.of(2026, 6, 2), "s", NOW)).isInstanceOf(CompetitionRuleViolation.class);
    }
}
