package cn.smartunion.aid.campaign.domain;

import cn.smartunion.contracts.aid.DisbursementChannel;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One distribution (慰问 / 送清凉) of a campaign: cash and goods (in fen) that reached a beneficiary on a date. The
 * money is committed on the campaign's budget line when it is recorded and paid through the disbursement ledger.
 *
 * @param unpaidFen what is recorded but not yet paid through the ledger
 */
public record Delivery(String id, String campaignId, String programmeCode, String orgId, String orgPath,
                       String cycle, Beneficiary beneficiary, long cashFen, long inKindFen, LocalDate deliveredOn,
                       DisbursementChannel channel, long paidFen, long unpaidFen, String recordedBy,
                       Instant recordedAt) {

    public long valueFen() {
        return cashFen + inKindFen;
    }
}
