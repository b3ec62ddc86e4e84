package cn.smartunion.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The catalogue of every event type the suite emits. */
public final class EventTypes {

    public static final String MEMBERSHIP_SOURCE = "/membership-service";
    public static final String AID_SOURCE = "/aid-service";
    public static final String RIGHTS_SOURCE = "/rights-service";
    public static final String COMPETITION_SOURCE = "/competition-service";

    public static final EventType ORG_REGISTERED =
            membership("org.registered.v1", Topics.MEMBERSHIP_ORG, "org-registered.v1");
    public static final EventType ORG_UPDATED =
            membership("org.updated.v1", Topics.MEMBERSHIP_ORG, "org-updated.v1");
    public static final EventType ORG_MOVED =
            membership("org.moved.v1", Topics.MEMBERSHIP_ORG, "org-moved.v1");
    public static final EventType ORG_DISSOLVED =
            membership("org.dissolved.v1", Topics.MEMBERSHIP_ORG, "org-dissolved.v1");

    public static final EventType APPLICATION_SUBMITTED =
            membership("application.submitted.v1", Topics.MEMBERSHIP_APPLICATION, "application-submitted.v1");
    public static final EventType APPLICATION_REJECTED =
            membership("application.rejected.v1", Topics.MEMBERSHIP_APPLICATION, "application-rejected.v1");
    public static final EventType APPLICATION_WITHDRAWN =
            membership("application.withdrawn.v1", Topics.MEMBERSHIP_APPLICATION, "application-withdrawn.v1");
    public static final EventType MEMBER_ACTIVATED =
            membership("member.activated.v1", Topics.MEMBERSHIP_MEMBER, "member-activated.v1");
    public static final EventType MEMBER_TRANSFER_REQUESTED =
            membership("member.transfer-requested.v1", Topics.MEMBERSHIP_MEMBER, "member-transfer-requested.v1");
    public static final EventType MEMBER_TRANSFERRED =
            membership("member.transferred.v1", Topics.MEMBERSHIP_MEMBER, "member-transferred.v1");
    public static final EventType MEMBER_TRANSFER_CLOSED =
            membership("member.transfer-closed.v1", Topics.MEMBERSHIP_MEMBER, "member-transfer-closed.v1");
    public static final EventType MEMBERSHIP_RETAINED =
            membership("member.retained.v1", Topics.MEMBERSHIP_MEMBER, "membership-retained.v1");
    public static final EventType MEMBERSHIP_REINSTATED =
            membership("member.reinstated.v1", Topics.MEMBERSHIP_MEMBER, "membership-reinstated.v1");
    public static final EventType MEMBERSHIP_TERMINATED =
            membership("member.terminated.v1", Topics.MEMBERSHIP_MEMBER, "membership-terminated.v1");
    public static final EventType MEMBER_GROUP_TAGS_CHANGED =
            membership("member.group-tags-changed.v1", Topics.MEMBERSHIP_MEMBER, "member-group-tags-changed.v1");
    public static final EventType MEMBER_EMPLOYMENT_CHANGED =
            membership("member.employment-changed.v1", Topics.MEMBERSHIP_MEMBER, "member-employment-changed.v1");
    public static final EventType MEMBER_ACCOUNT_LINKED =
            membership("member.account-linked.v1", Topics.MEMBERSHIP_MEMBER, "member-account-linked.v1");
    public static final EventType COLLECTIVE_ENROLMENT_COMPLETED =
            membership("enrolment.completed.v1", Topics.MEMBERSHIP_ENROLMENT, "collective-enrolment-completed.v1");

