package cn.smartunion.deployment;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml as Compose reads it: YAML merge keys resolved and {@code ${VARIABLE}} interpolated with the
 * values of .env.example (the file `docker-compose --env-file .env.example config` is run with in CI).
 */
final class ComposeFile {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    final Map<String, Object> root;

    private ComposeFile(Map<String, Object> root) {
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    static ComposeFile load() {
        Map<String, String> environment = dotEnv(Repository.read(Repository.COMPOSE_ENV_EXAMPLE));
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(Repository.read(Repository.COMPOSE_FILE));
        return new ComposeFile((Map<String, Object>) interpolate(loaded, environment));
    }

    static Map<String, String> dotEnv(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                continue;
            }
            values.put(trimmed.substring(0, trimmed.indexOf('=')).trim(), trimmed.substring(trimmed.indexOf('=') + 1).trim());
        }
        return values;
    }

    private static Object interpolate(Object node, Map<String, String> environment) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key.toString(), interpolate(value, environment)));
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(item -> interpolate(item, environment)).toList();
        }
        if (node instanceof String text) {
            Matcher matcher = INTERPOLATION.matcher(text);
            StringBuilder result = new StringBuilder();
            while (matcher.find()) {
                String replacement;
                if (matcher.group().equals("$$")) {
                    replacement = "$";
                }
                else {
                    String value = environment.get(matcher.group(1));
                    String operator = matcher.group(2);
                    boolean unset = value == null || (operator != null && operator.startsWith(":") && value.isEmpty());
                    if (unset && operator != null && operator.endsWith("?")) {
                        throw new AssertionError("docker-compose.yml needs " + matcher.group(1) + ", which .env.example does not set");
                    }
                    replacement = unset ? (operator != null && operator.endsWith("-") ? matcher.group(3) : "") : value;
                }
                matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(result);
            return result.toString();
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) root.get("services");
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** The service's environment as a map (Compose also allows a list of NAME=value). */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((key, value) -> environment.put(key.toString(), value == null ? null : value.toString()));
        }
        else if (declared instanceof List<?> list) {
            for (Object entry : list) {
                String text = entry.toString();
                int equals = text.indexOf('=');
                environment.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
            }
        }
        return environment;
    }
}
