package cn.smartunion.gateway.ratelimit;

/**
 * Up to {@code capacity} requests at once, refilled continuously at {@code perMinute}. Not thread-safe: the owner
 * synchronises.
 */
final class TokenBucket {

    private static final double MILLIS_PER_MINUTE = 60_000d;

    private final long capacity;
    private final double tokensPerMilli;
    private double tokens;
    private long refilledAt;

    TokenBucket(long capacity, long perMinute, long now) {
        this.capacity = capacity;
        this.tokensPerMilli = perMinute / MILLIS_PER_MINUTE;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    void refill(long now) {
        // a wall clock set back must not mint tokens (nor take any)
        long elapsed = Math.max(0, now - refilledAt);
        tokens = Math.min(capacity, tokens + elapsed * tokensPerMilli);
        refilledAt = Math.max(refilledAt, now);
    }

    boolean hasToken() {
        return tokens >= 1;
    }

    void take() {
        tokens -= 1;
    }

    long capacity() {
        return capacity;
    }

    long remaining() {
        return (long) Math.floor(tokens);
    }

    /** Milliseconds until one whole token is there. */
    long millisUntilToken() {
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / tokensPerMilli);
    }

    /** Milliseconds until the bucket is full again. */
    long millisUntilFull() {
        return (long) Math.ceil((capacity - tokens) / tokensPerMilli);
    }

    /** How long an untouched bucket takes to fill up from empty: after that it is as good as a new one. */
    static long millisToFill(long capacity, long perMinute) {
        return (long) Math.ceil(capacity * MILLIS_PER_MINUTE / perMinute);
    }
}
