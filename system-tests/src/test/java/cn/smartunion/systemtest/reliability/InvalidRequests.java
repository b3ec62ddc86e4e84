package cn.smartunion.systemtest.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Invalid requests generated from a service's OpenAPI document: for every operation, a plausible request built from
 * its schema (required fields filled in with values of the right type) and then broken in one way: a wrong type, a
 * missing required field, a 1 MB string, a citizen ID or credit code with a bad check digit, an injection string, an
 * unknown enum value, a date that does not exist, invalid JSON, NUL bytes, a wrong content type, an invalid path id or
 * query parameter. Deterministic for a seed, so a failure can be replayed.
 */
final class InvalidRequests {

    /** Strings that have broken parsers, query builders, templates and file paths elsewhere. */
    static final List<String> INJECTIONS = List.of("{\"$gt\":\"\"}", "'; drop table members; --", "\" OR 1=1 --",
            "<script>alert(1)</script>", "../../etc/passwd", "..\\..\\windows\\win.ini", "nul\u0000byte",
            "${jndi:ldap://127.0.0.1/x}", "#{7*7}", "%s%s%s%n", "$where", "{\"$where\":\"sleep(1000)\"}",
            "\uFEFF\u202Ereversed", "\uD83D\uDE00 emoji", "null", "[]", "-1", "1e309", "0x7fffffff");
    /** Path ids that are not ids (URL-encoded where needed) and ids that look right but name nothing. */
    static final List<String> BAD_IDS = List.of("%7B%22%24gt%22%3A%22%22%7D", "..%2F..%2Fetc%2Fpasswd",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "abc%00def", "%27%3B%20drop%20table%20x%3B--", "%3Cscript%3E",
            "-1", "99999999999999999999999999", "%20", "null", "undefined", "a".repeat(2_000), "%F0%9F%98%80",
            "%C0%AF", "%25ZZ", "%7Bid%7D", "*");

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private static final String MEGABYTE = "测".repeat(350_000);
    private static final String WRONG_CHECK_DIGIT_ID = "420322198501010010";
    private static final String WRONG_CHECK_DIGIT_CREDIT_CODE = "91420300MA4F00001X";

    /** One operation of the document. */
    record Operation(String method, String path, List<JsonNode> parameters, String contentType, JsonNode bodySchema) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode document;
    private final String baseUrl;
    private final Supplier<String> validCitizenId;
    private final String knownOrgId;
    final List<Operation> operations = new ArrayList<>();

