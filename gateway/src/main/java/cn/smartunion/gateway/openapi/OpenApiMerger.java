package cn.smartunion.gateway.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the services' OpenAPI documents into one that describes the API as the gateway serves it.
 * <ul>
 * <li>Paths are kept only under the service's own prefix ({@code /api/membership/}), which is all the gateway routes
 * to it; anything else a service documents (its error page, say) is unreachable from outside and left out.</li>
 * <li>Every component is renamed {@code <service>.<name>} and every reference to it rewritten, so two services'
 * {@code Problem} or {@code Page} schemas cannot collide; security scheme names in security requirements, operation
 * ids and tags are namespaced the same way. A service's document-wide security requirement moves onto its
 * operations.</li>
 * <li>Services whose document could not be fetched are listed in {@code x-unavailable-services} and in the
 * description.</li>
 * </ul>
 * Not carried over: the services' {@code servers} (the gateway is the server), {@code webhooks} and {@code externalDocs}.
 */
final class OpenApiMerger {

    static final String UNAVAILABLE_EXTENSION = "x-unavailable-services";

    private static final Logger log = LoggerFactory.getLogger(OpenApiMerger.class);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> OPERATION_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String COMPONENTS_POINTER = "#/components/";
    private static final String DEFAULT_VERSION = "3.1.0";

    private OpenApiMerger() {
    }

    /** One service's part: its name (the namespace), the path prefix the gateway routes to it, and its document. */
    record ServiceDocument(String service, String pathPrefix, JsonNode document) {
    }

    static ObjectNode merge(String title, List<ServiceDocument> available, List<String> unavailable) {
        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", highestVersion(available));
        ObjectNode info = merged.putObject("info");
        info.put("title", title);
        info.put("version", "v1");
        info.put("description", describe(available, unavailable));
        merged.putArray("servers").addObject().put("url", "/");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        for (ServiceDocument part : available) {
            mergeService(part, tags, paths, components);
        }
        ArrayNode missing = merged.putArray(UNAVAILABLE_EXTENSION);
        unavailable.forEach(missing::add);
        return merged;
    }

    private static void mergeService(ServiceDocument part, ArrayNode tags, ObjectNode paths, ObjectNode components) {
        String service = part.service();
        JsonNode document = part.document().deepCopy();
        rewriteReferences(service, document);

        JsonNode serviceSecurity = document.get("security");
        Set<String> usedTags = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (!path.getKey().startsWith(part.pathPrefix())) {
                log.debug("Leaving {} out of the aggregated OpenAPI document: the gateway routes only {} to {}",
                        path.getKey(), part.pathPrefix(), service);
                continue;
            }
            if (paths.has(path.getKey())) {
                log.warn("Both another service and {} document {}; keeping the first", service, path.getKey());
                continue;
            }
            if (path.getValue() instanceof ObjectNode pathItem) {
                for (Map.Entry<String, JsonNode> operation : pathItem.properties()) {
                    if (OPERATION_METHODS.contains(operation.getKey()) && operation.getValue() instanceof ObjectNode op) {
                        namespaceOperation(service, op, serviceSecurity, usedTags);
                    }
                }
            }
            paths.set(path.getKey(), path.getValue());
        }

