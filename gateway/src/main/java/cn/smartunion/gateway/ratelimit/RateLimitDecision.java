package cn.smartunion.gateway.ratelimit;

import java.time.Duration;

/**
 * What the limiter said about one request, with what the caller is told in the response headers.
 *
 * @param allowed whether the request may pass
 * @param policy the budget that decided: the one that refused, or the one closest to running out
 * @param limit that budget's size
 * @param remaining requests left in it
 * @param reset until it is whole again
 * @param retryAfter until a refused request may be tried again; zero when allowed
 * @param release gives back what an allowed request holds while it is in flight (a partner's concurrency slot): run it
 *        once when the request is over, however it ended; it does nothing for other decisions
 */
public record RateLimitDecision(boolean allowed, Policy policy, long limit, long remaining, Duration reset, Duration retryAfter,
        Runnable release) {

    /** The budgets; the metric tag and log name of each is its {@link #tag()}. */
    public enum Policy {
        USER("user"), PARTNER_RATE("partner-rate"), PARTNER_DAILY("partner-daily"), PARTNER_CONCURRENCY("partner-concurrency");

        private final String tag;

        Policy(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }
}
