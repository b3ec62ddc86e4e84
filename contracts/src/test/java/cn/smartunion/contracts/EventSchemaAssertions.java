package cn.smartunion.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reusable check for producers' tests: an emitted payload must satisfy the JSON Schema of its event type.
 * Published in this module's test-jar.
 */
public final class EventSchemaAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemaAssertions() {
    }

    /** Fails unless {@code ceType} is a catalogued event type and {@code payloadJson} satisfies its schema. */
    public static void assertConformsToSchema(String ceType, String payloadJson) {
        EventType type = EventTypes.byType(ceType)
                .orElseThrow(() -> new AssertionError("event type not in the catalogue: " + ceType));
        List<String> violations = violations(type, payloadJson);
        if (!violations.isEmpty()) {
            throw new AssertionError(ceType + " payload violates its schema: " + violations);
        }
    }

    public static List<String> violations(EventType type, String payloadJson) {
        JsonNode payload;
        try {
            payload = JSON.readTree(payloadJson);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        return schemaOf(type).validate(payload).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema schemaOf(EventType type) {
        return SCHEMAS.computeIfAbsent(type.schemaResource(), resource -> {
            try (InputStream in = EventSchemaAssertions.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new AssertionError("schema resource missing: " + resource);
                }
                return FACTORY.getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
