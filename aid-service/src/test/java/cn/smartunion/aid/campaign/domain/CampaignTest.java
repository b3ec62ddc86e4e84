package cn.smartunion.aid.campaign.domain;

import cn.smartunion.aid.web.AidRuleViolation;
import cn.smartunion.aid.web.AidStatusConflict;
import cn.smartunion.contracts.aid.BeneficiaryType;
import cn.smartunion.contracts.aid.CondolenceDelivered;
import cn.smartunion.contracts.aid.DisbursementChannel;
import cn.smartunion.contracts.aid.FundingSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignTest {

    private static final Instant NOW = Instant.parse("2026-07-01T08:00:00Z");
    private static final LocalDate JULY_1 = LocalDate.of(2026, 7, 1);
    private static final LocalDate AUG_31 = LocalDate.of(2026, 8, 31);

    private static Campaign planned() {
        return Campaign.plan("c-1", "SUMMER", "org-420322", "420000/420300/420322", "2026-SUMMER", "line-1",
                "夏送清凉", JULY_1, AUG_31, "officer", NOW);
    }

    private static Campaign launched() {
        return planned().launch(5_000_000, FundingSource.OWN_FUNDS, NOW).campaign();
    }

    @Test
    void a_window_that_ends_before_it_starts_is_refused() {
        assertThatThrownBy(() -> Campaign.plan("c", "SUMMER", "o", "420000", "2026-SUMMER", "l", "t", AUG_31,
                JULY_1, "officer", NOW)).isInstanceOf(AidRuleViolation.class)
                .extracting(e -> ((AidRuleViolation) e).field()).isEqualTo("endsOn");
    }

    @Test
    void launching_fixes_the_budget_from_the_line_and_returns_the_event() {
        Campaign.Launch launch = planned().launch(5_000_000, FundingSource.DONATIONS, NOW);

        assertThat(launch.campaign().status()).isEqualTo(CampaignStatus.LAUNCHED);
        assertThat(launch.event().budgetFen()).isEqualTo(5_000_000);
        assertThat(launch.event().fundingSource()).isEqualTo(FundingSource.DONATIONS);
        assertThat(launch.event().startsOn()).isEqualTo(JULY_1);
    }

    @Test
    void a_launched_campaign_cannot_be_launched_again_and_a_closed_one_not_closed_again() {
        assertThatThrownBy(() -> launched().launch(1, FundingSource.OWN_FUNDS, NOW))
                .isInstanceOf(AidStatusConflict.class);
        Campaign closed = launched().close(NOW);
        assertThat(closed.status()).isEqualTo(CampaignStatus.CLOSED);
        assertThatThrownBy(() -> closed.close(NOW)).isInstanceOf(AidStatusConflict.class);
    }

    @Test
    void a_site_delivery_counts_its_workers_as_person_times() {
        Campaign.Delivered delivered = launched().deliver("d-1", new Beneficiary.Site("site-1", "工地", null, 40),
                0, 120_000, LocalDate.of(2026, 7, 15), DisbursementChannel.IN_KIND, "officer", NOW);

        CondolenceDelivered event = delivered.event();
        assertThat(event.beneficiaryType()).isEqualTo(BeneficiaryType.WORK_SITE);
        assertThat(event.personTimes()).isEqualTo(40);
        assertThat(event.siteId()).isEqualTo("site-1");
        assertThat(event.memberId()).isNull();
        assertThat(delivered.delivery().unpaidFen()).isEqualTo(120_000);
    }

    @Test
    void a_worker_delivery_names_the_person_by_id_only() {
        Campaign.Delivered delivered = launched().deliver("d-2",
                new Beneficiary.Worker("p-1", "张*", "4203**********123X", Set.of("SANITATION"), null), 20_000, 0,
                JULY_1, DisbursementChannel.CASH, "officer", NOW);

        assertThat(delivered.event().personId()).isEqualTo("p-1");
        assertThat(delivered.event().personTimes()).isEqualTo(1);
        assertThat(delivered.event().toString()).doesNotContain("张");
    }

    @Test
    void deliveries_only_while_launched_within_the_window_and_for_something() {
        Beneficiary member = new Beneficiary.Member("m-1");
        assertThatThrownBy(() -> planned().deliver("d", member, 100, 0, JULY_1, DisbursementChannel.CASH, "o", NOW))
                .isInstanceOf(AidStatusConflict.class);
        assertThatThrownBy(() -> launched().deliver("d", member, 100, 0, AUG_31.plusDays(1),
                DisbursementChannel.CASH, "o", NOW)).isInstanceOf(AidRuleViolation.class)
                .extracting(e -> ((AidRuleViolation) e).field()).isEqualTo("deliveredOn");
        assertThatThrownBy(() -> launched().deliver("d", member, 0, 0, JULY_1, DisbursementChannel.CASH, "o", NOW))
                .isInstanceOf(AidRuleViolation.class);
        assertThatThrownBy(() -> launched().deliver("d", member, 100, 0, JULY_1, DisbursementChannel.IN_KIND, "o",
                NOW)).isInstanceOf(AidRuleViolation.class);
    }
}
