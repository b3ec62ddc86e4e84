package cn.smartunion.membership.staff.adapter.out.keycloak;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The parts of Keycloak's admin representations this service reads and writes. */
final class KeycloakRepresentations {

    private KeycloakRepresentations() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(String id, String username, String email, String firstName, String lastName, Boolean enabled,
                Boolean emailVerified, Map<String, List<String>> attributes, List<String> requiredActions,
                List<Credential> credentials) {

        @Override
        public String toString() {
            return "User[id=" + id + "]"; // never the password or personal data
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Credential(String type, String value, Boolean temporary) {

        @Override
        public String toString() {
            return "Credential[type=" + type + "]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Role(String id, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Token(String access_token, Long expires_in) {
    }

    /** Keycloak's error body: {@code {"field": "email", "errorMessage": "invalidEmailMessage"}} or {@code {"error": ...}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(String field, String errorMessage, String error) {
    }
}
