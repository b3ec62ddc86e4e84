package cn.smartunion.gateway.ratelimit;

import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import cn.smartunion.gateway.problem.ProblemKind;
import cn.smartunion.gateway.problem.ProblemResponses;
import cn.smartunion.gateway.ratelimit.RateLimitDecision.Policy;
import cn.smartunion.gateway.requestid.RequestIdWebFilter;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Counts every authenticated request against its budget before it is routed. A request over budget, or a partner's
 * request beyond its concurrency cap, is answered 429 with {@code Retry-After} and never reaches a service (nor its
 * breaker). Every limited response carries the budget in {@code RateLimit-Limit}, {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset} (seconds), the fields of the IETF RateLimit header draft that clients already understand.
 * Anonymous requests have been answered 401 before this runs (or are public documents, which are not limited).
 */
@Component
@Order(RateLimitWebFilter.ORDER)
public class RateLimitWebFilter implements WebFilter {

    /** Right after Spring Security's filter chain (order -100), which has established who is calling. */
    public static final int ORDER = -90;

    public static final String LIMIT_HEADER = "RateLimit-Limit";
    public static final String REMAINING_HEADER = "RateLimit-Remaining";
    public static final String RESET_HEADER = "RateLimit-Reset";

    private static final Logger log = LoggerFactory.getLogger(RateLimitWebFilter.class);

    private final RateLimiter limiter;
    private final ProblemResponses problems;
    private final MeterRegistry meters;

    public RateLimitWebFilter(RateLimiter limiter, ProblemResponses problems, MeterRegistry meters) {
        this.limiter = limiter;
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!limiter.isEnabled()) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
            .ofType(JwtAuthenticationToken.class)
            .map(authentication -> Optional.of(limiter.check(authentication.getToken())))
            .defaultIfEmpty(Optional.empty())
            .flatMap(decision -> decision.isEmpty() ? chain.filter(exchange) : apply(decision.get(), exchange, chain));
    }

    private Mono<Void> apply(RateLimitDecision decision, ServerWebExchange exchange, WebFilterChain chain) {
        if (decision.allowed()) {
            describe(decision, exchange.getResponse().getHeaders());
            // answered, failed or given up by the caller: the request is no longer in flight
            return chain.filter(exchange).doFinally(signal -> decision.release().run());
        }
        rejections(decision.policy()).increment();
        log.debug("Refused request {} over the {} budget", RequestIdWebFilter.requestId(exchange), decision.policy().tag());
        ProblemKind kind = switch (decision.policy()) {
            case PARTNER_DAILY -> ProblemKind.QUOTA_EXCEEDED;
            case PARTNER_CONCURRENCY -> ProblemKind.TOO_MANY_CONCURRENT_REQUESTS;
            case USER, PARTNER_RATE -> ProblemKind.RATE_LIMITED;
        };
        return problems.write(exchange, problems.problem(exchange, kind), headers -> {
            ProblemResponses.retryAfter(decision.retryAfter()).accept(headers);
            describe(decision, headers);
        });
    }

    private static void describe(RateLimitDecision decision, HttpHeaders headers) {
        headers.set(LIMIT_HEADER, Long.toString(decision.limit()));
        headers.set(REMAINING_HEADER, Long.toString(decision.remaining()));
        headers.set(RESET_HEADER, Long.toString(seconds(decision.reset())));
    }

    private static long seconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }

    private Counter rejections(Policy policy) {
        // no user or client ids as tags: unbounded cardinality (and pseudonymous ids do not belong in metrics)
        return Counter.builder("smartunion.gateway.rate.limit.rejections")
            .description("Requests refused with 429 because a budget was used up or a partner had too many in flight")
            .tag("policy", policy.tag())
            .register(meters);
    }
}
