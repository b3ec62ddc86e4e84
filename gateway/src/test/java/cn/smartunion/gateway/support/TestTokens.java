package cn.smartunion.gateway.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/** Access tokens shaped like the realm's, good and forged. */
public final class TestTokens {

    public static final String AUDIENCE = "smart-union-api";

    /** The key the identity provider publishes and signs with. */
    public static final RSAKey SIGNING_KEY = rsaKey("realm-key-1");

    /** Someone else's key, presented under the realm key's id. */
    public static final RSAKey IMPOSTOR_KEY = rsaKey("realm-key-1");

    /** A key whose id the identity provider never published. */
    public static final RSAKey UNPUBLISHED_KEY = rsaKey("realm-key-unknown");

    private final String issuer;

    public TestTokens(String issuer) {
        this.issuer = issuer;
    }

    public String valid() {
        return signedWith(SIGNING_KEY, claims().build());
    }

    public String valid(UnaryOperator<JWTClaimsSet.Builder> changes) {
        return signedWith(SIGNING_KEY, changes.apply(claims()).build());
    }

    /** Claims as the realm issues them for a county-level union officer. */
    public JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(UUID.randomUUID().toString())
            .audience(List.of(AUDIENCE, "account"))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
            .jwtID(UUID.randomUUID().toString())
            .claim("org_path", "420000/420300/420322");
    }

    public static String signedWith(RSAKey key, JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** {@code "alg": "none"}: claims anyone could have written. */
    public String unsigned() {
        return new PlainJWT(claims().build()).serialize();
    }

    /** The classic algorithm confusion: HS256 keyed with the issuer's public RSA key, which everyone can fetch. */
    public String macSignedWithPublicKey() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(SIGNING_KEY.getKeyID()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims().build());
        try {
            jwt.sign(new MACSigner(SIGNING_KEY.toRSAPublicKey().getEncoded()));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
