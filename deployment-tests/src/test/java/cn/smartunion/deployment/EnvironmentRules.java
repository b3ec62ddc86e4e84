package cn.smartunion.deployment;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which environment variables a deployable reads: the {@code ${VARIABLE}} placeholders of its configuration, and
 * the variables Spring Boot's relaxed binding maps onto a property that exists (one its code binds, found in its
 * sources, or one of Spring Boot's own, from the configuration metadata of the Boot jars this module has on its
 * classpath: the same Boot version the deployables run). A variable no rule accepts is read by nobody: a typo, or a
 * setting that does nothing.
 */
final class EnvironmentRules {

    /** Read by the JVM and by Spring Boot themselves rather than through a property. */
    private static final Set<String> PLATFORM = Set.of("JAVA_TOOL_OPTIONS", "SPRING_APPLICATION_JSON");

    private static final Map<String, EnvironmentRules> CACHE = new HashMap<>();
    private static Map<String, Boolean> bootProperties;

    private final DeployableConfiguration configuration;
    /** canonical variable form of each bound property -> true for maps (whose keys follow the name) */
    private final Map<String, Boolean> bound = new HashMap<>();

    private EnvironmentRules(DeployableConfiguration configuration) {
        this.configuration = configuration;
        bootProperties().forEach(bound::put);
        for (String property : configuration.boundProperties()) {
            // a bound name may be a map (keys.<id>) or a nested object: what follows it is accepted
            bound.merge(variableOf(property), true, Boolean::logicalOr);
        }
    }

    static synchronized EnvironmentRules of(String deployable) {
        return CACHE.computeIfAbsent(deployable, name -> new EnvironmentRules(DeployableConfiguration.of(name)));
    }

    /** The environment variable Spring Boot maps onto a property: upper case, dots to underscores, no dashes. */
    static String variableOf(String property) {
        return property.replace("-", "").replace("[", "").replace("]", "").replace('.', '_').toUpperCase();
    }

    /** Why nobody reads the variable, or null when the deployable does. */
    String whyUnread(String variable) {
        if (configuration.variables.containsKey(variable) || PLATFORM.contains(variable)) {
            return null;
        }
        if (bound.containsKey(variable)) {
            return null;
        }
        for (Map.Entry<String, Boolean> entry : bound.entrySet()) {
            if (entry.getValue() && variable.startsWith(entry.getKey() + "_")) {
                return null;
            }
        }
        return configuration.name + " reads no " + variable
                + " (no ${" + variable + "} in its configuration, and no property of it or of Spring Boot binds it)";
    }

    List<String> unread(Collection<String> variables) {
        List<String> unread = new ArrayList<>();
        for (String variable : variables) {
            String why = whyUnread(variable);
            if (why != null) {
                unread.add(why);
            }
        }
        return unread;
    }

    /** Variables the configuration names without a default: the deployable does not start without them. */
    Set<String> required() {
        Set<String> required = new HashSet<>();
        configuration.variables.forEach((name, hasDefault) -> {
            if (!hasDefault) {
                required.add(name);
            }
        });
        return required;
    }

    private static synchronized Map<String, Boolean> bootProperties() {
        if (bootProperties == null) {
            Map<String, Boolean> properties = new HashMap<>();
            try {
                Enumeration<URL> files = EnvironmentRules.class.getClassLoader()
                        .getResources("META-INF/spring-configuration-metadata.json");
                while (files.hasMoreElements()) {
                    try (Reader reader = new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8)) {
                        JsonElement metadata = JsonParser.parseReader(reader);
                        JsonArray entries = metadata.getAsJsonObject().getAsJsonArray("properties");
                        if (entries == null) {
                            continue;
                        }
                        for (JsonElement entry : entries) {
                            String name = entry.getAsJsonObject().get("name").getAsString();
                            JsonElement type = entry.getAsJsonObject().get("type");
                            boolean map = type != null && type.getAsString().startsWith("java.util.Map");
                            properties.merge(variableOf(name), map, Boolean::logicalOr);
                        }
                    }
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (properties.isEmpty()) {
                throw new IllegalStateException("no Spring Boot configuration metadata on the classpath");
            }
            bootProperties = properties;
        }
        return bootProperties;
    }
}
