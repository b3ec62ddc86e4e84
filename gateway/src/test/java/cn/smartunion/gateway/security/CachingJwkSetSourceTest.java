package cn.smartunion.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import cn.smartunion.gateway.support.IdentityProviderStub;
import cn.smartunion.gateway.support.TestTokens;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwkSetSourceTest {

    private static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);
    private static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final RSAKey REALM_KEY = TestTokens.SIGNING_KEY;
    private static final RSAKey ROTATED_IN_KEY = TestTokens.UNPUBLISHED_KEY;

    private final IdentityProviderStub identityProvider = IdentityProviderStub.start(REALM_KEY);
    private final MutableClock clock = new MutableClock();
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
    void refetchesKeysOnceTheyExpire() {
        keysFor(REALM_KEY);

        clock.advance(TIME_TO_LIVE.minusSeconds(1));
        keysFor(REALM_KEY);
        assertThat(identityProvider.jwksFetches()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        keysFor(REALM_KEY);
        assertThat(identityProvider.jwksFetches()).isEqualTo(2);
    }

    @Test
    void keepsUsingTheKeysItHasWhileTheIdentityProviderIsDown() {
        keysFor(REALM_KEY);
        identityProvider.fail();
        clock.advance(TIME_TO_LIVE);

        assertThat(keysFor(REALM_KEY)).extracting(JWK::getKeyID).containsExactly(REALM_KEY.getKeyID());
        assertThat(identityProvider.jwksFetches()).isEqualTo(2);
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
    void letsConcurrentRequestsShareOneFetch() {
        List<JWK> keys = Flux.merge(IntStream.range(0, 20).mapToObj(i -> source.apply(tokenSignedWith(REALM_KEY))).toList())
            .collectList()
            .block(WAIT);

        assertThat(keys).hasSize(20);
        assertThat(identityProvider.jwksFetches()).isEqualTo(1);
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

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2025-05-01T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
