package cn.smartunion.deployment;

import cn.smartunion.deployment.HelmChart.Profile;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topic job (chart) and the one-shot kafka-topics container (compose) create exactly the topics of the event
 * catalogue (contracts' asyncapi.json), with its retention and cleanup policy, plus a dead-letter topic for each.
 */
class KafkaTopicsTest {

    /** topic -> its line's fields: partitions, replication factor, retention.ms, cleanup.policy, min.insync.replicas */
    private static Map<String, List<String>> topics(String lines) {
        Map<String, List<String>> topics = new LinkedHashMap<>();
        for (String line : lines.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            assertThat(fields).as(line).hasSize(6);
            assertThat(topics.put(fields[0], List.of(fields).subList(1, 6))).as("twice: " + fields[0]).isNull();
        }
        return topics;
    }

    /** The catalogue's topics with their retention.ms and cleanup.policy. */
    private static Map<String, List<String>> catalogue() {
        JsonObject channels = JsonParser.parseString(Repository.read(Repository.ASYNCAPI)).getAsJsonObject()
                .getAsJsonObject("channels");
        Map<String, List<String>> topics = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> channel : channels.entrySet()) {
            JsonObject kafka = channel.getValue().getAsJsonObject().getAsJsonObject("bindings").getAsJsonObject("kafka");
            JsonObject configuration = kafka.getAsJsonObject("topicConfiguration");
            topics.put(kafka.get("topic").getAsString(), List.of(configuration.get("retention.ms").getAsString(),
                    String.join(",", configuration.getAsJsonArray("cleanup.policy").asList().stream()
                            .map(JsonElement::getAsString).toList())));
        }
        assertThat(topics).hasSizeGreaterThanOrEqualTo(19);
        return topics;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> values(Profile profile) {
        Map<String, Object> defaults = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Repository.read(HelmChart.valuesFile(Profile.DEFAULT)));
        Map<String, Object> topics = new LinkedHashMap<>((Map<String, Object>) ((Map<String, Object>) defaults.get("kafka")).get("topics"));
        if (profile != Profile.DEFAULT) {
            Map<String, Object> overrides = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Repository.read(HelmChart.valuesFile(profile)));
            topics.putAll((Map<String, Object>) ((Map<String, Object>) overrides.get("kafka")).get("topics"));
        }
        return topics;
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void theChartsTopicJobCreatesTheCataloguesTopicsWithTheirSettingsAndTheProfilesPartitions(Profile profile) {
        // helm-java's template leaves hooks out: render the job as an ordinary object to see it (same template)
        List<Map<String, Object>> objects = HelmChart.render(profile, command -> command.set("kafka.topics.hook", "false"));
        V1ConfigMap configMap = HelmChartTest.ofKind(objects, "ConfigMap", V1ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals(HelmChart.RELEASE + "-kafka-topics")).findFirst().orElseThrow();
        Map<String, List<String>> created = topics(configMap.getData().get("topics"));
        Map<String, Object> settings = values(profile);

        assertCatalogueTopics(created, settings.get("partitions").toString(), settings.get("replicationFactor").toString(),
                settings.get("minInsyncReplicas").toString());
        assertThat(configMap.getData().get("create-topics.sh"))
                .isEqualTo(Repository.read(Repository.CHART.resolve("files/create-topics.sh")));

        V1Job job = HelmChartTest.ofKind(objects, "Job", V1Job.class).get(0);
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("apache/kafka:4.1.2");
        assertThat(objects.stream().flatMap(object -> KubernetesObjects.violations(object).stream())).isEmpty();
    }

    @Test
    void byDefaultTheTopicJobIsAHookOutsideTheReleasesManifest() {
        List<Map<String, Object>> objects = HelmChart.render(Profile.DEFAULT);

        assertThat(HelmChartTest.namesOf(objects, "Job")).isEmpty();
        assertThat(HelmChartTest.namesOf(objects, "ConfigMap")).doesNotContain(HelmChart.RELEASE + "-kafka-topics");
        assertThat(Repository.read(Repository.CHART.resolve("templates/kafka-topics-job.yaml")))
                .contains("helm.sh/hook: pre-install,pre-upgrade");
    }

    @Test
    void composesKafkaTopicsContainerCreatesTheSameTopics() {
        Map<String, Object> container = ComposeFile.load().service("kafka-topics");
        Map<String, List<String>> created = topics(ComposeFile.environment(container).get("TOPICS"));

        assertCatalogueTopics(created, "3", "1", "1");
        assertThat(container.get("volumes").toString()).contains("./helm/smart-union-suite/files/create-topics.sh");
    }

    @Test
    void theChartsTopicNamesAreTheCataloguesInItsOrder() {
        assertThat(values(Profile.DEFAULT).get("names")).isEqualTo(List.copyOf(catalogue().keySet()));
    }

    private static void assertCatalogueTopics(Map<String, List<String>> created, String partitions, String replication,
                                              String minInsync) {
        Map<String, List<String>> catalogue = catalogue();
        assertThat(created).hasSize(catalogue.size() * 2);
        catalogue.forEach((topic, configuration) -> {
            assertThat(created.get(topic)).as(topic)
                    .containsExactly(partitions, replication, configuration.get(0), configuration.get(1), minInsync);
            List<String> deadLetters = created.get(topic + ".DLT");
            assertThat(deadLetters).as(topic + ".DLT").isNotNull();
            assertThat(deadLetters.get(0)).isEqualTo(partitions);
            assertThat(Long.parseLong(deadLetters.get(2))).as("dead letters are kept for a while, not for ever").isPositive();
        });
    }
}
