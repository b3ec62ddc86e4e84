package cn.smartunion.contracts;

import java.util.List;
import java.util.Optional;

/** The catalogue of every event type the suite emits. */
public final class EventTypes {

    public static final String MEMBERSHIP_SOURCE = "/membership-service";
    public static final String AID_SOURCE = "/aid-service";

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

    public static final List<EventType> ALL = List.of(ORG_REGISTERED, ORG_UPDATED, ORG_MOVED, ORG_DISSOLVED,
            APPLICATION_SUBMITTED, APPLICATION_REJECTED, APPLICATION_WITHDRAWN,
            MEMBER_ACTIVATED, MEMBER_TRANSFER_REQUESTED, MEMBER_TRANSFERRED, MEMBER_TRANSFER_CLOSED,
            MEMBERSHIP_RETAINED, MEMBERSHIP_REINSTATED, MEMBERSHIP_TERMINATED,
            MEMBER_GROUP_TAGS_CHANGED, MEMBER_EMPLOYMENT_CHANGED,
            COLLECTIVE_ENROLMENT_COMPLETED,
            HARDSHIP_CASE_FILED, HARDSHIP_CASE_APPROVED, HARDSHIP_CASE_RELIEVED, HARDSHIP_CASE_CLOSED,
            HARDSHIP_CASE_REOPENED,
            CAMPAIGN_LAUNCHED, CONDOLENCE_DELIVERED,
            AID_APPLICATION_SUBMITTED, AID_APPLICATION_APPROVED, AID_APPLICATION_REJECTED,
            AID_DISBURSED,
            MUTUAL_AID_ENROLLED, MUTUAL_AID_CLAIM_SUBMITTED, MUTUAL_AID_CLAIM_APPROVED, MUTUAL_AID_CLAIM_REJECTED,
            MUTUAL_AID_CLAIM_PAID);

    public static Optional<EventType> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    private static EventType membership(String name, String topic, String schemaFile) {
        return new EventType("cn.smartunion.membership." + name, topic,
                "/schemas/membership/" + schemaFile + ".json", MEMBERSHIP_SOURCE);
    }

    private static EventType aid(String name, String topic, String schemaFile) {
        return new EventType("cn.smartunion.aid." + name, topic, "/schemas/aid/" + schemaFile + ".json", AID_SOURCE);
    }

    private EventTypes() {
    }
}
