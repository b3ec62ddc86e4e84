package cn.smartunion.gateway.openapi;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.smartunion.gateway.openapi.OpenApiMerger.ServiceDocument;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiMergerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String MEMBERSHIP = """
            {
              "openapi": "3.1.0",
              "info": {"title": "Membership", "version": "1.4"},
              "servers": [{"url": "http://membership:8081"}],
              "security": [{"bearer-jwt": []}],
              "tags": [{"name": "members", "description": "Real-name member records"}],
              "paths": {
                "/api/membership/v1/members/{id}": {
                  "parameters": [{"$ref": "#/components/parameters/Id"}],
                  "get": {
                    "tags": ["members"],
                    "operationId": "getMember",
                    "responses": {
                      "200": {"description": "the member", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Member"},
                        "example": {"$ref": "not a reference, just data"}}}},
                      "404": {"$ref": "#/components/responses/Problem"}
                    }
                  }
                },
                "/error": {"get": {"operationId": "error", "responses": {"200": {"description": "error page"}}}}
              },
              "components": {
                "schemas": {
                  "Member": {"type": "object", "properties": {
                    "status": {"$ref": "#/components/schemas/Status"},
                    "card": {"oneOf": [{"$ref": "#/components/schemas/Card"}, {"$ref": "#/components/schemas/Card/properties/number"}],
                             "discriminator": {"propertyName": "kind", "mapping": {"card": "#/components/schemas/Card", "bare": "Card"}}}}},
                  "Status": {"type": "string"},
                  "Card": {"type": "object", "properties": {"number": {"type": "string"}}},
                  "Problem": {"type": "object"}
                },
                "responses": {"Problem": {"description": "problem", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}},
                "parameters": {"Id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}},
                "securitySchemes": {"bearer-jwt": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}
              }
            }
            """;

    private static final String RIGHTS = """
            {
              "openapi": "3.0.1",
              "info": {"title": "Rights", "version": "1.0"},
              "paths": {
                "/api/rights/v1/work-orders": {
                  "post": {
                    "operationId": "getMember",
                    "security": [{"oauth": ["write"]}],
                    "responses": {"400": {"$ref": "#/components/responses/Problem"}}
                  }
                },
                "/api/membership/v1/members/{id}": {"get": {"responses": {"200": {"description": "not rights' to document"}}}}
              },
              "components": {
                "schemas": {"Problem": {"type": "object", "required": ["type"]}},
                "responses": {"Problem": {"description": "problem", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}},
                "securitySchemes": {"oauth": {"type": "oauth2"}}
              }
            }
            """;

    private final JsonNode merged = OpenApiMerger.merge("Smart Union Suite API",
            List.of(document("membership", "/api/membership/", MEMBERSHIP), document("rights", "/api/rights/", RIGHTS)),
            List.of("aid"));

    @Test
    void keepsEachServicesPathsUnderItsPrefixOnly() {
        assertThat(merged.path("paths").propertyNames())
            .containsExactlyInAnyOrder("/api/membership/v1/members/{id}", "/api/rights/v1/work-orders");
        assertThat(merged.at("/paths/~1api~1membership~1v1~1members~1{id}/get/operationId").asString()).isEqualTo("membership.getMember");
    }

    @Test
    void namespacesComponentsSoThatEqualNamesDoNotCollide() {
        JsonNode schemas = merged.at("/components/schemas");
        assertThat(schemas.propertyNames()).contains("membership.Problem", "rights.Problem", "membership.Member");
        assertThat(schemas.at("/rights.Problem/required/0").asString()).isEqualTo("type");
        assertThat(merged.at("/components/responses/rights.Problem/content/application~1problem+json/schema/$ref").asString())
            .isEqualTo("#/components/schemas/rights.Problem");
    }

    @Test
    void rewritesEveryReferenceButLeavesExampleDataAlone() {
        JsonNode get = merged.at("/paths/~1api~1membership~1v1~1members~1{id}");
        assertThat(get.at("/parameters/0/$ref").asString()).isEqualTo("#/components/parameters/membership.Id");
        assertThat(get.at("/get/responses/200/content/application~1json/schema/$ref").asString())
            .isEqualTo("#/components/schemas/membership.Member");
        assertThat(get.at("/get/responses/200/content/application~1json/example/$ref").asString()).isEqualTo("not a reference, just data");
        assertThat(get.at("/get/responses/404/$ref").asString()).isEqualTo("#/components/responses/membership.Problem");

        JsonNode card = merged.at("/components/schemas/membership.Member/properties/card");
        assertThat(card.at("/oneOf/1/$ref").asString()).isEqualTo("#/components/schemas/membership.Card/properties/number");
        assertThat(card.at("/discriminator/mapping/card").asString()).isEqualTo("#/components/schemas/membership.Card");
        assertThat(card.at("/discriminator/mapping/bare").asString()).isEqualTo("membership.Card");
    }

    @Test
    void namespacesSecuritySchemesAndPutsDocumentWideSecurityOnTheOperations() {
        assertThat(merged.at("/components/securitySchemes").propertyNames()).containsExactlyInAnyOrder("membership.bearer-jwt", "rights.oauth");
        assertThat(merged.at("/paths/~1api~1membership~1v1~1members~1{id}/get/security/0").propertyNames())
            .containsExactly("membership.bearer-jwt");
        assertThat(merged.at("/paths/~1api~1rights~1v1~1work-orders/post/security/0/rights.oauth/0").asString()).isEqualTo("write");
        assertThat(merged.has("security")).isFalse();
    }

    @Test
    void groupsOperationsByServiceTags() {
        assertThat(merged.at("/paths/~1api~1membership~1v1~1members~1{id}/get/tags/0").asString()).isEqualTo("membership: members");
        assertThat(merged.at("/paths/~1api~1rights~1v1~1work-orders/post/tags/0").asString()).isEqualTo("rights");
        assertThat(merged.path("tags").values()).extracting(tag -> tag.path("name").asString())
            .containsExactly("membership: members", "rights");
        assertThat(merged.at("/tags/0/description").asString()).isEqualTo("Real-name member records");
    }

    @Test
    void pointsAtTheGatewayAndSaysWhatIsMissing() {
        assertThat(merged.path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(merged.at("/servers/0/url").asString()).isEqualTo("/");
        assertThat(merged.path(OpenApiMerger.UNAVAILABLE_EXTENSION).values()).extracting(JsonNode::asString).containsExactly("aid");
        assertThat(merged.at("/info/description").asString()).contains("aid", "Membership 1.4");
    }

    @Test
    void servesAnEmptyButValidDocumentWhenNoServiceAnswers() {
        JsonNode empty = OpenApiMerger.merge("Smart Union Suite API", List.of(), List.of("membership", "aid"));

        assertThat(empty.path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(empty.path("paths").isObject()).isTrue();
        assertThat(empty.path("paths").isEmpty()).isTrue();
    }

    private static ServiceDocument document(String service, String prefix, String json) {
        return new ServiceDocument(service, prefix, JSON.readTree(json));
    }
}