        for (String tag : usedTags) {
            tags.add(tagFor(service, tag, document));
        }
        for (Map.Entry<String, JsonNode> section : document.path("components").properties()) {
            if (section.getValue() instanceof ObjectNode entries) {
                ObjectNode target = components.has(section.getKey()) ? (ObjectNode) components.get(section.getKey())
                        : components.putObject(section.getKey());
                for (Map.Entry<String, JsonNode> entry : entries.properties()) {
                    target.set(namespaced(service, entry.getKey()), entry.getValue());
                }
            }
        }
    }

    private static void namespaceOperation(String service, ObjectNode operation, JsonNode serviceSecurity, Set<String> usedTags) {
        JsonNode id = operation.path("operationId");
        if (id.isString()) {
            operation.put("operationId", namespaced(service, id.stringValue()));
        }
        List<String> operationTags = new ArrayList<>();
        operation.path("tags").values().forEach(tag -> operationTags.add(tag.asString()));
        if (operationTags.isEmpty()) {
            operationTags.add("");
        }
        ArrayNode renamed = operation.putArray("tags");
        for (String tag : operationTags) {
            usedTags.add(tag);
            renamed.add(tagName(service, tag));
        }
        JsonNode security = operation.has("security") ? operation.get("security") : serviceSecurity;
        if (security != null && security.isArray()) {
            operation.set("security", namespacedSecurity(service, security));
        }
    }

    private static ObjectNode tagFor(String service, String tag, JsonNode document) {
        ObjectNode merged = NODES.objectNode().put("name", tagName(service, tag));
        for (JsonNode declared : document.path("tags").values()) {
            if (tag.equals(declared.path("name").asString()) && declared.has("description")) {
                merged.set("description", declared.get("description"));
            }
        }
        if (tag.isEmpty() && document.path("info").has("title")) {
            merged.set("description", document.path("info").get("title"));
        }
        return merged;
    }

    private static String tagName(String service, String tag) {
        return tag.isEmpty() ? service : service + ": " + tag;
    }

    private static ArrayNode namespacedSecurity(String service, JsonNode requirements) {
        ArrayNode renamed = NODES.arrayNode();
        for (JsonNode requirement : requirements.values()) {
            ObjectNode schemes = renamed.addObject();
            requirement.forEachEntry((scheme, scopes) -> schemes.set(namespaced(service, scheme), scopes));
        }
        return renamed;
    }

    /**
     * Points every {@code $ref} to a component (and every discriminator mapping) at the namespaced name. Literal
     * {@code example} values are data and left alone.
     */
    private static void rewriteReferences(String service, JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.path("$ref");
            if (ref.isString()) {
                object.put("$ref", namespacedReference(service, ref.stringValue()));
            }
            if (object.get("discriminator") instanceof ObjectNode discriminator
                    && discriminator.get("mapping") instanceof ObjectNode mapping) {
                for (String key : List.copyOf(mapping.propertyNames())) {
                    String target = mapping.get(key).asString();
                    // a mapping value is a reference or a bare schema name
                    mapping.put(key, target.startsWith("#") || target.contains("/")
                            ? namespacedReference(service, target) : namespaced(service, target));
                }
            }
            object.forEachEntry((name, value) -> {
                if (!name.equals("example")) {
                    rewriteReferences(service, value);
                }
            });
        }
        else if (node instanceof ArrayNode array) {
            array.values().forEach(element -> rewriteReferences(service, element));
        }
    }

    private static String namespacedReference(String service, String reference) {
        if (!reference.startsWith(COMPONENTS_POINTER)) {
            // another document's or a non-component pointer: nothing of ours to rename
            return reference;
        }
        String rest = reference.substring(COMPONENTS_POINTER.length());
        int sectionEnd = rest.indexOf('/');
        if (sectionEnd < 0) {
            return reference;
        }
        String section = rest.substring(0, sectionEnd);
        String nameAndBeyond = rest.substring(sectionEnd + 1);
        return COMPONENTS_POINTER + section + "/" + namespaced(service, nameAndBeyond);
    }

    private static String namespaced(String service, String name) {
        return service + "." + name;
    }

    private static String highestVersion(List<ServiceDocument> parts) {
        return parts.stream()
            .map(part -> part.document().path("openapi").asString(""))
            .filter(version -> version.startsWith("3."))
            .max(OpenApiMerger::compareVersions)
            .orElse(DEFAULT_VERSION);
    }

    private static int compareVersions(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int difference = Integer.compare(number(a, i), number(b, i));
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private static int number(String[] parts, int index) {
        try {
            return index < parts.length ? Integer.parseInt(parts[index]) : 0;
        }
        catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String describe(List<ServiceDocument> available, List<String> unavailable) {
        StringBuilder description = new StringBuilder("The API of every service behind this gateway, as the gateway serves it. "
                + "Components, operation ids and tags carry the name of the service that defines them.");
        for (ServiceDocument part : available) {
            JsonNode info = part.document().path("info");
            description.append("\n\n- ").append(part.service()).append(": ").append(info.path("title").asString(part.service()))
                .append(' ').append(info.path("version").asString(""));
        }
        if (!unavailable.isEmpty()) {
            description.append("\n\n**Incomplete:** the documents of ").append(String.join(", ", unavailable))
                .append(" could not be fetched just now; their paths are missing here.");
        }
        return description.toString();
    }
}
