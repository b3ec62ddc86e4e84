package cn.smartunion.contracts;

import java.util.List;
import java.util.Optional;

/** The catalogue of every event type the suite emits. */
public final class EventTypes {

    public static final String MEMBERSHIP_SOURCE = "/membership-service";

    public static final EventType ORG_REGISTERED = new EventType(
            "cn.smartunion.membership.org.registered.v1", Topics.MEMBERSHIP_ORG,
            "/schemas/membership/org-registered.v1.json", MEMBERSHIP_SOURCE);

    public static final List<EventType> ALL = List.of(ORG_REGISTERED);

    public static Optional<EventType> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    private EventTypes() {
    }
}