    public static final EventType HARDSHIP_CASE_FILED =
            aid("case.filed.v1", Topics.AID_CASE, "hardship-case-filed.v1");
    public static final EventType HARDSHIP_CASE_APPROVED =
            aid("case.approved.v1", Topics.AID_CASE, "hardship-case-approved.v1");
    public static final EventType HARDSHIP_CASE_RELIEVED =
            aid("case.relieved.v1", Topics.AID_CASE, "hardship-case-relieved.v1");
    public static final EventType HARDSHIP_CASE_CLOSED =
            aid("case.closed.v1", Topics.AID_CASE, "hardship-case-closed.v1");
    public static final EventType HARDSHIP_CASE_REOPENED =
            aid("case.reopened.v1", Topics.AID_CASE, "hardship-case-reopened.v1");
    public static final EventType CAMPAIGN_LAUNCHED =
            aid("campaign.launched.v1", Topics.AID_CAMPAIGN, "campaign-launched.v1");
    public static final EventType CONDOLENCE_DELIVERED =
            aid("campaign.condolence-delivered.v1", Topics.AID_CAMPAIGN, "condolence-delivered.v1");
    public static final EventType AID_APPLICATION_SUBMITTED =
            aid("application.submitted.v1", Topics.AID_APPLICATION, "aid-application-submitted.v1");
    public static final EventType AID_APPLICATION_APPROVED =
            aid("application.approved.v1", Topics.AID_APPLICATION, "aid-application-approved.v1");
    public static final EventType AID_APPLICATION_REJECTED =
            aid("application.rejected.v1", Topics.AID_APPLICATION, "aid-application-rejected.v1");
    public static final EventType AID_DISBURSED =
            aid("disbursement.disbursed.v1", Topics.AID_DISBURSEMENT, "aid-disbursed.v1");
    public static final EventType MUTUAL_AID_ENROLLED =
            aid("mutual-aid.enrolled.v1", Topics.AID_MUTUAL_AID, "mutual-aid-enrolled.v1");
    public static final EventType MUTUAL_AID_CLAIM_SUBMITTED =
            aid("mutual-aid.claim-submitted.v1", Topics.AID_MUTUAL_AID, "mutual-aid-claim-submitted.v1");
    public static final EventType MUTUAL_AID_CLAIM_APPROVED =
            aid("mutual-aid.claim-approved.v1", Topics.AID_MUTUAL_AID, "mutual-aid-claim-approved.v1");
    public static final EventType MUTUAL_AID_CLAIM_REJECTED =
            aid("mutual-aid.claim-rejected.v1", Topics.AID_MUTUAL_AID, "mutual-aid-claim-rejected.v1");
    public static final EventType MUTUAL_AID_CLAIM_PAID =
            aid("mutual-aid.claim-paid.v1", Topics.AID_MUTUAL_AID, "mutual-aid-claim-paid.v1");

