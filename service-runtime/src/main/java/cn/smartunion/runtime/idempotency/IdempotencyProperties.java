package cn.smartunion.runtime.idempotency;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code smartunion.idempotency.*}.
 *
 * @param enabled whether writes honour {@code Idempotency-Key} (default true)
 * @param retention how long a completed key is remembered and its response replayed (default 24h); a retry after
 *                  that runs as a new request
 * @param inProgressWait how long a retry that finds the first request still running waits for its response before
 *                       it is answered 409 with {@code Retry-After} (default 2s); waiting holds a request thread
 * @param lease how long a claim belongs to the request that made it (default 60s). A retry takes over a claim whose
 *              lease ran out, on the assumption that its request died with its process: keep it well above the
 *              longest write a service runs (the gateway gives up after 10s by default), or a slow first request and
 *              its retry both take effect
 * @param maxStoredBody the largest response body stored for replay (default 256KB). A larger body is not stored but
 *                      the key is still completed, so the write is never repeated: its retries get the original
 *                      status and headers ({@code Location}, {@code ETag}, ...) with an empty body
 * @param queryPaths path prefixes of POSTs that are queries, not writes (e.g. a verification that must be audited on
 *                   every call): the key is ignored there and each call runs anew
 */
@ConfigurationProperties("smartunion.idempotency")
public record IdempotencyProperties(@DefaultValue("true") boolean enabled, @DefaultValue("24h") Duration retention,
        @DefaultValue("2s") Duration inProgressWait, @DefaultValue("60s") Duration lease,
        @DefaultValue("256KB") DataSize maxStoredBody, @DefaultValue List<String> queryPaths) {

    public IdempotencyProperties {
        queryPaths = List.copyOf(queryPaths);
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("smartunion.idempotency.retention must be positive");
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("smartunion.idempotency.lease must be positive");
        }
        if (lease.compareTo(retention) > 0) {
            throw new IllegalArgumentException("smartunion.idempotency.lease must not exceed the retention");
        }
        if (inProgressWait.isNegative()) {
            throw new IllegalArgumentException("smartunion.idempotency.in-progress-wait must not be negative");
        }
        if (maxStoredBody.isNegative()) {
            throw new IllegalArgumentException("smartunion.idempotency.max-stored-body must not be negative");
        }
    }
}
