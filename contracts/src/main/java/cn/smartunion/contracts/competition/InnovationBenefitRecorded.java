package cn.smartunion.contracts.competition;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A verified economic benefit of an adopted innovation, in fen (topic {@code competition.innovation.v1}, key =
 * innovationId). A later figure replaces the earlier one ({@code revision} counts them from 1); analysts sum the
 * latest revision per innovation.
 *
 * @param previousBenefitFen the figure this revision replaces, null for the first
 */
public record InnovationBenefitRecorded(
        String innovationId,
        InnovationType type,
        String unitCreditCode,
        int revision,
        long benefitFen,
        Long previousBenefitFen,
        LocalDate periodFrom,
        LocalDate periodTo,
        LocalDate verifiedOn,
        String orgId,
        String orgPath,
        Instant recordedAt) {
}
