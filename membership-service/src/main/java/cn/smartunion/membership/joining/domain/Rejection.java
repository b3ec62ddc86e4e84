package cn.smartunion.membership.joining.domain;

import cn.smartunion.membership.member.domain.Actor;

import java.time.Instant;
import java.util.Objects;

/**
 * The receiving union's refusal.
 *
 * @param note free text for the applicant, null when none; kept on the application only, never in events (staff
 *             might write personal details into it)
 */
public record Rejection(Actor rejectedBy, Instant rejectedAt, RejectionReason reason, String note) {

    public Rejection {
        Objects.requireNonNull(rejectedBy, "rejectedBy");
        Objects.requireNonNull(rejectedAt, "rejectedAt");
        Objects.requireNonNull(reason, "reason");
    }
}
