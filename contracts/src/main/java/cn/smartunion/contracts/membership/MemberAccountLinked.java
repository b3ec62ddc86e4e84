package cn.smartunion.contracts.membership;

import java.time.Instant;

/**
 * A member record was linked to the worker's own sign-in account (topic {@code membership.member.v1}, key = memberId),
 * so other services know which member a signed-in worker is.
 *
 * @param accountSubject the Keycloak user id (token {@code sub}): a random identifier, never a name or number
 */
public record MemberAccountLinked(
        String memberId,
        String orgId,
        String orgPath,
        String accountSubject,
        Instant linkedAt) {
}