    public static final EventType WORK_ORDER_CREATED =
            rights("work-order.created.v1", Topics.RIGHTS_WORK_ORDER, "work-order-created.v1");
    public static final EventType WORK_ORDER_DISPATCHED =
            rights("work-order.dispatched.v1", Topics.RIGHTS_WORK_ORDER, "work-order-dispatched.v1");
    public static final EventType WORK_ORDER_ACCEPTED =
            rights("work-order.accepted.v1", Topics.RIGHTS_WORK_ORDER, "work-order-accepted.v1");
    public static final EventType WORK_ORDER_ESCALATED =
            rights("work-order.escalated.v1", Topics.RIGHTS_WORK_ORDER, "work-order-escalated.v1");
    public static final EventType WORK_ORDER_RESOLVED =
            rights("work-order.resolved.v1", Topics.RIGHTS_WORK_ORDER, "work-order-resolved.v1");
    public static final EventType WORK_ORDER_RATED =
            rights("work-order.rated.v1", Topics.RIGHTS_WORK_ORDER, "work-order-rated.v1");
    public static final EventType WORK_ORDER_CLOSED =
            rights("work-order.closed.v1", Topics.RIGHTS_WORK_ORDER, "work-order-closed.v1");
    public static final EventType SLA_BREACHED =
            rights("work-order.sla-breached.v1", Topics.RIGHTS_WORK_ORDER, "sla-breached.v1");
    public static final EventType DISPUTE_CASE_OPENED =
            rights("dispute.opened.v1", Topics.RIGHTS_DISPUTE, "dispute-case-opened.v1");
    public static final EventType LEGAL_AID_GRANTED =
            rights("dispute.legal-aid-granted.v1", Topics.RIGHTS_DISPUTE, "legal-aid-granted.v1");
    public static final EventType MEDIATION_SESSION_HELD =
            rights("dispute.mediation-session-held.v1", Topics.RIGHTS_DISPUTE, "mediation-session-held.v1");
    public static final EventType MEDIATION_AGREEMENT_REACHED =
            rights("dispute.mediation-agreement-reached.v1", Topics.RIGHTS_DISPUTE, "mediation-agreement-reached.v1");
    public static final EventType MEDIATION_FAILED =
            rights("dispute.mediation-failed.v1", Topics.RIGHTS_DISPUTE, "mediation-failed.v1");
    public static final EventType CASE_REFERRED =
            rights("dispute.referred.v1", Topics.RIGHTS_DISPUTE, "case-referred.v1");
    public static final EventType DISPUTE_CASE_CLOSED =
            rights("dispute.closed.v1", Topics.RIGHTS_DISPUTE, "dispute-case-closed.v1");
    public static final EventType CASE_FOLLOW_UP_COMPLETED =
            rights("dispute.follow-up-completed.v1", Topics.RIGHTS_DISPUTE, "case-follow-up-completed.v1");
    public static final EventType DISPUTE_CASE_REOPENED =
            rights("dispute.reopened.v1", Topics.RIGHTS_DISPUTE, "dispute-case-reopened.v1");
    public static final EventType HARDSHIP_REFERRED =
            rights("referral.hardship-referred.v1", Topics.RIGHTS_REFERRAL, "hardship-referred.v1");
    public static final EventType SUPERVISION_NOTICE_ISSUED =
            rights("supervision.notice-issued.v1", Topics.RIGHTS_SUPERVISION, "supervision-notice-issued.v1");
    public static final EventType BARGAINING_OFFER_ISSUED =
            rights("bargaining.offer-issued.v1", Topics.RIGHTS_BARGAINING, "bargaining-offer-issued.v1");
    public static final EventType COLLECTIVE_CONTRACT_SIGNED =
            rights("bargaining.contract-signed.v1", Topics.RIGHTS_BARGAINING, "collective-contract-signed.v1");
    public static final EventType COLLECTIVE_CONTRACT_EXPIRED =
            rights("bargaining.contract-expired.v1", Topics.RIGHTS_BARGAINING, "collective-contract-expired.v1");
    public static final EventType COLLECTIVE_CONTRACT_RENEWED =
            rights("bargaining.contract-renewed.v1", Topics.RIGHTS_BARGAINING, "collective-contract-renewed.v1");

    // ---- competition-service: competitions and registration ----

    public static final EventType COMPETITION_PUBLISHED = competition("competition.published.v1",
            Topics.COMPETITION_COMPETITION, "competition-published.v1");
    public static final EventType COMPETITION_CANCELLED = competition("competition.cancelled.v1",
            Topics.COMPETITION_COMPETITION, "competition-cancelled.v1");
    public static final EventType ENTRANT_REGISTERED =
            competition("entry.registered.v1", Topics.COMPETITION_ENTRY, "entrant-registered.v1");
    public static final EventType TEAM_ROSTER_CHANGED =
            competition("entry.roster-changed.v1", Topics.COMPETITION_ENTRY, "team-roster-changed.v1");
    public static final EventType ENTRY_WITHDRAWN =
            competition("entry.withdrawn.v1", Topics.COMPETITION_ENTRY, "entry-withdrawn.v1");
    public static final EventType ENTRY_DISQUALIFIED =
            competition("entry.disqualified.v1", Topics.COMPETITION_ENTRY, "entry-disqualified.v1");
    public static final EventType ENTRANT_ADVANCED =
            competition("entry.advanced.v1", Topics.COMPETITION_ENTRY, "entrant-advanced.v1");

