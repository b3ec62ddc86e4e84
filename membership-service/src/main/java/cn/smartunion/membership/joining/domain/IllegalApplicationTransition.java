package cn.smartunion.membership.joining.domain;

/** A decision the application's current status does not allow (e.g. rejecting an approved application). */
public class IllegalApplicationTransition extends RuntimeException {

    private final ApplicationStatus from;

    public IllegalApplicationTransition(ApplicationStatus from, String change) {
        super("An application that is " + from + " cannot be " + change);
        this.from = from;
    }

    public ApplicationStatus from() {
        return from;
    }
}
