package cn.smartunion.aid.mutualaid.domain;

import cn.smartunion.aid.eligibility.domain.Ineligibility;
import cn.smartunion.aid.eligibility.domain.MemberRecord;
import cn.smartunion.aid.eligibility.domain.MemberStanding;
import cn.smartunion.aid.eligibility.domain.NotEligible;
import cn.smartunion.aid.eligibility.domain.SocialInsurance;
import cn.smartunion.aid.web.AidRuleViolation;
import cn.smartunion.aid.web.AidStatusConflict;
import cn.smartunion.contracts.aid.ApprovalLevel;
import cn.smartunion.contracts.aid.ClaimRejectionReason;
import cn.smartunion.contracts.aid.ContributionPayer;
import cn.smartunion.contracts.aid.EnrolmentChannel;
import cn.smartunion.contracts.aid.MutualAidClaimApproved;
import cn.smartunion.contracts.aid.MutualAidClaimPaid;
import cn.smartunion.contracts.aid.MutualAidEnrolled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MutualAidDomainTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    private static final String YUNXI = "420000/420300/420322";

    private static MutualAidPlan plan() {
        return MutualAidPlan.create("plan-1", "MUTUAL", "org-420300", "420000/420300", 2026, "line-1",
                new MutualAidPlan.Terms(List.of("ICD10:C50", "icd10:c34 "), 12_000, 2_000_000, 5_000_000),
                "officer", NOW);
    }

    private static MutualAidPlan withSecondVersion() {
        MutualAidPlan plan = plan();
        PlanVersion v2 = plan.nextVersion(LocalDate.of(2026, 7, 1),
                new MutualAidPlan.Terms(List.of("ICD10:C50", "ICD10:C34", "ICD10:I21"), 12_000, 3_000_000,
                        5_000_000), LocalDate.of(2026, 6, 1), "officer", NOW);
        return plan.with(v2);
    }

    private static Enrolment enrolment(MutualAidPlan plan, LocalDate on) {
        return Enrolment.enrol("enr-1", plan, "m-1", "org-420322", YUNXI, ContributionPayer.UNIT,
                EnrolmentChannel.STAFF, SocialInsurance.EMPLOYEE_MEDICAL, on, "officer", NOW).enrolment();
    }

    private static Claim.Submitted submit(MutualAidPlan plan, Enrolment enrolment, MemberStanding standing,
                                          LocalDate illnessOn, String disease) {
        return Claim.submit("claim-1", enrolment, plan, standing, false, illnessOn,
                new HealthDetails(disease, illnessOn, illnessOn.plusDays(5), 4_000_000), 3_000_000,
                LocalDate.of(2026, 12, 1), "officer", NOW);
    }

    @Nested
    class PlanVersions {

        @Test
        void the_first_version_is_in_force_from_the_first_day_of_the_plan_year_with_normalised_codes() {
            PlanVersion first = plan().latest();
            assertThat(first.version()).isEqualTo(1);
            assertThat(first.effectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(first.coveredDiseases()).containsExactly("ICD10:C50", "ICD10:C34");
        }

        @Test
        void the_version_in_force_follows_the_date() {
            MutualAidPlan plan = withSecondVersion();
            assertThat(plan.versionOn(LocalDate.of(2026, 6, 30)).version()).isEqualTo(1);
            assertThat(plan.versionOn(LocalDate.of(2026, 7, 1)).version()).isEqualTo(2);
            assertThat(plan.versionOn(LocalDate.of(2025, 12, 15)).version()).isEqualTo(1);
            assertThat(plan.versionOn(LocalDate.of(2026, 6, 30)).covers("ICD10:I21")).isFalse();
            assertThat(plan.versionOn(LocalDate.of(2026, 7, 2)).covers("icd10:i21")).isTrue();
        }

        @Test
        void a_version_cannot_take_effect_in_the_past_before_the_latest_or_outside_the_plan_year() {
            MutualAidPlan plan = withSecondVersion();
            MutualAidPlan.Terms terms = new MutualAidPlan.Terms(List.of("ICD10:C50"), 0, 100, 100);
            assertThatThrownBy(() -> plan.nextVersion(LocalDate.of(2026, 5, 1), terms, LocalDate.of(2026, 6, 1),
                    "o", NOW)).isInstanceOf(AidRuleViolation.class).hasMessageContaining("past");
            assertThatThrownBy(() -> plan.nextVersion(LocalDate.of(2026, 6, 15), terms, LocalDate.of(2026, 6, 1),
                    "o", NOW)).isInstanceOf(AidRuleViolation.class).hasMessageContaining("latest");
            assertThatThrownBy(() -> plan.nextVersion(LocalDate.of(2027, 1, 1), terms, LocalDate.of(2026, 6, 1),
                    "o", NOW)).isInstanceOf(AidRuleViolation.class).hasMessageContaining("plan year");
        }

        @Test
        void terms_need_diseases_and_a_limit_at_least_the_payout() {
            assertThatThrownBy(() -> MutualAidPlan.create("p", "MUTUAL", "o", "1", 2026, "l",
                    new MutualAidPlan.Terms(List.of(), 0, 100, 100), "o", NOW))
                    .isInstanceOf(AidRuleViolation.class);
            assertThatThrownBy(() -> MutualAidPlan.create("p", "MUTUAL", "o", "1", 2026, "l",
                    new MutualAidPlan.Terms(List.of("X1"), 0, 100, 99), "o", NOW))
                    .isInstanceOf(AidRuleViolation.class).extracting("field").isEqualTo("annualLimitFen");
        }
    }

    @Nested
    class Enrolments {

        @Test
        void coverage_runs_from_the_enrolment_date_to_the_end_of_the_plan_year_under_the_version_then_in_force() {
            Enrolment.Enrolled enrolled = Enrolment.enrol("enr-1", withSecondVersion(), "m-1", "org-420322", YUNXI,
                    ContributionPayer.UNIT, EnrolmentChannel.UNIT_BULK, SocialInsurance.EMPLOYEE_MEDICAL,
                    LocalDate.of(2026, 8, 3), "officer", NOW);
            MutualAidEnrolled event = enrolled.event();
            assertThat(event.planVersion()).isEqualTo(2);
            assertThat(event.coverageStartsOn()).isEqualTo(LocalDate.of(2026, 8, 3));
            assertThat(event.coverageEndsOn()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(event.contributionFen()).isEqualTo(12_000);
            assertThat(enrolled.enrolment().covers(LocalDate.of(2026, 8, 2))).isFalse();
            assertThat(enrolled.enrolment().covers(LocalDate.of(2026, 8, 3))).isTrue();
            assertThat(enrolled.enrolment().covers(LocalDate.of(2027, 1, 1))).isFalse();
        }

        @Test
        void enrolling_ahead_of_the_plan_year_covers_from_its_first_day() {
            Enrolment enrolment = enrolment(plan(), LocalDate.of(2025, 12, 20));
            assertThat(enrolment.coverageStartsOn()).isEqualTo(LocalDate.of(2026, 1, 1));
        }
    }

    @Nested
    class Claims {

        private final MutualAidPlan plan = withSecondVersion();
        private final Enrolment enrolment = enrolment(plan, LocalDate.of(2026, 3, 1));

        @Test
        void a_covered_disease_of_an_active_member_within_coverage_is_submitted_under_the_version_in_force() {
            Claim.Submitted submitted = submit(plan, enrolment, MemberStanding.ACTIVE, LocalDate.of(2026, 4, 1),
                    "icd10:c50");
            assertThat(submitted.claim().status()).isEqualTo(ClaimStatus.SUBMITTED);
            assertThat(submitted.claim().planVersion()).isEqualTo(1);
            assertThat(submitted.claim().maxPayoutFen()).isEqualTo(2_000_000);
            assertThat(submitted.claim().health().diseaseCode()).isEqualTo("ICD10:C50");
            assertThat(submitted.event().claimedFen()).isEqualTo(3_000_000);
            assertThat(submitted.event().toString()).doesNotContain("C50");
        }

        @Test
        void standing_is_judged_on_the_illness_date() {
            MemberRecord member = new MemberRecord("m-1", "org-420322", YUNXI, Set.of(), List.of(
                    new MemberRecord.StandingChange(MemberStanding.ACTIVE, LocalDate.of(2020, 1, 1)),
                    new MemberRecord.StandingChange(MemberStanding.TERMINATED, LocalDate.of(2026, 5, 1))), List.of());
            LocalDate before = LocalDate.of(2026, 4, 30);
            LocalDate after = LocalDate.of(2026, 5, 2);
            assertThat(submit(plan, enrolment, member.standingOn(before), before, "ICD10:C50").claim().status())
                    .isEqualTo(ClaimStatus.SUBMITTED);
            assertThatThrownBy(() -> submit(plan, enrolment, member.standingOn(after), after, "ICD10:C50"))
                    .isInstanceOfSatisfying(NotEligible.class, e -> assertThat(e.reasons())
                            .containsExactly(Ineligibility.MEMBERSHIP_TERMINATED));
        }

        @Test
        void retained_members_claim_only_when_the_programme_serves_them() {
            LocalDate on = LocalDate.of(2026, 4, 1);
            HealthDetails health = new HealthDetails("ICD10:C50", null, null, 100);
            assertThatThrownBy(() -> Claim.submit("c", enrolment, plan, MemberStanding.RETAINED, false, on, health,
                    100, on, "o", NOW)).isInstanceOf(NotEligible.class);
            assertThat(Claim.submit("c", enrolment, plan, MemberStanding.RETAINED, true, on, health, 100, on, "o",
                    NOW).claim().status()).isEqualTo(ClaimStatus.SUBMITTED);
        }

        @Test
        void an_illness_before_coverage_is_refused() {
            assertThatThrownBy(() -> submit(plan, enrolment, MemberStanding.ACTIVE, LocalDate.of(2026, 2, 28),
                    "ICD10:C50")).isInstanceOfSatisfying(ClaimRefused.class, e -> assertThat(e.reason())
                    .isEqualTo(ClaimRejectionReason.NOT_ENROLLED_ON_ILLNESS_DATE));
        }

        @Test
        void a_disease_is_judged_against_the_version_in_force_on_the_illness_date() {
            assertThatThrownBy(() -> submit(plan, enrolment, MemberStanding.ACTIVE, LocalDate.of(2026, 6, 30),
                    "ICD10:I21")).isInstanceOfSatisfying(ClaimRefused.class, e -> {
                        assertThat(e.reason()).isEqualTo(ClaimRejectionReason.DISEASE_NOT_COVERED);
                        assertThat(e.getMessage()).doesNotContain("I21");
                    });
            Claim claim = submit(plan, enrolment, MemberStanding.ACTIVE, LocalDate.of(2026, 7, 1), "ICD10:I21")
                    .claim();
            assertThat(claim.planVersion()).isEqualTo(2);
            assertThat(claim.maxPayoutFen()).isEqualTo(3_000_000);
        }

        @Test
        void approval_is_bounded_by_the_claim_and_the_payout_per_claim_then_paid() {
            Claim claim = submit(plan, enrolment, MemberStanding.ACTIVE, LocalDate.of(2026, 4, 1), "ICD10:C50")
                    .claim();
            assertThatThrownBy(() -> claim.startApproval(3_000_001, "a", ApprovalLevel.CITY, NOW))
                    .isInstanceOf(AidRuleViolation.class).hasMessageContaining("claimed");
            assertThatThrownBy(() -> claim.startApproval(2_000_001, "a", ApprovalLevel.CITY, NOW))
                    .isInstanceOf(AidRuleViolation.class).hasMessageContaining("payout per claim");
            assertThatThrownBy(() -> claim.paid("d-1", NOW)).isInstanceOf(AidStatusConflict.class);

            claim.startApproval(2_000_000, "a", ApprovalLevel.CITY, NOW);
            assertThat(claim.status()).isEqualTo(ClaimStatus.APPROVING);
            MutualAidClaimApproved approved = claim.completeApproval();
            assertThat(approved.approvedFen()).isEqualTo(2_000_000);
            assertThatThrownBy(() -> claim.reject(ClaimRejectionReason.OTHER, "a", NOW))
                    .isInstanceOf(AidStatusConflict.class);
            MutualAidClaimPaid paid = claim.paid("d-1", NOW);
            assertThat(paid.paidFen()).isEqualTo(2_000_000);
            assertThat(paid.disbursementId()).isEqualTo("d-1");
            assertThat(claim.status()).isEqualTo(ClaimStatus.PAID);
        }

        @Test
        void an_abandoned_approval_reopens_the_claim() {
            Claim claim = submit(plan, enrolment, MemberStanding.ACTIVE, LocalDate.of(2026, 4, 1), "ICD10:C50")
                    .claim();
            claim.startApproval(1_000, "a", ApprovalLevel.COUNTY, NOW);
            claim.abandonApproval();
            assertThat(claim.status()).isEqualTo(ClaimStatus.SUBMITTED);
            assertThat(claim.approvedFen()).isNull();
        }

        @Test
        void claims_cannot_exceed_the_medical_cost_nor_be_for_a_future_illness() {
            HealthDetails health = new HealthDetails("ICD10:C50", null, null, 100);
            LocalDate today = LocalDate.of(2026, 4, 1);
            assertThatThrownBy(() -> Claim.submit("c", enrolment, plan, MemberStanding.ACTIVE, false, today, health,
                    101, today, "o", NOW)).isInstanceOf(AidRuleViolation.class).extracting("field")
                    .isEqualTo("claimedFen");
            assertThatThrownBy(() -> Claim.submit("c", enrolment, plan, MemberStanding.ACTIVE, false,
                    today.plusDays(1), health, 100, today, "o", NOW)).isInstanceOf(AidRuleViolation.class)
                    .extracting("field").isEqualTo("illnessOn");
        }
    }
}
