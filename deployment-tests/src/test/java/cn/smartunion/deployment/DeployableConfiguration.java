package cn.smartunion.deployment;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a deployable's own configuration says: its application.yml (and, for the services, service-runtime's
 * defaults, which every service loads beneath it), read from the repository as the build packages it.
 */
final class DeployableConfiguration {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(:?)");
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    final String name;
    private final Map<String, String> properties;
    /** variable name -> true when the configuration gives it a default */
    final Map<String, Boolean> variables;

    private DeployableConfiguration(String name, Map<String, String> properties, Map<String, Boolean> variables) {
        this.name = name;
        this.properties = properties;
        this.variables = variables;
    }

    static DeployableConfiguration of(String deployable) {
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> texts = new ArrayList<>();
        if (!isGateway(deployable)) {
            String defaults = Repository.read(Repository.ROOT.resolve(
                    "service-runtime/src/main/resources/service-runtime-defaults.properties"));
            texts.add(defaults);
            Properties loaded = new Properties();
            try {
                loaded.load(new StringReader(defaults));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            loaded.forEach((key, value) -> properties.put(key.toString(), value.toString()));
        }
        String yaml = Repository.read(Repository.ROOT.resolve(deployable + "/src/main/resources/application.yml"));
        texts.add(yaml);
        flatten("", new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml), properties);
        Map<String, Boolean> variables = new TreeMap<>();
        for (String text : texts) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                if (ENVIRONMENT_NAME.matcher(matcher.group(1)).matches()) {
                    variables.merge(matcher.group(1), !matcher.group(2).isEmpty(), Boolean::logicalAnd);
                }
            }
        }
        return new DeployableConfiguration(deployable, properties, variables);
    }

    static boolean isGateway(String deployable) {
        return deployable.equals("gateway");
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, into));
        }
        else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
        }
        else {
            into.put(prefix, node == null ? "" : node.toString());
        }
    }

    Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /** The default of a {@code ${VARIABLE:default}} property, e.g. server.port's. */
    int portDefault(String property) {
        String value = property(property).orElseThrow(() -> new AssertionError(name + " sets no " + property));
        Matcher matcher = Pattern.compile("\\$\\{[A-Z_]+:(\\d+)}").matcher(value);
        if (matcher.matches()) {
            return Integer.parseInt(matcher.group(1));
        }
        return Integer.parseInt(value);
    }

    /** The port the deployable serves its API on (server.port's default). */
    int serverPort() {
        return portDefault("server.port");
    }

    /** The port actuator answers on: management.server.port's default, else the server port. */
    int managementPort() {
        return property("management.server.port").isPresent() ? portDefault("management.server.port") : serverPort();
    }

    /**
     * The health paths the deployable answers, on which port: the liveness and readiness groups under
     * /actuator/health on the management port when probes are enabled, and /livez and /readyz on the server port
     * when additional paths are added.
     */
    Map<String, Integer> healthPaths() {
        Map<String, Integer> paths = new LinkedHashMap<>();
        if (!"true".equals(property("management.endpoint.health.probes.enabled").orElse("false"))) {
            return paths;
        }
        String exposure = property("management.endpoints.web.exposure.include").orElse("health");
        if (!List.of(exposure.split(",")).contains("health")) {
            return paths;
        }
        String base = property("management.endpoints.web.base-path").orElse("/actuator");
        paths.put(base + "/health", managementPort());
        paths.put(base + "/health/liveness", managementPort());
        paths.put(base + "/health/readiness", managementPort());
        if ("true".equals(property("management.endpoint.health.probes.add-additional-paths").orElse("false"))) {
            paths.put("/livez", serverPort());
            paths.put("/readyz", serverPort());
        }
        return paths;
    }

    /** Java source folders whose configuration classes the deployable runs with. */
    List<Path> sourceFolders() {
        List<Path> folders = new ArrayList<>(List.of(Repository.ROOT.resolve(name + "/src/main/java")));
        if (!isGateway(name)) {
            folders.add(Repository.ROOT.resolve("service-runtime/src/main/java"));
        }
        return folders;
    }

    /**
     * Property names the deployable's own code binds: every {@code @ConfigurationProperties} prefix with the
     * components or fields of its class, and every {@code @Value("${name...}")}.
     */
    Set<String> boundProperties() {
        Set<String> names = new LinkedHashSet<>();
        for (Path folder : sourceFolders()) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> collect(Repository.read(file), names));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static final Pattern CONFIGURATION_PROPERTIES =
            Pattern.compile("@ConfigurationProperties\\((?:prefix\\s*=\\s*)?(\"[^\"]+\"|\\w+)\\)(?:\\s*@\\w+(?:\\([^)]*\\))?)*\\s*(?:public\\s+|static\\s+|final\\s+)*(record|class)\\s+\\w+\\s*(\\()?");
    private static final Pattern VALUE = Pattern.compile("@Value\\(\"\\$\\{([a-z0-9.\\-]+)");
    private static final Pattern FIELD = Pattern.compile("private\\s+(?:final\\s+)?[\\w<>,.? ]+\\s+(\\w+)\\s*[;=]");

    private static void collect(String source, Set<String> names) {
        Matcher value = VALUE.matcher(source);
        while (value.find()) {
            names.add(value.group(1));
        }
        Matcher annotation = CONFIGURATION_PROPERTIES.matcher(source);
        while (annotation.find()) {
            String prefix = annotation.group(1);
            if (!prefix.startsWith("\"")) {
                Matcher constant = Pattern.compile("String\\s+" + prefix + "\\s*=\\s*\"([^\"]+)\"").matcher(source);
                if (!constant.find()) {
                    continue;
                }
                prefix = constant.group(1);
            }
            else {
                prefix = prefix.substring(1, prefix.length() - 1);
            }
            List<String> members = annotation.group(3) != null
                    ? recordComponents(source, annotation.end())
                    : fields(source, annotation.end());
            for (String member : members) {
                names.add(prefix + "." + member);
            }
        }
    }

    private static List<String> recordComponents(String source, int start) {
        int depth = 1;
        int i = start;
        while (i < source.length() && depth > 0) {
            char c = source.charAt(i++);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        String header = source.substring(start, i - 1).replaceAll("@\\w+(\\([^)]*\\))?", " ");
        String previous;
        do {
            previous = header;
            header = header.replaceAll("<[^<>]*>", "");
        } while (!header.equals(previous));
        List<String> components = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] words = part.trim().split("\\s+");
            components.add(words[words.length - 1]);
        }
        return components;
    }

    private static List<String> fields(String source, int start) {
        List<String> fields = new ArrayList<>();
        Matcher field = FIELD.matcher(source.substring(start));
        while (field.find()) {
            fields.add(field.group(1));
        }
        return fields;
    }
}
