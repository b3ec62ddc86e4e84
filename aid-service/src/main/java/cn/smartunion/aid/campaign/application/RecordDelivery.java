package cn.smartunion.aid.campaign.application;

import cn.smartunion.aid.eligibility.domain.SocialInsurance;
import cn.smartunion.contracts.aid.BeneficiaryType;
import cn.smartunion.contracts.aid.DisbursementChannel;

import java.time.LocalDate;
import java.util.Set;

/** Record that a campaign's help reached someone. Personal data only in {@code citizenIdNumber} and {@code legalName}. */
public record RecordDelivery(BeneficiaryType type, String memberId, String citizenIdNumber, String legalName,
                             Set<String> groupTags, SocialInsurance socialInsurance, String siteName,
                             String unitCreditCode, Integer workerCount, long cashFen, long inKindFen,
                             LocalDate deliveredOn, DisbursementChannel channel) {

    @Override
    public String toString() {
        return "RecordDelivery[" + type + ", " + cashFen + "+" + inKindFen + " fen on " + deliveredOn + "]";
    }
}