    static final List<EventType> COMPETITION_TYPES = List.of(COMPETITION_PUBLISHED, COMPETITION_CANCELLED,
            ENTRANT_REGISTERED, TEAM_ROSTER_CHANGED, ENTRY_WITHDRAWN, ENTRY_DISQUALIFIED, ENTRANT_ADVANCED);

    // ---- competition-service: judging, results and appeals ----

    public static final EventType RESULTS_PUBLISHED =
            competition("results.published.v1", Topics.COMPETITION_JUDGING, "results-published.v1");
    public static final EventType RESULTS_FINALISED =
            competition("results.finalised.v1", Topics.COMPETITION_JUDGING, "results-finalised.v1");
    public static final EventType APPEAL_LODGED =
            competition("appeal.lodged.v1", Topics.COMPETITION_JUDGING, "appeal-lodged.v1");
    public static final EventType APPEAL_DECIDED =
            competition("appeal.decided.v1", Topics.COMPETITION_JUDGING, "appeal-decided.v1");
    public static final EventType SCORES_FINALISED =
            competition("results.scores-finalised.v1", Topics.COMPETITION_JUDGING, "scores-finalised.v1");

    static final List<EventType> JUDGING_TYPES = List.of(RESULTS_PUBLISHED, RESULTS_FINALISED, APPEAL_LODGED,
            APPEAL_DECIDED, SCORES_FINALISED);

    // ---- competition-service: titles, certifications, honours and innovation ----

    public static final EventType TITLE_CONFERRED =
            competition("honour.title-conferred.v1", Topics.COMPETITION_HONOUR, "title-conferred.v1");
    public static final EventType SKILL_LEVEL_CERTIFIED =
            competition("honour.skill-level-certified.v1", Topics.COMPETITION_HONOUR, "skill-level-certified.v1");
    public static final EventType HONOUR_CONFERRED =
            competition("honour.honour-conferred.v1", Topics.COMPETITION_HONOUR, "honour-conferred.v1");
    public static final EventType HONOUR_REVOKED =
            competition("honour.honour-revoked.v1", Topics.COMPETITION_HONOUR, "honour-revoked.v1");

    public static final EventType HONOUR_NOMINATED =
            competition("honour.honour-nominated.v1", Topics.COMPETITION_HONOUR, "honour-nominated.v1");
    public static final EventType HONOUR_APPROVED =
            competition("honour.honour-approved.v1", Topics.COMPETITION_HONOUR, "honour-approved.v1");
    public static final EventType INNOVATION_SUBMITTED =
            competition("innovation.submitted.v1", Topics.COMPETITION_INNOVATION, "innovation-submitted.v1");
    public static final EventType INNOVATION_EVALUATED =
            competition("innovation.evaluated.v1", Topics.COMPETITION_INNOVATION, "innovation-evaluated.v1");
    public static final EventType INNOVATION_BENEFIT_RECORDED = competition("innovation.benefit-recorded.v1",
            Topics.COMPETITION_INNOVATION, "innovation-benefit-recorded.v1");
    public static final EventType INNOVATION_STUDIO_REGISTERED = competition("innovation.studio-registered.v1",
            Topics.COMPETITION_INNOVATION, "innovation-studio-registered.v1");
    public static final EventType STUDIO_LEVEL_CHANGED = competition("innovation.studio-level-changed.v1",
            Topics.COMPETITION_INNOVATION, "studio-level-changed.v1");
    public static final EventType STUDIO_REVIEWED =
            competition("innovation.studio-reviewed.v1", Topics.COMPETITION_INNOVATION, "studio-reviewed.v1");

    static final List<EventType> RECOGNITION_TYPES = List.of(TITLE_CONFERRED, SKILL_LEVEL_CERTIFIED, HONOUR_CONFERRED,
            HONOUR_REVOKED, HONOUR_NOMINATED, HONOUR_APPROVED, INNOVATION_SUBMITTED, INNOVATION_EVALUATED,
            INNOVATION_BENEFIT_RECORDED, INNOVATION_STUDIO_REGISTERED, STUDIO_LEVEL_CHANGED, STUDIO_REVIEWED);

