package cn.smartunion.rights.dispute.domain;

import cn.smartunion.contracts.rights.ReferralBody;

import java.time.LocalDate;

/**
 * A referral to another body; its outcome when known ({@code encryptedOutcome}: free text, encrypted as it may name
 * people).
 */
public record Referral(ReferralBody toBody, LocalDate referredOn, String reference, String encryptedOutcome,
                       Long awardedFen, LocalDate outcomeRecordedOn) {

    Referral withOutcome(String encryptedOutcome, Long awardedFen, LocalDate on) {
        return new Referral(toBody, referredOn, reference, encryptedOutcome, awardedFen, on);
    }
}
