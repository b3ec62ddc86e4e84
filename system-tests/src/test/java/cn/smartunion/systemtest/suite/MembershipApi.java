package cn.smartunion.systemtest.suite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** The membership calls a union office makes through the gateway, for setting up the other tests' data. */
public final class MembershipApi {

    private final Suite suite;

    public MembershipApi(Suite suite) {
        this.suite = suite;
    }

    /** The id of the organisation with this code in the caller's part of the tree. */
    public String orgId(String token, String code) {
        Http.Answer orgs = Http.get(suite.gatewayUrl() + "/api/membership/v1/orgs?size=100", token);
        if (orgs.status() != 200) {
            throw new IllegalStateException(orgs.toString());
        }
        for (JsonNode org : orgs.json().path("items")) {
            if (code.equals(org.path("code").asString())) {
                return org.path("id").asString();
            }
        }
        throw new IllegalStateException("no organisation " + code + " in " + orgs);
    }

    /** Staff entry of a member on the worker's behalf; the answer as it came. */
    public Http.Answer registerMember(String token, String orgId, People.Person person) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orgId", orgId);
        body.put("legalName", person.legalName());
        body.put("citizenIdNumber", person.citizenIdNumber());
        body.put("mobilePhone", person.mobilePhone());
        body.put("joinChannel", "ONLINE_APPLICATION");
        return Http.post(suite.gatewayUrl() + "/api/membership/v1/members", token, body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /** As {@link #registerMember}, failing unless the member was created. */
    public JsonNode registeredMember(String token, String orgId, People.Person person) {
        Http.Answer created = registerMember(token, orgId, person);
        if (created.status() != 201) {
            throw new IllegalStateException(created.toString());
        }
        return created.json();
    }
}