    public static final List<EventType> ALL = concat(List.of(ORG_REGISTERED, ORG_UPDATED, ORG_MOVED, ORG_DISSOLVED,
            APPLICATION_SUBMITTED, APPLICATION_REJECTED, APPLICATION_WITHDRAWN,
            MEMBER_ACTIVATED, MEMBER_TRANSFER_REQUESTED, MEMBER_TRANSFERRED, MEMBER_TRANSFER_CLOSED,
            MEMBERSHIP_RETAINED, MEMBERSHIP_REINSTATED, MEMBERSHIP_TERMINATED,
            MEMBER_GROUP_TAGS_CHANGED, MEMBER_EMPLOYMENT_CHANGED, MEMBER_ACCOUNT_LINKED,
            COLLECTIVE_ENROLMENT_COMPLETED,
            HARDSHIP_CASE_FILED, HARDSHIP_CASE_APPROVED, HARDSHIP_CASE_RELIEVED, HARDSHIP_CASE_CLOSED,
            HARDSHIP_CASE_REOPENED,
            CAMPAIGN_LAUNCHED, CONDOLENCE_DELIVERED,
            AID_APPLICATION_SUBMITTED, AID_APPLICATION_APPROVED, AID_APPLICATION_REJECTED,
            AID_DISBURSED,
            MUTUAL_AID_ENROLLED, MUTUAL_AID_CLAIM_SUBMITTED, MUTUAL_AID_CLAIM_APPROVED, MUTUAL_AID_CLAIM_REJECTED,
            MUTUAL_AID_CLAIM_PAID,
            WORK_ORDER_CREATED, WORK_ORDER_DISPATCHED, WORK_ORDER_ACCEPTED, WORK_ORDER_ESCALATED, WORK_ORDER_RESOLVED,
            WORK_ORDER_RATED, WORK_ORDER_CLOSED, SLA_BREACHED,
            DISPUTE_CASE_OPENED, LEGAL_AID_GRANTED, MEDIATION_SESSION_HELD, MEDIATION_AGREEMENT_REACHED,
            MEDIATION_FAILED, CASE_REFERRED, DISPUTE_CASE_CLOSED, CASE_FOLLOW_UP_COMPLETED, DISPUTE_CASE_REOPENED,
            HARDSHIP_REFERRED,
            SUPERVISION_NOTICE_ISSUED,
            BARGAINING_OFFER_ISSUED, COLLECTIVE_CONTRACT_SIGNED, COLLECTIVE_CONTRACT_EXPIRED,
            COLLECTIVE_CONTRACT_RENEWED),
            COMPETITION_TYPES, JUDGING_TYPES, RECOGNITION_TYPES);

    public static Optional<EventType> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    @SafeVarargs
    private static List<EventType> concat(List<EventType>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }

    private static EventType competition(String name, String topic, String schemaFile) {
        return new EventType("cn.smartunion.competition." + name, topic,
                "/schemas/competition/" + schemaFile + ".json", COMPETITION_SOURCE);
    }

    private static EventType membership(String name, String topic, String schemaFile) {
        return new EventType("cn.smartunion.membership." + name, topic,
                "/schemas/membership/" + schemaFile + ".json", MEMBERSHIP_SOURCE);
    }

    private static EventType aid(String name, String topic, String schemaFile) {
        return new EventType("cn.smartunion.aid." + name, topic, "/schemas/aid/" + schemaFile + ".json", AID_SOURCE);
    }

    private static EventType rights(String name, String topic, String schemaFile) {
        return new EventType("cn.smartunion.rights." + name, topic, "/schemas/rights/" + schemaFile + ".json",
                RIGHTS_SOURCE);
    }

    private EventTypes() {
    }
}
