package cn.smartunion.runtime.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A stand-in for the Keycloak realm in tests through a real HTTP port: an RSA key, its JWKS served on a loopback
 * port, and RS256-signed access tokens. Point the service at it with
 * {@link #registerResourceServer}.
 * {@link #jwkSetRequests()} shows when the service fetched the key set.
 */
public final class TestJwtIssuer implements AutoCloseable {

    public static final String DEFAULT_ISSUER = "http://keycloak.test/realms/smartunion";

    private final String issuer;

    private final RSAKey signingKey;

    private final HttpServer server;

    private final AtomicInteger jwkSetRequests = new AtomicInteger();

    private TestJwtIssuer(String issuer) throws IOException {
        this.issuer = issuer;
        this.signingKey = rsaKey();
        byte[] jwks = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/protocol/openid-connect/certs", exchange -> {
            jwkSetRequests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.start();
    }

    /** Starts an issuer named {@value #DEFAULT_ISSUER}. */
    public static TestJwtIssuer start() {
        return start(DEFAULT_ISSUER);
    }

    public static TestJwtIssuer start(String issuer) {
        try {
            return new TestJwtIssuer(issuer);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Could not start the JWKS server", ex);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** Points the service's resource server (issuer, key set, required audience) at this issuer. */
    public void registerResourceServer(DynamicPropertyRegistry registry, String audience) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", this::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", this::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> audience);
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/protocol/openid-connect/certs";
    }

    public int jwkSetRequests() {
        return jwkSetRequests.get();
    }

    /** A user's token for the audience, valid for five minutes. */
    public String orgUserToken(String orgPath, String audience, String... roles) {
        return token(claims -> claims.audience(audience)
            .claim("org_path", orgPath)
            .claim("realm_access", Map.of("roles", List.of(roles))));
    }

    /**
     * A token with the defaults (this issuer, a random subject, issued now, expiring in five minutes) changed or
     * extended by {@code claims}.
     */
    public String token(Consumer<JWTClaimsSet.Builder> claims) {
        return sign(signingKey, claims);
    }

    /** A well-formed token signed by a key the JWKS does not publish. */
    public String tokenSignedByUnknownKey(Consumer<JWTClaimsSet.Builder> claims) {
        return sign(rsaKey(), claims);
    }

    private String sign(RSAKey key, Consumer<JWTClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(UUID.randomUUID().toString())
            .claim("preferred_username", "test-user")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)));
        claims.accept(builder);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    builder.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not sign the test token", ex);
        }
    }

    private static RSAKey rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
