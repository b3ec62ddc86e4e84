package cn.smartunion.systemtest.suite;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import cn.smartunion.runtime.testing.KeycloakTestServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An RSA key the test generated and gave the realm as its highest-priority signing key (a Keycloak {@code rsa} key
 * provider): the realm signs its tokens with it and publishes it in its key set, and the test can sign tokens with it
 * too. So a forged token can be wrong in exactly one way (issuer, expiry, audience) while its signature is one the
 * gateway and the services would otherwise accept.
 */
public final class RealmSigningKey {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final RSAPrivateKey privateKey;
    private final String keyId;

    private RealmSigningKey(RSAPrivateKey privateKey, String keyId) {
        this.privateKey = privateKey;
        this.keyId = keyId;
    }

    static RealmSigningKey install(KeycloakTestServer keycloak, String realm) {
        KeyPair pair = generate();
        String realmId = keycloak.admin().get("/admin/realms/" + realm).json().path("id").asString();
        String component = json.writeValueAsString(Map.of(
                "name", "system-test-rsa",
                "providerId", "rsa",
                "providerType", "org.keycloak.keys.KeyProvider",
                "parentId", realmId,
                "config", Map.of(
                        "privateKey", List.of(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())),
                        "priority", List.of("1000"),
                        "enabled", List.of("true"),
                        "active", List.of("true"),
                        "algorithm", List.of("RS256"))));
        KeycloakTestServer.Response created = keycloak.admin().post("/admin/realms/" + realm + "/components", component);
        if (created.status() != 201) {
            throw new IllegalStateException("the realm did not take the test's signing key: " + created);
        }
        RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
        String modulus = new RSAKey.Builder(publicKey).build().getModulus().toString();
        JsonNode keys = keycloak.admin().get("/realms/" + realm + "/protocol/openid-connect/certs").json().path("keys");
        for (JsonNode key : keys) {
            if (modulus.equals(key.path("n").asString())) {
                return new RealmSigningKey((RSAPrivateKey) pair.getPrivate(), key.path("kid").asString());
            }
        }
        throw new IllegalStateException("the realm's key set does not publish the test's signing key: " + keys);
    }

    /** The claims signed with RS256 under the realm's key id, as the realm itself would. */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).type(JOSEObjectType.JWT)
                .build(), claims);
        try {
            jwt.sign(new RSASSASigner(privateKey));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public String keyId() {
        return keyId;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
