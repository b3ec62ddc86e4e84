package cn.smartunion.gateway.ratelimit;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Request budgets at the edge. Every budget is kept in this gateway replica's memory: with N replicas behind a
 * load balancer a caller gets up to N times the configured budget, so configure each replica with its share (or see
 * the README for moving to a shared store).
 *
 * @param enabled whether authenticated requests are limited at all
 * @param user the budget of each signed-in user, keyed by the token's subject
 * @param partners the quota of each partner client (client credentials), keyed by client id; a token whose client
 *        claim names one of them is counted against that client's quota instead of a user budget
 * @param partnerClientClaims the claims that name the client a token was issued to, first present wins
 * @param quotaZone the time zone whose midnight starts a new daily quota
 */
@ConfigurationProperties("smart-union.gateway.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, UserLimit user, Map<String, PartnerQuota> partners,
        @DefaultValue({ "azp", "client_id" }) List<String> partnerClientClaims, @DefaultValue("Asia/Shanghai") ZoneId quotaZone) {

    public RateLimitProperties {
        Assert.notNull(user, "smart-union.gateway.rate-limits.user must be set");
        partners = partners == null ? Map.of() : Map.copyOf(partners);
        partnerClientClaims = List.copyOf(partnerClientClaims);
    }

    /**
     * A token bucket per user: up to {@code burst} requests at once, refilled at {@code perMinute}.
     *
     * @param maxTrackedUsers at most this many users' buckets are held; a bucket idle long enough to have refilled is
     *        dropped anyway, since a fresh one is the same
     */
    public record UserLimit(int perMinute, int burst, @DefaultValue("100000") int maxTrackedUsers) {

        public UserLimit {
            Assert.isTrue(perMinute > 0, "smart-union.gateway.rate-limits.user.per-minute must be positive");
            Assert.isTrue(burst > 0, "smart-union.gateway.rate-limits.user.burst must be positive");
            Assert.isTrue(maxTrackedUsers > 0, "smart-union.gateway.rate-limits.user.max-tracked-users must be positive");
        }
    }

    /**
     * A partner client's quota: a token bucket of {@code burst} (default {@code perMinute}) refilled at
     * {@code perMinute}, at most {@code perDay} requests per calendar day in the quota zone, and at most
     * {@code maxConcurrentRequests} in flight at once, so that one partner's burst cannot take up the routes'
     * bulkheads, which members and staff share.
     */
    public record PartnerQuota(int perMinute, Integer burst, long perDay, @DefaultValue("20") int maxConcurrentRequests) {

        public PartnerQuota {
            Assert.isTrue(perMinute > 0, "a partner's per-minute quota must be positive");
            Assert.isTrue(perDay > 0, "a partner's per-day quota must be positive");
            burst = burst == null ? perMinute : burst;
            Assert.isTrue(burst > 0, "a partner's burst must be positive");
            Assert.isTrue(maxConcurrentRequests > 0, "a partner's max-concurrent-requests must be positive");
        }
    }
}
