package cn.smartunion.contracts.membership;

import java.time.Instant;
import java.util.List;

/**
 * The member's employment changed (topic {@code membership.member.v1}). The employer is a company, named by its
 * unified social credit code, which is public; the member stays pseudonymous.
 */
public record MemberEmploymentChanged(
        String memberId,
        String orgId,
        String orgPath,
        String employerCreditCode,
        String employmentForm,
        List<String> platforms,
        Instant occurredAt) {
}
