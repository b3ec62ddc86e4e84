package cn.smartunion.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.smartunion.gateway.ratelimit.RateLimitDecision.Policy;
import cn.smartunion.gateway.support.MutableClock;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** A concurrency cap that a test holding no requests in flight never reaches. */
    private static final int MANY = 1_000;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-05-01T08:00:00Z"));

    @Test
    void givesEachUserABurstThenRefillsAtTheConfiguredRate() {
        RateLimiter limiter = limiter(userLimit(60, 5, 1000), Map.of());
        Jwt user = userToken("user-1");

        List<RateLimitDecision> burst = IntStream.range(0, 5).mapToObj(i -> limiter.check(user)).toList();
        assertThat(burst).allMatch(RateLimitDecision::allowed);
        assertThat(burst).extracting(RateLimitDecision::remaining).containsExactly(4L, 3L, 2L, 1L, 0L);

        RateLimitDecision refused = limiter.check(user);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.policy()).isEqualTo(Policy.USER);
        // 60 a minute: one more each second
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(refused.limit()).isEqualTo(5);

        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.check(user).allowed()).isTrue();
        assertThat(limiter.check(user).allowed()).isFalse();
    }

    @Test
    void keepsUsersIndependentOfEachOther() {
        RateLimiter limiter = limiter(userLimit(60, 3, 1000), Map.of());
        for (int i = 0; i < 3; i++) {
            limiter.check(userToken("busy"));
        }
        assertThat(limiter.check(userToken("busy")).allowed()).isFalse();

        assertThat(limiter.check(userToken("quiet")).allowed()).isTrue();
        assertThat(limiter.check(userToken("quiet")).remaining()).isEqualTo(1);
    }

    @Test
    void countsAPartnersTokensAgainstTheClientsQuotaNotTheServiceAccountsUserBudget() {
        RateLimiter limiter = limiter(userLimit(60, 1, 1000),
                Map.of("portal", new RateLimitProperties.PartnerQuota(600, 10, 100_000, MANY)));

        // different tokens (and subjects) of the same client share one quota
        List<RateLimitDecision> decisions = IntStream.range(0, 12).mapToObj(i -> limiter.check(partnerToken("portal", "sa-" + (i % 3)))).toList();

        assertThat(decisions).filteredOn(RateLimitDecision::allowed).hasSize(10);
        assertThat(decisions.get(11).policy()).isEqualTo(Policy.PARTNER_RATE);
        assertThat(decisions.get(11).retryAfter()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void stopsAPartnerAtItsDailyQuotaUntilMidnightInTheQuotaZone() {
        // 23:59:30 in Beijing
        clock.set(Instant.parse("2025-05-01T15:59:30Z"));
        RateLimiter limiter = limiter(userLimit(60, 5, 1000), Map.of("portal", new RateLimitProperties.PartnerQuota(600, null, 3, MANY)));

        assertThat(IntStream.range(0, 3).mapToObj(i -> limiter.check(partnerToken("portal", "sa")))).allMatch(RateLimitDecision::allowed);
        RateLimitDecision refused = limiter.check(partnerToken("portal", "sa"));

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.policy()).isEqualTo(Policy.PARTNER_DAILY);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(refused.remaining()).isZero();

        clock.advance(Duration.ofSeconds(30));
        assertThat(limiter.check(partnerToken("portal", "sa")).allowed()).isTrue();
    }

    @Test
    void reportsThePartnerBudgetThatRunsOutFirst() {
        RateLimiter limiter = limiter(userLimit(60, 5, 1000), Map.of("portal", new RateLimitProperties.PartnerQuota(600, null, 5, MANY)));

        RateLimitDecision first = limiter.check(partnerToken("portal", "sa"));

        assertThat(first.policy()).isEqualTo(Policy.PARTNER_DAILY);
        assertThat(first.limit()).isEqualTo(5);
        assertThat(first.remaining()).isEqualTo(4);
    }

    @Test
    void capsAPartnersRequestsInFlightWithoutTakingFromItsQuota() {
        RateLimiter limiter = limiter(userLimit(60, 5, 1000), Map.of("portal", new RateLimitProperties.PartnerQuota(600, null, 100, 2)));
        RateLimitDecision first = limiter.check(partnerToken("portal", "sa-1"));
        RateLimitDecision second = limiter.check(partnerToken("portal", "sa-2"));

        RateLimitDecision third = limiter.check(partnerToken("portal", "sa-1"));

        assertThat(first.allowed()).isTrue();
        assertThat(second.allowed()).isTrue();
        assertThat(third.allowed()).isFalse();
        assertThat(third.policy()).isEqualTo(Policy.PARTNER_CONCURRENCY);
        assertThat(third.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(third.limit()).isEqualTo(2);
        assertThat(third.remaining()).isZero();

        // one ends: the next may start, and the refused one took nothing from the day's 100
        first.release().run();
        RateLimitDecision fourth = limiter.check(partnerToken("portal", "sa-1"));
        assertThat(fourth.allowed()).isTrue();
        assertThat(fourth.policy()).isEqualTo(Policy.PARTNER_DAILY);
        assertThat(fourth.remaining()).isEqualTo(97);
        assertThat(limiter.check(partnerToken("portal", "sa-1")).policy()).isEqualTo(Policy.PARTNER_CONCURRENCY);
    }

    @Test
    void tellsAPartnerAtItsCapWhoseQuotaIsUsedUpAboutTheQuota() {
        RateLimiter limiter = limiter(userLimit(60, 5, 1000), Map.of("portal", new RateLimitProperties.PartnerQuota(600, null, 1, 1)));
        assertThat(limiter.check(partnerToken("portal", "sa")).allowed()).isTrue();

        RateLimitDecision refused = limiter.check(partnerToken("portal", "sa"));

        // waiting a second would not help
        assertThat(refused.policy()).isEqualTo(Policy.PARTNER_DAILY);
    }

    @Test
    void treatsAClientThatIsNotAConfiguredPartnerAsAUser() {
        RateLimiter limiter = limiter(userLimit(60, 2, 1000), Map.of("portal", new RateLimitProperties.PartnerQuota(600, null, 5, MANY)));

        RateLimitDecision decision = limiter.check(partnerToken("mobile-app", "member-1"));

        assertThat(decision.policy()).isEqualTo(Policy.USER);
        assertThat(decision.limit()).isEqualTo(2);
    }

    @Test
    void holdsAtMostTheConfiguredNumberOfUsers() {
        RateLimiter limiter = limiter(userLimit(60, 5, 100), Map.of());

        for (int i = 0; i < 10_000; i++) {
            limiter.check(userToken("user-" + i));
        }

        assertThat(limiter.trackedUsers()).isLessThanOrEqualTo(100);
    }

    @Test
    void dropsUsersWhoseBucketsHaveRefilledWhileIdle() {
        // 5 tokens at 60 a minute: full again after 5 seconds
        RateLimiter limiter = limiter(userLimit(60, 5, 1000), Map.of());
        for (int i = 0; i < 50; i++) {
            limiter.check(userToken("user-" + i));
        }
        assertThat(limiter.trackedUsers()).isEqualTo(50);

        clock.advance(Duration.ofSeconds(5));

        assertThat(limiter.trackedUsers()).isZero();
        assertThat(limiter.check(userToken("user-1")).remaining()).as("a dropped bucket comes back full").isEqualTo(4);
    }

    @Test
    void grantsExactlyTheBudgetUnderConcurrentRequests() throws Exception {
        RateLimiter limiter = limiter(userLimit(1, 100, 1000),
                Map.of("portal", new RateLimitProperties.PartnerQuota(100_000, null, 150, MANY)));
        int threads = 8;
        int perThread = 100;
        AtomicInteger userGranted = new AtomicInteger();
        AtomicInteger partnerGranted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        if (limiter.check(userToken("shared")).allowed()) {
                            userGranted.incrementAndGet();
                        }
                        RateLimitDecision partner = limiter.check(partnerToken("portal", "sa"));
                        if (partner.allowed()) {
                            partnerGranted.incrementAndGet();
                            partner.release().run();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(userGranted).hasValue(100);
        assertThat(partnerGranted).hasValue(150);
    }

    private RateLimiter limiter(RateLimitProperties.UserLimit user, Map<String, RateLimitProperties.PartnerQuota> partners) {
        return new RateLimiter(new RateLimitProperties(true, user, partners, List.of("azp", "client_id"), BEIJING), clock);
    }

    private static RateLimitProperties.UserLimit userLimit(int perMinute, int burst, int maxTrackedUsers) {
        return new RateLimitProperties.UserLimit(perMinute, burst, maxTrackedUsers);
    }

    private static Jwt userToken(String subject) {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject(subject).claim("azp", "staff-web").build();
    }

    private static Jwt partnerToken(String clientId, String subject) {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject(subject).claim("azp", clientId).build();
    }
}
