package cn.smartunion.aid.eligibility.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who a programme serves. Eligibility is per programme, never a blanket "active member" check (DOMAIN.md §9.6).
 *
 * @param audience        members only, or any worker
 * @param includeRetained whether members with retained membership (保留会籍) qualify
 * @param groupTags       the worker groups served (any of them); empty serves every group
 * @param socialInsurance the insurance types served (any of them); empty serves every type
 * @param modelWorkersOnly model-worker care (劳模"三金", 困难劳模帮扶, 疗休养): only holders of a standing 劳模 honour
 */
public record EligibilityRule(Audience audience, boolean includeRetained, Set<String> groupTags,
                              Set<SocialInsurance> socialInsurance, boolean modelWorkersOnly) {

    public EligibilityRule {
        if (audience == null) {
            throw new IllegalArgumentException("audience is required");
        }
        groupTags = groupTags == null ? Set.of() : Set.copyOf(groupTags);
        socialInsurance = socialInsurance == null ? Set.of() : Set.copyOf(socialInsurance);
    }

    /** @return the reasons the applicant does not qualify; empty when they do */
    public List<Ineligibility> check(Applicant applicant) {
        List<Ineligibility> reasons = new ArrayList<>();
        if (audience == Audience.MEMBERS) {
            switch (applicant.standing()) {
                case ACTIVE -> { }
                case RETAINED -> {
                    if (!includeRetained) {
                        reasons.add(Ineligibility.MEMBERSHIP_RETAINED);
                    }
                }
                case TERMINATED -> reasons.add(Ineligibility.MEMBERSHIP_TERMINATED);
                case NOT_A_MEMBER -> reasons.add(Ineligibility.NOT_A_MEMBER);
            }
        }
        if (!groupTags.isEmpty() && applicant.groupTags().stream().noneMatch(groupTags::contains)) {
            reasons.add(Ineligibility.GROUP_NOT_SERVED);
        }
        if (!socialInsurance.isEmpty()
                && (applicant.socialInsurance() == null || !socialInsurance.contains(applicant.socialInsurance()))) {
            reasons.add(Ineligibility.SOCIAL_INSURANCE_NOT_COVERED);
        }
        if (modelWorkersOnly && !applicant.modelWorker()) {
            reasons.add(Ineligibility.NOT_A_MODEL_WORKER);
        }
        return List.copyOf(reasons);
    }
}
