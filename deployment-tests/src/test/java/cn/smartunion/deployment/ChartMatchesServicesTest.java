package cn.smartunion.deployment;

import cn.smartunion.deployment.HelmChart.Profile;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1Service;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered chart runs each deployable the way its own configuration expects: the image docker-compose.yml builds,
 * the port of its application.yml, only environment variables it reads (and the ones it needs), probes on health
 * paths it answers, and a gateway routed to the chart's own Services.
 */
class ChartMatchesServicesTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void imagesAreTheOnesComposeBuilds(Profile profile) {
        ComposeFile compose = ComposeFile.load();
        for (String deployable : Repository.DEPLOYABLES) {
            String composeImage = compose.service(deployable).get("image").toString();

            assertThat(container(HelmChart.render(profile), deployable).getImage()).isEqualTo(composeImage)
                    .startsWith("smart-union/" + deployable + ":");
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void portsAndServicesAreTheDeployablesOwn(Profile profile) {
        List<Map<String, Object>> objects = HelmChart.render(profile);
        for (String deployable : Repository.DEPLOYABLES) {
            DeployableConfiguration configuration = DeployableConfiguration.of(deployable);
            V1Container container = container(objects, deployable);
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (V1ContainerPort port : container.getPorts()) {
                ports.put(port.getName(), port.getContainerPort());
            }
            Map<String, Integer> expected = new LinkedHashMap<>();
            expected.put("http", configuration.serverPort());
            if (configuration.managementPort() != configuration.serverPort()) {
                expected.put("management", configuration.managementPort());
            }
            assertThat(ports).as(deployable).isEqualTo(expected);
            assertThat(environment(objects, deployable)).as(deployable)
                    .containsEntry("PORT", Integer.toString(configuration.serverPort()));
            if (expected.containsKey("management")) {
                assertThat(environment(objects, deployable)).containsEntry("MANAGEMENT_PORT",
                        Integer.toString(configuration.managementPort()));
            }

            V1Service service = HelmChartTest.ofKind(objects, "Service", V1Service.class).stream()
                    .filter(s -> s.getMetadata().getName().equals(HelmChartTest.objectName(deployable))).findFirst().orElseThrow();
            assertThat(service.getSpec().getPorts()).allSatisfy(port -> {
                assertThat(expected).containsKey(port.getTargetPort().getStrValue());
                assertThat(port.getPort()).isEqualTo(expected.get(port.getTargetPort().getStrValue()));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void probesHitHealthGroupsTheDeployablesAnswer(Profile profile) {
        List<Map<String, Object>> objects = HelmChart.render(profile);
        for (String deployable : Repository.DEPLOYABLES) {
            DeployableConfiguration configuration = DeployableConfiguration.of(deployable);
            V1Container container = container(objects, deployable);
            Map<String, Integer> answered = configuration.healthPaths();

            assertProbe(deployable, "readiness", container.getReadinessProbe(), container, answered);
            assertProbe(deployable, "liveness", container.getLivenessProbe(), container, answered);
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).endsWith("readiness");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).endsWith("liveness");
            Optional.ofNullable(container.getStartupProbe())
                    .ifPresent(probe -> assertProbe(deployable, "startup", probe, container, answered));
            if (DeployableConfiguration.isGateway(deployable)) {
                // the brief of the gateway: its probes on the management port, never behind the ingress
                assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrValue()).isEqualTo("management");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyVariableIsOneTheDeployableReadsAndTheOnesItNeedsAreSet(Profile profile) {
        List<Map<String, Object>> objects = HelmChart.render(profile);
        for (String deployable : Repository.DEPLOYABLES) {
            Map<String, String> environment = environment(objects, deployable);
            EnvironmentRules rules = EnvironmentRules.of(deployable);

            assertThat(rules.unread(environment.keySet())).as(deployable).isEmpty();
            assertThat(environment.keySet()).as(deployable).containsAll(rules.required()).containsAll(needed(deployable));
            if (!DeployableConfiguration.isGateway(deployable)) {
                String activeKey = "SMARTUNION_PERSONALDATA_KEYS_" + environment.get("SMARTUNION_PERSONALDATA_ACTIVEKEYID").toUpperCase();
                assertThat(environment).as(deployable + ": the active personal-data key").containsKey(activeKey);
                assertThat(environment.get(activeKey)).startsWith("secret:");
                assertThat(environment.get("SMARTUNION_PERSONALDATA_BLINDINDEXKEY")).startsWith("secret:");
                assertThat(environment.get("MONGODB_URI")).as("credentials come from a Secret").startsWith("secret:");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void kafkaAuthenticationReachesTheServicesAsSpringKafkasOwnSettings() {
        List<Map<String, Object>> objects = HelmChart.render(Profile.PROVINCE, command -> command
                .set("kafka.security.protocol", "SASL_SSL").set("kafka.security.saslMechanism", "SCRAM-SHA-512")
                .set("kafka.security.jaasConfigSecret", "smart-union-kafka-users").set("tracing.otlpEndpoint",
                        "http://otel-collector.observability:4318/v1/traces").set("personalData.retiredKeyIds[0]", "k2025"));
        for (String deployable : Repository.DEPLOYABLES) {
            Map<String, String> environment = environment(objects, deployable);

            assertThat(EnvironmentRules.of(deployable).unread(environment.keySet())).as(deployable).isEmpty();
            assertThat(environment).containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                    "http://otel-collector.observability:4318/v1/traces");
            if (!DeployableConfiguration.isGateway(deployable)) {
                assertThat(environment).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                        .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                        .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "secret:smart-union-kafka-users/" + deployable)
                        .containsEntry("SMARTUNION_PERSONALDATA_KEYS_K2025", "secret:smart-union-personal-data/data-key-k2025");
            }
        }
        assertThat(objects.stream().flatMap(object -> KubernetesObjects.violations(object).stream())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void theGatewayRoutesToTheChartsServicesOnTheirPorts(Profile profile) {
        List<Map<String, Object>> objects = HelmChart.render(profile);
        Map<String, String> environment = environment(objects, "gateway");
        for (String deployable : Repository.DEPLOYABLES) {
            if (DeployableConfiguration.isGateway(deployable)) {
                continue;
            }
            String variable = deployable.toUpperCase().replace('-', '_') + "_URI";
            assertThat(DeployableConfiguration.of("gateway").variables).containsKey(variable);
            assertThat(environment).containsEntry(variable, "http://" + HelmChartTest.objectName(deployable) + ":"
                    + DeployableConfiguration.of(deployable).serverPort());
        }
    }

    /** What each deployable needs beyond its placeholders (keys without defaults: the service does not start). */
    static Set<String> needed(String deployable) {
        if (DeployableConfiguration.isGateway(deployable)) {
            return Set.of("OIDC_ISSUER_URI", "OIDC_AUDIENCE", "MANAGEMENT_PORT", "MEMBERSHIP_SERVICE_URI", "AID_SERVICE_URI",
                    "RIGHTS_SERVICE_URI", "COMPETITION_SERVICE_URI", "STATISTICS_SERVICE_URI");
        }
        Set<String> needed = new java.util.TreeSet<>(Set.of("OIDC_ISSUER_URI", "OIDC_AUDIENCE", "MONGODB_URI",
                "KAFKA_BOOTSTRAP_SERVERS", "SMARTUNION_PERSONALDATA_ACTIVEKEYID", "SMARTUNION_PERSONALDATA_BLINDINDEXKEY"));
        if (deployable.equals("membership-service")) {
            needed.addAll(List.of("SMARTUNION_MEMBERSHIP_JOINCODE_ACTIVEKEYID", "SMARTUNION_MEMBERSHIP_JOINCODE_JOINURLPREFIX",
                    "KEYCLOAK_ADMIN_CLIENT_SECRET"));
        }
        return needed;
    }

    private static void assertProbe(String deployable, String kind, V1Probe probe, V1Container container,
                                    Map<String, Integer> answered) {
        assertThat(probe).as(deployable + " " + kind + " probe").isNotNull();
        assertThat(probe.getHttpGet()).as(deployable + " " + kind + " probe is an HTTP GET").isNotNull();
        String path = probe.getHttpGet().getPath();
        String portName = probe.getHttpGet().getPort().getStrValue();
        int port = container.getPorts().stream().filter(p -> p.getName().equals(portName)).findFirst()
                .orElseThrow(() -> new AssertionError(deployable + " has no port named " + portName)).getContainerPort();
        assertThat(answered).as(deployable + " answers " + path).containsKey(path);
        assertThat(answered.get(path)).as(deployable + " answers " + path + " on port").isEqualTo(port);
    }

    static V1Container container(List<Map<String, Object>> objects, String deployable) {
        V1Deployment deployment = HelmChartTest.ofKind(objects, "Deployment", V1Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals(HelmChartTest.objectName(deployable))).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment of " + deployable));
        List<V1Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    /**
     * The container's environment: its ConfigMaps' entries (envFrom) and its own variables; a variable from a
     * Secret shows as {@code secret:<name>/<key>}.
     */
    static Map<String, String> environment(List<Map<String, Object>> objects, String deployable) {
        V1Container container = container(objects, deployable);
        Map<String, String> environment = new LinkedHashMap<>();
        List<V1ConfigMap> configMaps = HelmChartTest.ofKind(objects, "ConfigMap", V1ConfigMap.class);
        for (var source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            assertThat(source.getSecretRef()).as("secrets come in by name, never wholesale").isNull();
            String name = source.getConfigMapRef().getName();
            V1ConfigMap configMap = configMaps.stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(deployable + " reads a ConfigMap the chart lacks: " + name));
            environment.putAll(configMap.getData());
        }
        for (V1EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(new ArrayList<>())) {
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                var ref = variable.getValueFrom().getSecretKeyRef();
                environment.put(variable.getName(), "secret:" + ref.getName() + "/" + ref.getKey());
            }
            else {
                environment.put(variable.getName(), variable.getValue());
            }
        }
        return environment;
    }
}
