package cn.smartunion.membership.staff.application;

import java.time.Duration;
import java.util.Optional;

/** The identity provider cannot be used now: unreachable, failing, its circuit open, or not configured at all. */
public class IdentityProviderUnavailable extends RuntimeException {

    private final Duration retryAfter;

    public IdentityProviderUnavailable(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** When a retry makes sense; empty when waiting will not help (not configured). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
