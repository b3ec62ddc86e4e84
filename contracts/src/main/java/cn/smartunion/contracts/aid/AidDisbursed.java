package cn.smartunion.contracts.aid;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Aid money or goods were paid out (发放; topic {@code aid.disbursement.v1}, key = disbursementId). Summing
 * {@code amountFen} gives 资金投入; the account or card paid to stays inside aid-service.
 *
 * @param sourceType  what the payment is for
 * @param sourceId    the hardship caseId, aid applicationId or mutual-aid claimId paid
 * @param amountFen   amount paid, in fen (1/100 yuan); for {@link DisbursementChannel#IN_KIND} the goods' value
 * @param disbursedOn the date paid; reports count by this date
 */
public record AidDisbursed(
        String disbursementId,
        String programmeCode,
        DisbursementSource sourceType,
        String sourceId,
        String orgId,
        String orgPath,
        String cycle,
        String budgetLineId,
        FundingSource fundingSource,
        long amountFen,
        DisbursementChannel channel,
        LocalDate disbursedOn,
        Instant occurredAt) {
}