    InvalidRequests(JsonNode document, String baseUrl, String knownOrgId, Supplier<String> validCitizenId) {
        this.document = document;
        this.baseUrl = baseUrl;
        this.knownOrgId = knownOrgId;
        this.validCitizenId = validCitizenId;
        for (var path : document.path("paths").properties()) {
            if (path.getKey().startsWith("/error")) {
                continue;
            }
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                List<JsonNode> parameters = new ArrayList<>();
                operation.getValue().path("parameters").forEach(parameters::add);
                String contentType = null;
                JsonNode schema = null;
                for (var content : operation.getValue().path("requestBody").path("content").properties()) {
                    contentType = content.getKey();
                    schema = content.getValue().path("schema");
                }
                operations.add(new Operation(method, path.getKey(), parameters, contentType, schema));
            }
        }
    }

    /** The {@code n}th invalid request: operations in turn, the way of breaking it drawn from {@code n}. */
    RawHttp.Request generate(int n) {
        Operation operation = operations.get(n % operations.size());
        Random random = new Random(31L * n + operation.hashCode());
        boolean hasBody = operation.bodySchema() != null && !operation.method().equals("GET");
        boolean jsonBody = hasBody && operation.contentType().contains("json");
        int way = random.nextInt(hasBody ? 20 : 6);
        String path = operation.path();
        // path ids: a valid-looking unknown id unless this request breaks the path
        for (JsonNode parameter : operation.parameters()) {
            if (parameter.path("in").asString().equals("path")) {
                String name = parameter.path("name").asString();
                String value = way == 0 ? pick(random, BAD_IDS) : UUID.randomUUID().toString();
                path = path.replace("{" + name + "}", value);
            }
        }
        StringBuilder query = new StringBuilder();
        if (way == 1 || way == 2 || !hasBody) {
            for (JsonNode parameter : operation.parameters()) {
                if (!parameter.path("in").asString().equals("query") || (way != 1 && random.nextBoolean())) {
                    continue;
                }
                query.append(query.isEmpty() ? "?" : "&").append(encode(parameter.path("name").asString()))
                        .append('=').append(encode(badQueryValue(random, resolve(parameter.path("schema")))));
            }
            if (way == 2) {
                query.append(query.isEmpty() ? "?" : "&").append("size=").append(pick(random,
                        List.of("-1", "0", "100000", "abc", "1.5", "%00")).replace("%00", "%2500"));
            }
        }
        String url = baseUrl + path + query;
        if (!hasBody) {
            return new RawHttp.Request(operation.method(), url, null, null, Map.of());
        }
        if (!jsonBody) {
            // multipart or other uploads: JSON, or nothing, where the operation wants its own format
            return way % 2 == 0 ? RawHttp.Request.json(operation.method(), url, "{\"file\":\"x\"}")
                    : new RawHttp.Request(operation.method(), url, null, null, Map.of());
        }
        JsonNode valid = example(operation.bodySchema(), 0, random);
        return switch (way) {
            // a bad path id with a plausible body; without a path id the body is broken, so nothing is created
            case 0 -> RawHttp.Request.json(operation.method(), url, json.writeValueAsString(
                    operation.path().contains("{") ? valid : broken(valid, operation.bodySchema(), 14, random)));
            // a bad query on a write: the body is broken too, so nothing is created by accident
            case 1, 2 -> RawHttp.Request.json(operation.method(), url, json.writeValueAsString(
                    broken(valid, operation.bodySchema(), 14, random)));
            case 3 -> RawHttp.Request.json(operation.method(), url, truncated(json.writeValueAsString(valid), random));
            case 4 -> new RawHttp.Request(operation.method(), url, pick(random, List.of("text/plain",
                    "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                    "application/json; charset=klingon", "image/png")),
                    json.writeValueAsString(valid).getBytes(StandardCharsets.UTF_8), Map.of());
            case 5 -> new RawHttp.Request(operation.method(), url, null, null, Map.of());
            case 6 -> RawHttp.Request.json(operation.method(), url, pick(random, List.of("", "null", "[]", "42",
                    "\"text\"", "{", "{\"a\":}", "{}}", "\u0000\u0000", "{\"a\":1,\"a\":2}", "{'single':'quotes'}",
                    "[{\"$gt\":\"\"}]", "{\"__proto__\":{\"x\":1}}")));
            case 7 -> new RawHttp.Request(operation.method(), url, "application/json",
                    ("{\"x\":\"" + "\u0000".repeat(8) + "\"," + json.writeValueAsString(valid).substring(1))
                            .getBytes(StandardCharsets.UTF_8), Map.of());
            default -> RawHttp.Request.json(operation.method(), url, json.writeValueAsString(
                    broken(valid, operation.bodySchema(), way, random)));
        };
    }

    /** The body with one field broken: which field and how follow from {@code way} and {@code random}. */
    private JsonNode broken(JsonNode valid, JsonNode schema, int way, Random random) {
        if (!(valid instanceof ObjectNode body)) {
            return way % 2 == 0 ? nodes.stringNode(pick(random, INJECTIONS))
                    : nodes.objectNode().put("$gt", "");
        }
        List<String> fields = new ArrayList<>();
        body.propertyNames().forEach(fields::add);
        JsonNode properties = resolve(schema).path("properties");
        if (fields.isEmpty()) {
            return nodes.objectNode().put(pick(random, INJECTIONS), pick(random, INJECTIONS));
        }
        String field = pick(random, fields);
        JsonNode fieldSchema = resolve(properties.path(field));
        ObjectNode copy = body.deepCopy();
        switch (way) {
            case 8, 9 -> copy.remove(field);
            case 10, 11 -> copy.set(field, wrongType(fieldSchema, random));
            case 12 -> copy.put(field, MEGABYTE);
            case 13 -> copy.put(field, pick(random, INJECTIONS));
            case 14 -> copy.set(field, nodes.objectNode().put("$gt", ""));
            case 15 -> copy.put(field, "NOT_A_" + field.toUpperCase() + "_VALUE");
            case 16 -> breakIdentifiers(copy, random);
            case 17 -> copy.put(field, pick(random, List.of("2026-02-30", "2026-13-01", "yesterday",
                    "2026-01-01T25:61:00Z", "0000-00-00", "+999999999-12-31")));
            case 18 -> copy.set(field, nodes.numberNode(pick(random, List.of(Long.MAX_VALUE,
                    Long.MIN_VALUE, -1L, 0L))));
            default -> {
                // a nested object broken the same way, or an array of the wrong things
                JsonNode nested = copy.get(field);
                if (nested instanceof ObjectNode object && fieldSchema.path("properties").isObject()) {
                    copy.set(field, broken(object, fieldSchema, 10 + random.nextInt(6), random));
                }
                else {
                    ArrayNode array = nodes.arrayNode();
                    for (int i = 0; i < 3; i++) {
                        array.add(pick(random, INJECTIONS));
                    }
                    copy.set(field, array);
                }
            }
        }
        return copy;
    }

    /** Citizen ID numbers and credit codes with a bad check digit, wherever the body has them. */
    private void breakIdentifiers(JsonNode node, Random random) {
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                String lower = name.toLowerCase();
                if (lower.contains("citizenid") || lower.contains("idnumber")) {
                    object.put(name, random.nextBoolean() ? WRONG_CHECK_DIGIT_ID : "42032219850101001");
                }
                else if (lower.contains("creditcode")) {
                    object.put(name, WRONG_CHECK_DIGIT_CREDIT_CODE);
                }
                else if (lower.contains("phone")) {
                    object.put(name, "1390000123");
                }
                else {
                    breakIdentifiers(object.get(name), random);
                }
            }
        }
        else if (node instanceof ArrayNode array) {
            array.forEach(element -> breakIdentifiers(element, random));
        }
    }

    private JsonNode wrongType(JsonNode schema, Random random) {
        String type = schema.path("type").asString();
        return switch (type) {
            case "string" -> random.nextBoolean() ? nodes.numberNode(12345)
                    : nodes.arrayNode().add("a");
            case "integer", "number" -> nodes.stringNode(pick(random, List.of("abc", "1,000", "NaN",
                    "Infinity", "12.5.1", "")));
            case "boolean" -> nodes.stringNode(pick(random, List.of("yes", "2", "TRUE!")));
            case "array" -> nodes.stringNode("not-an-array");
            default -> random.nextBoolean() ? nodes.stringNode("not-an-object")
                    : nodes.numberNode(7);
        };
    }

    private String badQueryValue(Random random, JsonNode schema) {
        String type = schema.path("type").asString();
        if (schema.has("enum") || (type.equals("array") && schema.path("items").has("enum"))) {
            return pick(random, List.of("NOT_AN_ENUM", "active", "", "ACTIVE,NOPE", "{\"$ne\":null}"));
        }
        return switch (type) {
            case "integer", "number" -> pick(random, List.of("abc", "-1", "1e99", "99999999999999999999", "0x10",
                    " ", "1;2"));
            case "boolean" -> pick(random, List.of("maybe", "2", "yes!"));
            default -> random.nextInt(4) == 0 ? "x".repeat(4_000) : pick(random, INJECTIONS);
        };
    }

    /** A value the schema accepts, as far as the schema says (patterns aside). */
    private JsonNode example(JsonNode schemaOrRef, int depth, Random random) {
        JsonNode schema = resolve(schemaOrRef);
        String type = schema.path("type").asString();
        if (schema.has("allOf")) {
            return example(schema.path("allOf").get(0), depth, random);
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return example(schema.has("oneOf") ? schema.path("oneOf").get(0) : schema.path("anyOf").get(0), depth,
                    random);
        }
        if (type.equals("object") || schema.has("properties")) {
            ObjectNode object = json.createObjectNode();
            if (depth > 4) {
                return object;
            }
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(name -> required.add(name.asString()));
            for (var property : schema.path("properties").properties()) {
                if (required.contains(property.getKey()) || random.nextInt(3) == 0) {
                    object.set(property.getKey(), named(property.getKey(), property.getValue(), depth, random));
                }
            }
            return object;
        }
        if (type.equals("array")) {
            ArrayNode array = json.createArrayNode();
            int items = Math.max(1, schema.path("minItems").asInt(0));
            for (int i = 0; i < items && depth < 5; i++) {
                array.add(example(schema.path("items"), depth + 1, random));
            }
            return array;
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        return switch (type) {
            case "integer" -> nodes.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "number" -> nodes.numberNode(1.5);
            case "boolean" -> nodes.booleanNode(true);
            default -> nodes.stringNode(switch (schema.path("format").asString()) {
                case "date" -> LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
                case "date-time" -> "2026-01-01T08:00:00Z";
                case "uuid" -> UUID.randomUUID().toString();
                case "duration" -> "PT30M";
                default -> schema.has("pattern") ? "AB12" : "测试";
            });
        };
    }

    /** Fields whose names say what they hold get a value of that kind, so the request gets past the obvious checks. */
    private JsonNode named(String name, JsonNode schema, int depth, Random random) {
        String lower = name.toLowerCase();
        if (resolve(schema).path("type").asString().equals("string") && !resolve(schema).has("enum")) {
            if (lower.contains("citizenid") || lower.equals("idnumber")) {
                return nodes.stringNode(validCitizenId.get());
            }
            if (lower.contains("creditcode")) {
                return nodes.stringNode("91420300MA4F00001U");
            }
            if (lower.endsWith("orgid")) {
                return nodes.stringNode(knownOrgId);
            }
            if (lower.endsWith("id")) {
                return nodes.stringNode(UUID.randomUUID().toString());
            }
        }
        return example(schema, depth + 1, random);
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asString();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private static String truncated(String body, Random random) {
        return body.isEmpty() ? "{" : body.substring(0, Math.max(1, random.nextInt(Math.max(1, body.length()))));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
