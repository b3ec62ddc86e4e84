package cn.smartunion.aid.campaign.domain;

import cn.smartunion.aid.eligibility.domain.SocialInsurance;
import cn.smartunion.contracts.aid.BeneficiaryType;

import java.util.Set;

/** Who a delivery reached, by pseudonymous id only: a member, a non-member worker (a registered person) or a site. */
public sealed interface Beneficiary {

    BeneficiaryType type();

    /** 人次 this delivery counts. */
    int personTimes();

    /** The key of the once-per-cycle guard: the same member, person or site receives a once-per-cycle grant once. */
    String grantKey();

    record Member(String memberId) implements Beneficiary {
        public BeneficiaryType type() {
            return BeneficiaryType.MEMBER;
        }

        public int personTimes() {
            return 1;
        }

        public String grantKey() {
            return "member:" + memberId;
        }
    }

    /** A worker who is not a member; the name and ID number stay in the people registry, only masked here. */
    record Worker(String personId, String maskedName, String maskedIdNumber, Set<String> groupTags,
                  SocialInsurance socialInsurance) implements Beneficiary {
        public Worker {
            groupTags = groupTags == null ? Set.of() : Set.copyOf(groupTags);
        }

        public BeneficiaryType type() {
            return BeneficiaryType.NON_MEMBER_WORKER;
        }

        public int personTimes() {
            return 1;
        }

        public String grantKey() {
            return "person:" + personId;
        }
    }

    /** A work site (工地, 站点, 企业) visited as a whole: its workers are counted, not named. */
    record Site(String siteId, String name, String unitCreditCode, int workerCount) implements Beneficiary {
        public BeneficiaryType type() {
            return BeneficiaryType.WORK_SITE;
        }

        public int personTimes() {
            return workerCount;
        }

        public String grantKey() {
            return "site:" + siteId;
        }
    }
}
