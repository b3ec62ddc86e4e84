package cn.smartunion.contracts.competition;

import java.time.Instant;
import java.util.List;

/**
 * A worker innovation (五小, 合理化建议, 技术革新, 先进操作法) was submitted (topic {@code competition.innovation.v1},
 * key = innovationId). Authors are pseudonymous: member ids, and a count including non-members.
 *
 * @param orgId            the union the submission belongs to
 * @param byMember         a member submitted it for themselves; false when union staff entered it
 */
public record InnovationSubmitted(
        String innovationId,
        InnovationType type,
        String unitCreditCode,
        int authorCount,
        List<String> memberIds,
        boolean patent,
        boolean byMember,
        String orgId,
        String orgPath,
        Instant submittedAt) {
}
