package cn.smartunion.aid.disbursement.application;

import cn.smartunion.contracts.aid.DisbursementChannel;
import cn.smartunion.contracts.aid.DisbursementSource;
import cn.smartunion.contracts.aid.FundingSource;

import java.time.LocalDate;

/**
 * Pay approved money for one record.
 *
 * @param idempotencyKey   the client's key for this payment: the same key for the same record pays once
 * @param sourceCollection the collection of the record paid; its document keeps {@code unpaidFen} (set to the
 *                         approved amount on approval) and {@code paidDisbursements} (ids), see {@link Disbursements}
 * @param payeePersonId    the person paid (pseudonymous), or null when paid to a household or site as a whole
 * @param bankCardNumber   the card paid to for {@code BANK_TRANSFER} / {@code MEMBER_SERVICE_CARD}; stored encrypted
 */
public record Disburse(String idempotencyKey, DisbursementSource sourceType, String sourceId,
                       String sourceCollection, String programmeCode, String orgId, String orgPath, String cycle,
                       String budgetLineId, FundingSource fundingSource, long amountFen, DisbursementChannel channel,
                       LocalDate disbursedOn, String payeePersonId, String bankCardNumber, String actorSubject) {

    @Override
    public String toString() {
        return "Disburse[" + sourceType + " " + sourceId + ", " + amountFen + " fen]";
    }
}
