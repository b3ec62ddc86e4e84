package cn.smartunion.deployment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml runs each deployable the way its own configuration expects (ports, variables, health paths),
 * behind health checks and memory limits, with only the gateway and Keycloak published.
 */
class ComposeMatchesServicesTest {

    private static final Pattern HEALTH_PORT = Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+)");
    private static final Pattern HEALTH_PATH = Pattern.compile("GET (\\S+) HTTP");

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void everyDeployableIsBuiltFromTheDockerfileWithItsPort() {
        for (String deployable : Repository.DEPLOYABLES) {
            Map<String, Object> service = compose.service(deployable);
            int port = DeployableConfiguration.of(deployable).serverPort();

            assertThat(service.get("image").toString()).startsWith("smart-union/" + deployable + ":");
            @SuppressWarnings("unchecked")
            Map<String, Object> args = (Map<String, Object>) ((Map<String, Object>) service.get("build")).get("args");
            assertThat(args).containsEntry("DEPLOYABLE", deployable).containsEntry("PORT", Integer.toString(port));
            assertThat(ComposeFile.environment(service)).containsEntry("PORT", Integer.toString(port));
        }
    }

    @Test
    void healthChecksHitTheReadinessEndpointTheDeployableAnswersOnThatPort() {
        for (String deployable : Repository.DEPLOYABLES) {
            String check = healthCheck(compose.service(deployable));
            Map<String, Integer> answered = DeployableConfiguration.of(deployable).healthPaths();

            String path = match(HEALTH_PATH, check, deployable);
            assertThat(answered).as(deployable + " answers " + path).containsKey(path);
            assertThat(path).as("the health check asks whether the deployable is ready").matches(".*(readiness|readyz)");
            assertThat(Integer.parseInt(match(HEALTH_PORT, check, deployable))).as(deployable + " port of " + path)
                    .isEqualTo(answered.get(path));
        }
    }

    @Test
    void everyVariableIsOneTheDeployableReadsAndTheOnesItNeedsAreSet() {
        for (String deployable : Repository.DEPLOYABLES) {
            Map<String, String> environment = ComposeFile.environment(compose.service(deployable));
            EnvironmentRules rules = EnvironmentRules.of(deployable);

            assertThat(rules.unread(environment.keySet())).as(deployable).isEmpty();
            assertThat(environment.keySet()).as(deployable).containsAll(rules.required());
            if (DeployableConfiguration.isGateway(deployable)) {
                assertThat(environment.keySet()).containsAll(ChartMatchesServicesTest.needed(deployable));
                continue;
            }
            // the personal-data keys arrive as run-local.sh gives them: in SPRING_APPLICATION_JSON
            assertThat(environment.keySet()).contains("OIDC_ISSUER_URI", "OIDC_AUDIENCE", "MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS",
                    "SPRING_APPLICATION_JSON");
            String json = environment.get("SPRING_APPLICATION_JSON");
            assertThat(json).contains("\"personal-data\":{\"keys\":{\"demo-2026\":\"", "\"active-key-id\":\"demo-2026\"",
                    "\"blind-index-key\":\"");
            if (deployable.equals("membership-service")) {
                assertThat(json).contains("\"join-code\":{\"keys\":{", "\"join-url-prefix\":");
                assertThat(environment).containsKey("KEYCLOAK_ADMIN_CLIENT_SECRET");
            }
            assertThat(environment.get("MONGODB_URI")).startsWith("mongodb://mongo:27017/").endsWith("?replicaSet=rs0");
        }
    }

    @Test
    void theGatewayRoutesToTheComposeServicesOnTheirPorts() {
        Map<String, String> environment = ComposeFile.environment(compose.service("gateway"));
        for (String deployable : Repository.DEPLOYABLES) {
            if (!DeployableConfiguration.isGateway(deployable)) {
                assertThat(environment).containsEntry(deployable.toUpperCase().replace('-', '_') + "_URI",
                        "http://" + deployable + ":" + DeployableConfiguration.of(deployable).serverPort());
            }
        }
        assertThat(environment).containsEntry("MANAGEMENT_PORT",
                Integer.toString(DeployableConfiguration.of("gateway").managementPort()));
    }

    @Test
    void onlyTheGatewayAndKeycloakArePublished() {
        compose.services().forEach((name, service) -> {
            if (name.equals("gateway")) {
                assertThat(service.get("ports")).isEqualTo(List.of("8080:8080"));
            }
            else if (name.equals("keycloak")) {
                assertThat(service.get("ports")).isEqualTo(List.of("8180:8180"));
            }
            else {
                assertThat(service).as(name + " is not published").doesNotContainKeys("ports", "network_mode");
            }
        });
    }

    @Test
    void everyContainerHasAMemoryLimitAndEveryLongRunningOneAHealthCheck() {
        Set<String> oneShots = Set.of("kafka-topics", "mongo-init");
        compose.services().forEach((name, service) -> {
            assertThat(service).as(name + " memory limit").containsKey("mem_limit");
            if (!oneShots.contains(name)) {
                assertThat(service).as(name + " health check").containsKey("healthcheck");
            }
            else {
                assertThat(service.get("restart")).isEqualTo("no");
            }
        });
    }

    @Test
    void servicesStartOnlyOnHealthyInfrastructureAndTheGatewayOnHealthyServices() {
        for (String deployable : Repository.DEPLOYABLES) {
            Map<String, Map<String, String>> dependsOn = dependsOn(compose.service(deployable));
            assertThat(dependsOn).as(deployable).containsKey("keycloak");
            if (DeployableConfiguration.isGateway(deployable)) {
                Repository.DEPLOYABLES.stream().filter(d -> !d.equals(deployable)).forEach(service ->
                        assertThat(dependsOn.get(service)).as("gateway waits for " + service)
                                .containsEntry("condition", "service_healthy"));
            }
            else {
                assertThat(dependsOn.get("mongo-init")).containsEntry("condition", "service_completed_successfully");
                assertThat(dependsOn.get("kafka-topics")).containsEntry("condition", "service_completed_successfully");
                assertThat(dependsOn.get("keycloak")).containsEntry("condition", "service_healthy");
            }
        }
        assertThat(dependsOn(compose.service("mongo-init")).get("mongo")).containsEntry("condition", "service_healthy");
        assertThat(dependsOn(compose.service("kafka-topics")).get("kafka")).containsEntry("condition", "service_healthy");
    }

    @Test
    void keycloakRunsTheProjectsVersionWithTheLocalRealmsAndTheIssuerTheServicesCheck() {
        Map<String, Object> keycloak = compose.service("keycloak");
        @SuppressWarnings("unchecked")
        List<String> command = (List<String>) keycloak.get("command");

        assertThat(keycloak.get("image")).isEqualTo("quay.io/keycloak/keycloak:26.7.3");
        assertThat(command).contains("--import-realm", "--hostname=http://localhost:8180");
        assertThat(keycloak.get("volumes").toString()).contains("./local-run/keycloak:/opt/keycloak/data/import");
        for (String deployable : Repository.DEPLOYABLES) {
            assertThat(ComposeFile.environment(compose.service(deployable)))
                    .containsEntry("OIDC_ISSUER_URI", "http://localhost:8180/realms/smart-union");
        }
        assertThat(compose.service("kafka").get("image")).isEqualTo("apache/kafka:4.1.2");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> dependsOn(Map<String, Object> service) {
        return (Map<String, Map<String, String>>) service.get("depends_on");
    }

    @SuppressWarnings("unchecked")
    private static String healthCheck(Map<String, Object> service) {
        Map<String, Object> healthcheck = (Map<String, Object>) service.get("healthcheck");
        assertThat(healthcheck).isNotNull();
        return String.join(" ", (List<String>) healthcheck.get("test"));
    }

    private static String match(Pattern pattern, String text, String deployable) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(deployable + " health check " + text).isTrue();
        return matcher.group(1);
    }
}
