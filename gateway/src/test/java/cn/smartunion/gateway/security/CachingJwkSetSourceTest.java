package cn.smartunion.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.smartunion.gateway.support.IdentityProviderStub;
import cn.smartunion.gateway.support.MutableClock;
import cn.smartunion.gateway.support.TestTokens;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class CachingJwkSetSourceTest {

    private static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);
    private static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final RSAKey REALM_KEY = TestTokens.SIGNING_KEY;
    private static final RSAKey ROTATED_IN_KEY = TestTokens.UNPUBLISHED_KEY;

    private final IdentityProviderStub identityProvider = IdentityProviderStub.start(REALM_KEY);
    private final MutableClock clock = new MutableClock(Instant.parse("2025-05-01T08:00:00Z"));
    private final CachingJwkSetSource source = new CachingJwkSetSource(WebClient.create(), identityProvider.jwksUri(),
            JWSAlgorithm.RS256, TIME_TO_LIVE, MIN_REFRESH_INTERVAL, Duration.ofSeconds(5), clock);

    @AfterEach
    void stopIdentityProvider() {
        identityProvider.close();
    }

    @Test
    void fetchesNothingBeforeTheFirstToken() {
        assertThat(identityProvider.jwksFetches()).isZero();
    }

    @Test
    void servesKnownKeysFromMemory() {
        for (int i = 0; i < 3; i++) {
            assertThat(keysFor(REALM_KEY)).extracting(JWK::getKeyID).containsExactly(REALM_KEY.getKeyID());
        }

        assertThat(identityProvider.jwksFetches()).isEqualTo(1);
    }

    @Test
    void hasOnlyThePublicHalfOfTheKeys() {
        assertThat(keysFor(REALM_KEY)).singleElement().satisfies(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void picksUpARotatedKeyButRefetchesAtMostOncePerInterval() {
        keysFor(REALM_KEY);
        identityProvider.publish(List.of(REALM_KEY, ROTATED_IN_KEY));

        assertThat(keysFor(ROTATED_IN_KEY)).as("within the interval of the last fetch").isEmpty();
        assertThat(keysFor(ROTATED_IN_KEY)).isEmpty();
        assertThat(identityProvider.jwksFetches()).isEqualTo(1);

        clock.advance(MIN_REFRESH_INTERVAL);
        assertThat(keysFor(ROTATED_IN_KEY)).extracting(JWK::getKeyID).containsExactly(ROTATED_IN_KEY.getKeyID());
        assertThat(identityProvider.jwksFetches()).isEqualTo(2);
    }

    @Test
    void servesExpiredKeysAtOnceAndReplacesThemInTheBackground() {
        keysFor(REALM_KEY);
        clock.advance(TIME_TO_LIVE.minusSeconds(1));
        keysFor(REALM_KEY);
        assertThat(identityProvider.jwksFetches()).as("still fresh").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        identityProvider.hold();
        identityProvider.publish(List.of(REALM_KEY, ROTATED_IN_KEY));

        // answered from memory while the refresh it started is still unanswered
        CompletableFuture<List<JWK>> expired = source.apply(tokenSignedWith(REALM_KEY)).collectList().toFuture();
        assertThat(expired).isCompleted();
        assertThat(expired.join()).extracting(JWK::getKeyID).containsExactly(REALM_KEY.getKeyID());
        await().atMost(WAIT).until(identityProvider::jwksFetches, fetches -> fetches == 2);

        // more tokens meanwhile neither wait nor start another fetch
        assertThat(source.apply(tokenSignedWith(REALM_KEY)).collectList().toFuture()).isCompleted();
        identityProvider.release();

        // the background fetch brought the rotated key in; no further fetch was needed for it
        await().atMost(WAIT).untilAsserted(() ->
            assertThat(keysFor(ROTATED_IN_KEY)).extracting(JWK::getKeyID).containsExactly(ROTATED_IN_KEY.getKeyID()));
        assertThat(identityProvider.jwksFetches()).isEqualTo(2);
    }

    @Test
    void refreshesExpiredKeysInTheBackgroundAtMostOncePerInterval() {
        keysFor(REALM_KEY);
        identityProvider.fail();
        clock.advance(TIME_TO_LIVE);

        keysFor(REALM_KEY);
        await().atMost(WAIT).until(identityProvider::jwksFetches, fetches -> fetches == 2);
        for (int i = 0; i < 5; i++) {
            keysFor(REALM_KEY);
        }
        assertThat(identityProvider.jwksFetches()).isEqualTo(2);

        // once the interval has passed (and the failed refresh has finished), the next token starts another
        clock.advance(MIN_REFRESH_INTERVAL);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(keysFor(REALM_KEY)).hasSize(1);
            assertThat(identityProvider.jwksFetches()).isEqualTo(3);
        });
    }

    @Test
    void keepsUsingTheKeysItHasWhileTheIdentityProviderIsDown() {
        keysFor(REALM_KEY);
        identityProvider.fail();
        clock.advance(TIME_TO_LIVE);

        assertThat(keysFor(REALM_KEY)).extracting(JWK::getKeyID).containsExactly(REALM_KEY.getKeyID());
        await().atMost(WAIT).until(identityProvider::jwksFetches, fetches -> fetches == 2);
        assertThat(keysFor(REALM_KEY)).extracting(JWK::getKeyID).containsExactly(REALM_KEY.getKeyID());
    }

    @Test
    void reportsKeysUnavailableWhenNoneWereEverFetched() {
        identityProvider.fail();

        assertThatThrownBy(() -> keysFor(REALM_KEY)).isInstanceOf(JwksUnavailableException.class);
        assertThatThrownBy(() -> keysFor(REALM_KEY)).isInstanceOf(JwksUnavailableException.class);
        assertThat(identityProvider.jwksFetches()).as("the second call within the interval does not fetch").isEqualTo(1);

        identityProvider.recover();
        clock.advance(MIN_REFRESH_INTERVAL);
        assertThat(keysFor(REALM_KEY)).hasSize(1);
    }

    @Test
    void letsConcurrentRequestsShareOneFetch() throws Exception {
        int requests = 20;
        identityProvider.hold();
        ExecutorService callers = Executors.newFixedThreadPool(requests);
        try {
            // all callers ask at once, from their own threads
            CyclicBarrier start = new CyclicBarrier(requests);
            List<Future<CompletableFuture<List<JWK>>>> asked = IntStream.range(0, requests)
                .mapToObj(i -> callers.submit(() -> {
                    start.await();
                    return source.apply(tokenSignedWith(REALM_KEY)).collectList().toFuture();
                }))
                .toList();
            List<CompletableFuture<List<JWK>>> answers = new ArrayList<>();
            for (Future<CompletableFuture<List<JWK>>> ask : asked) {
                answers.add(ask.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }

            // every caller is waiting while the one fetch is held at the identity provider
            await().atMost(WAIT).until(identityProvider::jwksFetches, fetches -> fetches == 1);
            assertThat(answers).noneMatch(CompletableFuture::isDone);

            identityProvider.release();
            for (CompletableFuture<List<JWK>> answer : answers) {
                assertThat(answer.get(WAIT.toSeconds(), TimeUnit.SECONDS)).extracting(JWK::getKeyID)
                    .containsExactly(REALM_KEY.getKeyID());
            }
            assertThat(identityProvider.jwksFetches()).isEqualTo(1);
        }
        finally {
            callers.shutdownNow();
        }
    }

    @Test
    void looksNothingUpForATokenSignedWithAnotherAlgorithm() {
        SignedJWT hmacToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(REALM_KEY.getKeyID()).build(),
                new JWTClaimsSet.Builder().build());

        assertThat(source.apply(hmacToken).collectList().block(WAIT)).isEmpty();
        assertThat(identityProvider.jwksFetches()).isZero();
    }

    private List<JWK> keysFor(RSAKey signingKey) {
        return source.apply(tokenSignedWith(signingKey)).collectList().block(WAIT);
    }

    private static SignedJWT tokenSignedWith(RSAKey key) {
        // only the header matters to the key source
        return new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().build());
    }
}
