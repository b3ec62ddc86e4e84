package cn.smartunion.deployment;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The chart rendered by the Helm engine (helm-java), as the objects it would send to Kubernetes. */
final class HelmChart {

    static final String RELEASE = "smart-union";
    /** The Kubernetes version rendered for: the API models' own (client-java 24 is Kubernetes 1.32). */
    static final String KUBERNETES_VERSION = "1.32.0";

    /** The values profiles the chart ships: the defaults alone, or a profile file on top of them. */
    enum Profile {
        DEFAULT(null), SMALL("values-small.yaml"), PROVINCE("values-province.yaml");

        private final String file;

        Profile(String file) {
            this.file = file;
        }
    }

    private HelmChart() {
    }

    private static final Map<Profile, List<Map<String, Object>>> RENDERED = new java.util.EnumMap<>(Profile.class);

    /** The profile's objects, rendered once per test run (no test changes them). */
    static synchronized List<Map<String, Object>> render(Profile profile) {
        return RENDERED.computeIfAbsent(profile, p -> List.copyOf(render(p, command -> command)));
    }

    /** Renders with the profile, then whatever the caller adds (e.g. a {@code set}); Helm's errors are thrown. */
    static List<Map<String, Object>> render(Profile profile, UnaryOperator<TemplateCommand> more) {
        TemplateCommand command = new Helm(Repository.CHART).template().withName(RELEASE).withNamespace("smart-union")
                .withKubeVersion(KUBERNETES_VERSION);
        if (profile.file != null) {
            command = command.withValuesFile(Repository.CHART.resolve(profile.file));
        }
        return parse(more.apply(command).call());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String manifests) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(manifests)) {
            if (document != null) {
                objects.add((Map<String, Object>) document);
            }
        }
        return objects;
    }

    static Path valuesFile(Profile profile) {
        return Repository.CHART.resolve(profile.file == null ? "values.yaml" : profile.file);
    }
}
