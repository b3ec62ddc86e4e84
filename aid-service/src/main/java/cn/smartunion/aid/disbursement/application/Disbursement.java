package cn.smartunion.aid.disbursement.application;

import cn.smartunion.contracts.aid.DisbursementChannel;
import cn.smartunion.contracts.aid.DisbursementSource;
import cn.smartunion.contracts.aid.FundingSource;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of the disbursement ledger; the bank card only masked. */
public record Disbursement(String id, DisbursementSource sourceType, String sourceId, String programmeCode,
                           String orgId, String orgPath, String cycle, String budgetLineId,
                           FundingSource fundingSource, long amountFen, DisbursementChannel channel,
                           LocalDate disbursedOn, String payeePersonId, String maskedBankCard, String status,
                           Instant recordedAt) {
}
