package cn.smartunion.membership.staff.adapter.out.keycloak;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How membership-service reaches Keycloak's admin REST API ({@code smartunion.keycloak-admin.*}, from the environment
 * variables in application.yml). Staff account administration is switched on by a client secret; without one the
 * service starts and its staff account endpoints answer 503.
 *
 * @param url Keycloak's base URL as this service reaches it (e.g. an internal address); blank: the part of the
 *            token issuer before {@code /realms/}
 * @param realm the union realm; blank: the issuer's realm
 * @param clientId the confidential client whose service account holds realm-management's manage-users and
 *                 view-users roles (nothing else is needed)
 * @param clientSecret its secret, from a secret store
 * @param connectTimeout time to open a connection
 * @param readTimeout time to wait for an answer (each call; a token request is one call too)
 * @param retryAfter how long the circuit stays open after repeated failures; also the Retry-After of the 503
 */
@ConfigurationProperties("smartunion.keycloak-admin")
public record KeycloakAdminProperties(
        String url,
        String realm,
        @DefaultValue("membership-service") String clientId,
        String clientSecret,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("30s") Duration retryAfter) {

    /** The base URL and realm, explicit or derived from the issuer; empty when neither gives them. */
    Optional<Target> target(String issuer) {
        String base = blank(url) ? null : stripSlash(url);
        String realmName = blank(realm) ? null : realm;
        if ((base == null || realmName == null) && !blank(issuer)) {
            String normalised = stripSlash(issuer);
            int at = normalised.lastIndexOf("/realms/");
            if (at > 0) {
                base = base != null ? base : normalised.substring(0, at);
                realmName = realmName != null ? realmName : normalised.substring(at + "/realms/".length());
            }
        }
        if (base == null || realmName == null || realmName.isBlank() || realmName.contains("/")) {
            return Optional.empty();
        }
        URI.create(base); // fails early on a malformed URL
        return Optional.of(new Target(base, realmName));
    }

    boolean hasSecret() {
        return !blank(clientSecret);
    }

    record Target(String baseUrl, String realm) {
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String stripSlash(String value) {
        String trimmed = value.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    @Override
    public String toString() {
        return "KeycloakAdminProperties[url=" + url + ", realm=" + realm + ", clientId=" + clientId
                + ", clientSecret=" + (hasSecret() ? "(set)" : "(none)") + "]";
    }
}
