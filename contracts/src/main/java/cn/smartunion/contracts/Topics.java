package cn.smartunion.contracts;

/** Topic names: {@code <context>.<aggregate>.v<major>}; dead letters go to {@code <topic>.DLT}. */
public final class Topics {

    public static final String MEMBERSHIP_ORG = "membership.org.v1";
    public static final String MEMBERSHIP_APPLICATION = "membership.application.v1";
    public static final String MEMBERSHIP_MEMBER = "membership.member.v1";
    public static final String MEMBERSHIP_ENROLMENT = "membership.enrolment.v1";

    /** Hardship case files (困难职工档案), key = caseId. */
    public static final String AID_CASE = "aid.case.v1";
    /** Seasonal campaigns and their distributions, key = campaignId or deliveryId. */
    public static final String AID_CAMPAIGN = "aid.campaign.v1";
    /** Aid applications, key = applicationId. */
    public static final String AID_APPLICATION = "aid.application.v1";
    /** Aid paid out, key = disbursementId. */
    public static final String AID_DISBURSEMENT = "aid.disbursement.v1";
    /** Mutual-aid enrolments and claims, key = enrolmentId or claimId. */
    public static final String AID_MUTUAL_AID = "aid.mutual-aid.v1";

    /** Rights-protection work orders (维权工单, 12351), key = orderId. */
    public static final String RIGHTS_WORK_ORDER = "rights.work-order.v1";
    /** Labour dispute cases, their mediation and closure, key = caseId. */
    public static final String RIGHTS_DISPUTE = "rights.dispute.v1";
    /** Labour-law supervision notices (劳动法律监督), key = noticeId. */
    public static final String RIGHTS_SUPERVISION = "rights.supervision.v1";
    /** Collective bargaining and collective contracts (集体协商 / 集体合同), key = contractId. */
    public static final String RIGHTS_BARGAINING = "rights.bargaining.v1";
    /** Referrals from rights work to other services (转帮扶), key = referralId. */
    public static final String RIGHTS_REFERRAL = "rights.referral.v1";

    /** Competitions: publication, registration window, stages; key = competitionId. */
    public static final String COMPETITION_COMPETITION = "competition.competition.v1";
    /** Entries (individuals, teams, units, projects), withdrawals, disqualifications, advancement; key = entryId. */
    public static final String COMPETITION_ENTRY = "competition.entry.v1";
    /** Judging: finalised scores, results, appeals; key = competitionId. */
    public static final String COMPETITION_JUDGING = "competition.judging.v1";
    /** Titles, skill-level certifications and honours; key = titleId, certificationId or honourId. */
    public static final String COMPETITION_HONOUR = "competition.honour.v1";
    /** Worker innovation (五小, rationalisation proposals) and innovation studios; key = submissionId or studioId. */
    public static final String COMPETITION_INNOVATION = "competition.innovation.v1";

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    private Topics() {
    }
}
