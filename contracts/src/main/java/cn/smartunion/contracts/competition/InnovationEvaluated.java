package cn.smartunion.contracts.competition;

import java.time.Instant;
import java.time.LocalDate;

/** The union evaluated an innovation: adopted (采纳) or not (topic {@code competition.innovation.v1}, key = innovationId). */
public record InnovationEvaluated(
        String innovationId,
        InnovationType type,
        InnovationOutcome outcome,
        String unitCreditCode,
        int authorCount,
        String orgId,
        String orgPath,
        LocalDate evaluatedOn,
        Instant evaluatedAt) {
}
