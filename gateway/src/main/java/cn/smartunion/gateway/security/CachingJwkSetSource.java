package cn.smartunion.gateway.security;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The issuer's signing keys for {@link org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder}: fetched
 * on first use (never at startup), then served from memory.
 * <p>
 * A token whose key is cached is checked at once, however old the cached set: once the set is older than the
 * time-to-live, the token still uses it and a refresh starts in the background (stale-while-revalidate), so no
 * request waits for the identity provider once keys are known. Only a token naming a key id that is not cached (the
 * issuer rotated its keys, or the token is forged) waits for a fetch, and only when none started within the minimum
 * refresh interval: a stream of forged tokens with made-up key ids cannot make every request a call to the identity
 * provider. Concurrent requests share one fetch. If a fetch fails, the keys already held stay in use.
 */
public final class CachingJwkSetSource implements Function<SignedJWT, Flux<JWK>> {

    private static final Logger log = LoggerFactory.getLogger(CachingJwkSetSource.class);

    private final WebClient webClient;
    private final URI jwkSetUri;
    private final JWSAlgorithm acceptedAlgorithm;
    private final Duration timeToLive;
    private final Duration minRefreshInterval;
    private final Duration fetchTimeout;
    private final Clock clock;

    private volatile Keys keys = Keys.NONE;

    // guarded by this
    private Instant lastFetchStarted = Instant.MIN;
    private Mono<Keys> fetchInFlight;

    public CachingJwkSetSource(WebClient webClient, URI jwkSetUri, JWSAlgorithm acceptedAlgorithm, Duration timeToLive,
            Duration minRefreshInterval, Duration fetchTimeout, Clock clock) {
        this.webClient = webClient;
        this.jwkSetUri = jwkSetUri;
        this.acceptedAlgorithm = acceptedAlgorithm;
        this.timeToLive = timeToLive;
        this.minRefreshInterval = minRefreshInterval;
        this.fetchTimeout = fetchTimeout;
        this.clock = clock;
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        if (!acceptedAlgorithm.equals(jwt.getHeader().getAlgorithm())) {
            // the decoder rejects it anyway; no reason to look for keys, let alone fetch them
            return Flux.empty();
        }
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        return keysFor(selector).flatMapIterable(current -> current.select(selector));
    }

    private Mono<Keys> keysFor(JWKSelector selector) {
        Keys current = keys;
        Instant now = clock.instant();
        if (!current.select(selector).isEmpty()) {
            if (!current.isFresh(now, timeToLive)) {
                refreshInBackground(now);
            }
            return Mono.just(current);
        }
        // no cached key fits: the first token, a rotation at the issuer, or a forgery
        Mono<Keys> fetch = startOrJoinFetch(now);
        if (fetch == null) {
            return current.orUnavailable(null);
        }
        return fetch.onErrorResume(error -> current.orUnavailable(error));
    }

    private void refreshInBackground(Instant now) {
        Mono<Keys> started;
        synchronized (this) {
            if (fetchInFlight != null || isCoolingDown(now)) {
                return;
            }
            started = startFetch(now);
        }
        // the outcome is logged by the fetch itself; a failure keeps the keys already held
        started.subscribe(fetched -> { }, error -> { });
    }

    /** The fetch to wait for, or {@code null} when the last one started too recently to start another. */
    private synchronized Mono<Keys> startOrJoinFetch(Instant now) {
        if (fetchInFlight != null) {
            return fetchInFlight;
        }
        if (isCoolingDown(now)) {
            return null;
        }
        return startFetch(now);
    }

    // guarded by this
    private boolean isCoolingDown(Instant now) {
        return now.isBefore(lastFetchStarted.plus(minRefreshInterval));
    }

    // guarded by this
    private Mono<Keys> startFetch(Instant now) {
        lastFetchStarted = now;
        AtomicReference<Mono<Keys>> self = new AtomicReference<>();
        Mono<Keys> fetch = download()
            .doOnNext(fetched -> keys = fetched)
            .doOnError(error -> log.warn("Could not refresh the JWK set from {}: {}", jwkSetUri, error.getMessage()))
            // before the outcome reaches anyone waiting: whoever looks next must not join a finished fetch
            .doOnEach(signal -> fetchFinished(self.get()))
            .doOnCancel(() -> fetchFinished(self.get()))
            .cache();
        self.set(fetch);
        fetchInFlight = fetch;
        return fetch;
    }

    private synchronized void fetchFinished(Mono<Keys> fetch) {
        if (fetchInFlight == fetch) {
            fetchInFlight = null;
        }
    }

    private Mono<Keys> download() {
        return webClient.get()
            .uri(jwkSetUri)
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .bodyToMono(String.class)
            .switchIfEmpty(Mono.error(() -> new JwksUnavailableException("Empty response for the JWK set from " + jwkSetUri)))
            .timeout(fetchTimeout)
            .map(json -> new Keys(parsePublicKeys(json), clock.instant()))
            .doOnNext(fetched -> log.info("Fetched {} signing keys from {}", fetched.set().size(), jwkSetUri))
            .onErrorMap(error -> !(error instanceof JwksUnavailableException),
                    error -> new JwksUnavailableException("Cannot fetch the JWK set from " + jwkSetUri, error));
    }

    private JWKSet parsePublicKeys(String json) {
        try {
            // a JWK set should never carry private parts; if a misconfigured issuer sends some, do not keep them
            return JWKSet.parse(json).toPublicJWKSet();
        }
        catch (ParseException e) {
            throw new JwksUnavailableException("The JWK set from " + jwkSetUri + " is not valid", e);
        }
    }

    /** The last fetched key set; {@link #NONE} before the first successful fetch. */
    private record Keys(JWKSet set, Instant fetchedAt) {

        static final Keys NONE = new Keys(null, Instant.MIN);

        boolean isFresh(Instant now, Duration timeToLive) {
            return set != null && now.isBefore(fetchedAt.plus(timeToLive));
        }

        List<JWK> select(JWKSelector selector) {
            return set == null ? List.of() : selector.select(set);
        }

        Mono<Keys> orUnavailable(Throwable cause) {
            return set != null ? Mono.just(this)
                    : Mono.error(new JwksUnavailableException("No signing keys are available", cause));
        }
    }
}
