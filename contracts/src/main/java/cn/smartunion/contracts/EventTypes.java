package cn.smartunion.contracts;

import java.util.List;
import java.util.Optional;

/** The catalogue of every event type the suite emits. */
public final class EventTypes {

    public static final String MEMBERSHIP_SOURCE = "/membership-service";

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

    public static final List<EventType> ALL = List.of(ORG_REGISTERED, ORG_UPDATED, ORG_MOVED, ORG_DISSOLVED,
            APPLICATION_SUBMITTED, APPLICATION_REJECTED, APPLICATION_WITHDRAWN,
            MEMBER_ACTIVATED, MEMBER_TRANSFER_REQUESTED, MEMBER_TRANSFERRED, MEMBER_TRANSFER_CLOSED,
            MEMBERSHIP_RETAINED, MEMBERSHIP_REINSTATED, MEMBERSHIP_TERMINATED,
            MEMBER_GROUP_TAGS_CHANGED, MEMBER_EMPLOYMENT_CHANGED,
            COLLECTIVE_ENROLMENT_COMPLETED);

    public static Optional<EventType> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    private static EventType membership(String name, String topic, String schemaFile) {
        return new EventType("cn.smartunion.membership." + name, topic,
                "/schemas/membership/" + schemaFile + ".json", MEMBERSHIP_SOURCE);
    }

    private EventTypes() {
    }
}
