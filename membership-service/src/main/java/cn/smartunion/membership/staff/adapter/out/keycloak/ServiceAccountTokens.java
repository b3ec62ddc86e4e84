package cn.smartunion.membership.staff.adapter.out.keycloak;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import cn.smartunion.membership.staff.adapter.out.keycloak.KeycloakRepresentations.Token;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The service account's access token (client credentials grant), kept until shortly before it expires: one token
 * request per token lifetime, not one per admin call.
 */
class ServiceAccountTokens {

    /** Refresh this long before expiry, so a token never expires on its way to Keycloak. */
    private static final Duration EARLY = Duration.ofSeconds(30);

    private final RestClient http;
    private final String tokenPath;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    ServiceAccountTokens(RestClient http, String realm, String clientId, String clientSecret, Clock clock) {
        this.http = http;
        this.tokenPath = "/realms/" + realm + "/protocol/openid-connect/token";
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    /** A valid token, requested from Keycloak when there is none or it is about to expire. */
    synchronized String current() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", clientId);
            form.add("client_secret", clientSecret);
            Token answer;
            try {
                answer = http.post().uri(tokenPath).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                        .retrieve().body(Token.class);
            }
            catch (org.springframework.web.client.RestClientResponseException refused) {
                throw new TokenRequestFailed(refused);
            }
            if (answer == null || answer.access_token() == null) {
                throw new IllegalStateException("Keycloak's token endpoint answered without a token");
            }
            long lifetime = answer.expires_in() == null ? 60 : answer.expires_in();
            Duration early = Duration.ofSeconds(Math.min(EARLY.toSeconds(), lifetime / 2));
            token = answer.access_token();
            refreshAt = clock.instant().plusSeconds(lifetime).minus(early);
        }
        return token;
    }

    /** Forgets the token (Keycloak refused it: revoked, or the realm's keys rotated); the next call gets a new one. */
    synchronized void forget() {
        token = null;
    }

    /** True when the failed request was the token request itself (the client's credentials were refused). */
    static boolean isTokenRequest(org.springframework.web.client.RestClientResponseException failure) {
        return failure instanceof TokenRequestFailed;
    }

    /** The token endpoint refused the client's credentials (wrong secret, client disabled). */
    static final class TokenRequestFailed extends org.springframework.web.client.RestClientResponseException {
        TokenRequestFailed(org.springframework.web.client.RestClientResponseException cause) {
            super("Keycloak's token endpoint answered " + cause.getStatusCode().value(), cause.getStatusCode(),
                    cause.getStatusText(), null, null, null);
        }
    }
}
