package cn.smartunion.competition.results.domain;

import java.time.Instant;

/** An appeal arrived after the appeal deadline of the current results (or after they became final). */
public class AppealWindowClosed extends RuntimeException {

    private final Instant appealDeadline;

    public AppealWindowClosed(Instant appealDeadline) {
        super("the appeal window closed at " + appealDeadline);
        this.appealDeadline = appealDeadline;
    }

    public Instant appealDeadline() {
        return appealDeadline;
    }
}
