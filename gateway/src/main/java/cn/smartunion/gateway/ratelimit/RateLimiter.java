package cn.smartunion.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cn.smartunion.gateway.ratelimit.RateLimitDecision.Policy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Decides whether an authenticated request is within its budget: a partner client's quota and concurrency cap when the
 * token was issued to a configured partner client, the user's own budget otherwise.
 * <p>
 * In memory, per gateway replica. Memory stays bounded: partners are a fixed, configured set; user buckets live in a
 * cache holding at most {@code max-tracked-users} entries, each dropped once it has been idle long enough to refill
 * (a fresh bucket is then the same, so nothing is lost). Only validated tokens get here, so the keys are real
 * subjects, not whatever a caller makes up.
 */
@Component
public class RateLimiter {

    /** A partner at its concurrency cap may try again this soon: requests in flight usually end within a second. */
    private static final long CONCURRENCY_RETRY_AFTER_MILLIS = 1_000;

    private static final Runnable NOTHING_HELD = () -> {
    };

    private final RateLimitProperties properties;
    private final Clock clock;
    private final Cache<String, TokenBucket> userBuckets;
    private final Map<String, PartnerBudget> partners;

    @Autowired
    public RateLimiter(RateLimitProperties properties) {
        this(properties, Clock.systemUTC());
    }

    public RateLimiter(RateLimitProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        RateLimitProperties.UserLimit user = properties.user();
        this.userBuckets = Caffeine.newBuilder()
            .maximumSize(user.maxTrackedUsers())
            .expireAfterAccess(Duration.ofMillis(Math.max(1_000, TokenBucket.millisToFill(user.burst(), user.perMinute()))))
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            // evict on the calling thread: no background tasks, and the bound holds as soon as a call returns
            .executor(Runnable::run)
            .build();
        this.partners = properties.partners().entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> new PartnerBudget(entry.getValue())));
    }

    public boolean isEnabled() {
        return properties.enabled();
    }

    public RateLimitDecision check(Jwt token) {
        long now = clock.millis();
        Optional<PartnerBudget> partner = partnerClient(token).map(partners::get);
        if (partner.isPresent()) {
            return partner.get().take(now);
        }
        // Keycloak always sets sub; a token without one is still somebody's, so it is counted by its client
        String subject = token.getSubject() != null ? token.getSubject() : "client:" + partnerClient(token).orElse("");
        return takeFromUserBucket(subject, now);
    }

    /** How many user buckets are held right now. */
    public long trackedUsers() {
        userBuckets.cleanUp();
        return userBuckets.estimatedSize();
    }

    private Optional<String> partnerClient(Jwt token) {
        for (String claim : properties.partnerClientClaims()) {
            String value = token.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private RateLimitDecision takeFromUserBucket(String subject, long now) {
        RateLimitProperties.UserLimit limit = properties.user();
        TokenBucket bucket = userBuckets.get(subject, key -> new TokenBucket(limit.burst(), limit.perMinute(), now));
        synchronized (bucket) {
            bucket.refill(now);
            if (!bucket.hasToken()) {
                return refused(Policy.USER, bucket.capacity(), bucket.remaining(), bucket.millisUntilFull(), bucket.millisUntilToken());
            }
            bucket.take();
            return allowed(Policy.USER, bucket.capacity(), bucket.remaining(), bucket.millisUntilFull(), NOTHING_HELD);
        }
    }

    private static RateLimitDecision allowed(Policy policy, long limit, long remaining, long resetMillis, Runnable release) {
        return new RateLimitDecision(true, policy, limit, remaining, Duration.ofMillis(resetMillis), Duration.ZERO, release);
    }

    private static RateLimitDecision refused(Policy policy, long limit, long remaining, long resetMillis, long retryAfterMillis) {
        return new RateLimitDecision(false, policy, limit, remaining, Duration.ofMillis(resetMillis), Duration.ofMillis(retryAfterMillis),
                NOTHING_HELD);
    }

    /**
     * A partner client's rate and daily quota, taken together or not at all, and its requests in flight. A request
     * refused for either takes nothing from the other.
     */
    private final class PartnerBudget {

        private final TokenBucket rate;
        private final DailyQuota daily;
        private final int maxConcurrentRequests;
        // guarded by this
        private int inFlight;

        PartnerBudget(RateLimitProperties.PartnerQuota quota) {
            this.rate = new TokenBucket(quota.burst(), quota.perMinute(), clock.millis());
            this.daily = new DailyQuota(quota.perDay(), properties.quotaZone());
            this.maxConcurrentRequests = quota.maxConcurrentRequests();
        }

        synchronized RateLimitDecision take(long now) {
            rate.refill(now);
            daily.roll(now);
            if (!daily.hasRoom()) {
                long untilTomorrow = daily.millisUntilReset(now);
                return refused(Policy.PARTNER_DAILY, daily.limit(), 0, untilTomorrow, untilTomorrow);
            }
            if (!rate.hasToken()) {
                return refused(Policy.PARTNER_RATE, rate.capacity(), rate.remaining(), rate.millisUntilFull(), rate.millisUntilToken());
            }
            if (inFlight >= maxConcurrentRequests) {
                return refused(Policy.PARTNER_CONCURRENCY, maxConcurrentRequests, 0, CONCURRENCY_RETRY_AFTER_MILLIS,
                        CONCURRENCY_RETRY_AFTER_MILLIS);
            }
            rate.take();
            daily.take();
            inFlight++;
            // tell the caller about the budget that runs out first
            return daily.remaining() < rate.remaining()
                    ? allowed(Policy.PARTNER_DAILY, daily.limit(), daily.remaining(), daily.millisUntilReset(now), this::release)
                    : allowed(Policy.PARTNER_RATE, rate.capacity(), rate.remaining(), rate.millisUntilFull(), this::release);
        }

        private synchronized void release() {
            inFlight--;
        }
    }
}
