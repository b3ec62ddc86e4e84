package cn.smartunion.competition.members.domain;

import java.util.Set;

/**
 * What competition-service knows of one member from membership-service's events: their grassroots union (the union
 * the membership is held in), standing, worker groups, employer and signed-in account. Used for eligibility, for
 * registering the signed-in worker, and for judges' conflicts of interest (same grassroots union or employer).
 *
 * @param employerCreditCode the employer's public unified social credit code, null when not known
 * @param accountSubject     the worker's own Keycloak account, null until they linked it
 */
public record MemberView(String memberId, String orgId, String orgPath, MemberStanding standing,
                         Set<String> groupTags, String employerCreditCode, String accountSubject) {

    public MemberView {
        groupTags = groupTags == null ? Set.of() : Set.copyOf(groupTags);
    }

    public boolean isMember() {
        return standing != null && standing.isMember();
    }
}
