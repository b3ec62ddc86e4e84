package cn.smartunion.aid.eligibility.domain;

import java.util.Set;

/**
 * The facts a programme's eligibility is decided on.
 *
 * @param standing        membership on the date that counts (application date, date of illness)
 * @param groupTags       worker-group tags: a member's from membership-service, a non-member's as declared
 * @param socialInsurance as declared; null when not asked
 * @param modelWorker     holds a standing 劳模 honour conferred by competition-service (known for members only)
 */
public record Applicant(MemberStanding standing, Set<String> groupTags, SocialInsurance socialInsurance,
                        boolean modelWorker) {

    public Applicant {
        groupTags = groupTags == null ? Set.of() : Set.copyOf(groupTags);
    }
}
