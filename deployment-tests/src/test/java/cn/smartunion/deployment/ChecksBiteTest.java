package cn.smartunion.deployment;

import cn.smartunion.deployment.HelmChart.Profile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks the other tests rely on reject what they should: shown on hand-made manifests and bad values. */
class ChecksBiteTest {

    /** A Deployment that passes every check; each test breaks one thing. */
    private static final String VALID = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: example
            spec:
              replicas: 2
              selector:
                matchLabels: { app: example }
              template:
                metadata:
                  labels: { app: example }
                spec:
                  securityContext:
                    runAsNonRoot: true
                    seccompProfile: { type: RuntimeDefault }
                  containers:
                    - name: example
                      image: smart-union/aid-service:0.1.0-SNAPSHOT
                      ports:
                        - { name: http, containerPort: 8082 }
                      readinessProbe:
                        httpGet: { path: /actuator/health/readiness, port: http }
                      livenessProbe:
                        httpGet: { path: /actuator/health/liveness, port: http }
                      resources:
                        requests: { cpu: 100m, memory: 512Mi }
                        limits: { cpu: "1", memory: 640Mi }
                      securityContext:
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities: { drop: [ALL] }
                      volumeMounts:
                        - { name: tmp, mountPath: /tmp }
                  volumes:
                    - name: tmp
                      emptyDir: {}
            """;

    private static List<String> violationsOf(String manifest) {
        List<Map<String, Object>> objects = HelmChart.parse(manifest);
        assertThat(objects).hasSize(1);
        return KubernetesObjects.violations(objects.get(0));
    }

    private static String breaking(String original, String replacement) {
        assertThat(VALID).contains(original);
        return VALID.replace(original, replacement);
    }

    @Test
    void theHandMadeDeploymentPasses() {
        assertThat(violationsOf(VALID)).isEmpty();
    }

    @Test
    void anUnknownFieldAnywhereIsRejected() {
        assertThat(violationsOf(breaking("readinessProbe:", "readinessprobe:")))
                .anySatisfy(v -> assertThat(v).contains("readinessprobe"));
        assertThat(violationsOf(breaking("  replicas: 2", "  replicas: 2\n  replica: 2")))
                .anySatisfy(v -> assertThat(v).contains("replica"));
        assertThat(violationsOf(breaking("emptyDir: {}", "emptyDir: { medium: Memory, sizeLimt: 1Gi }")))
                .anySatisfy(v -> assertThat(v).contains("sizeLimt"));
    }

    @Test
    void aWrongTypeAMissingRequiredFieldAndAnUnknownKindAreRejected() {
        assertThat(violationsOf(breaking("  replicas: 2", "  replicas: [2]"))).isNotEmpty();
        assertThat(violationsOf(breaking("        - name: example\n          image:", "        - image:")))
                .anySatisfy(v -> assertThat(v).contains("name"));
        assertThat(violationsOf(breaking("kind: Deployment", "kind: DeploymentConfig")))
                .anySatisfy(v -> assertThat(v).contains("not a kind the chart may render"));
    }

    @Test
    void aContainerWithoutProbesLimitsOrTheHardenedSecurityContextIsRejected() {
        assertThat(violationsOf(breaking("          livenessProbe:\n            httpGet: { path: /actuator/health/liveness, port: http }\n", "")))
                .anySatisfy(v -> assertThat(v).endsWith("no livenessProbe"));
        assertThat(violationsOf(breaking("          readinessProbe:\n            httpGet: { path: /actuator/health/readiness, port: http }\n", "")))
                .anySatisfy(v -> assertThat(v).endsWith("no readinessProbe"));
        assertThat(violationsOf(breaking("    limits: { cpu: \"1\", memory: 640Mi }", "    limits: { cpu: \"1\" }")))
                .anySatisfy(v -> assertThat(v).endsWith("no cpu and memory limits"));
        assertThat(violationsOf(breaking("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false")))
                .anySatisfy(v -> assertThat(v).endsWith("readOnlyRootFilesystem is not true"));
        assertThat(violationsOf(breaking("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true")))
                .anySatisfy(v -> assertThat(v).endsWith("allowPrivilegeEscalation is not false"));
        assertThat(violationsOf(breaking("capabilities: { drop: [ALL] }", "capabilities: { drop: [NET_RAW] }")))
                .anySatisfy(v -> assertThat(v).endsWith("does not drop ALL capabilities"));
        assertThat(violationsOf(breaking("    runAsNonRoot: true\n", "    runAsUser: 0\n")))
                .anySatisfy(v -> assertThat(v).endsWith("runAsNonRoot is not true"));
        assertThat(violationsOf(breaking("seccompProfile: { type: RuntimeDefault }", "seccompProfile: { type: Unconfined }")))
                .anySatisfy(v -> assertThat(v).endsWith("no seccomp profile (RuntimeDefault)"));
        assertThat(violationsOf(breaking("emptyDir: {}", "configMap: { name: scratch }")))
                .anySatisfy(v -> assertThat(v).contains("no emptyDir mounted at /tmp"));
    }

    @Test
    void theValuesSchemaRejectsAnUnknownOrMistypedValue() {
        assertThatThrownBy(() -> HelmChart.render(Profile.DEFAULT, command -> command.set("deployables.aid-service.replicaz", "3")))
                .hasMessageContaining("replicaz");
        assertThatThrownBy(() -> HelmChart.render(Profile.DEFAULT, command -> command.set("deployables.reporting-service.port", "8086")))
                .hasMessageContaining("reporting-service");
        assertThatThrownBy(() -> HelmChart.render(Profile.DEFAULT, command -> command.set("kafka.topics.partitions", "0")))
                .hasMessageContaining("partitions");
        assertThatThrownBy(() -> HelmChart.render(Profile.DEFAULT, command -> command.set("personalData.activeKeyId", "K-2026")))
                .hasMessageContaining("activeKeyId");
    }

    @Test
    void aVariableNoDeployableReadsIsCaughtInTheRenderedChart() {
        List<Map<String, Object>> objects = HelmChart.render(Profile.DEFAULT,
                command -> command.set("deployables.aid-service.env.SMARTUNION_AID_APPROVAL_COUNTY_LIMIT", "1"));
        Map<String, String> environment = ChartMatchesServicesTest.environment(objects, "aid-service");

        assertThat(EnvironmentRules.of("aid-service").unread(environment.keySet()))
                .containsExactly("aid-service reads no SMARTUNION_AID_APPROVAL_COUNTY_LIMIT (no ${SMARTUNION_AID_APPROVAL_COUNTY_LIMIT}"
                        + " in its configuration, and no property of it or of Spring Boot binds it)");
    }

    @Test
    void theVariableRulesKnowWhoReadsWhat() {
        EnvironmentRules aid = EnvironmentRules.of("aid-service");
        EnvironmentRules membership = EnvironmentRules.of("membership-service");
        EnvironmentRules gateway = EnvironmentRules.of("gateway");

        assertThat(aid.whyUnread("SMARTUNION_AID_APPROVAL_COUNTY_LIMIT_FEN")).isNull();           // a placeholder
        assertThat(aid.whyUnread("SMARTUNION_PERSONALDATA_KEYS_K2026")).isNull();                 // a bound map
        assertThat(aid.whyUnread("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")).isNull(); // Spring Boot's
        assertThat(aid.whyUnread("SMARTUNION_KAFKA_REPLICATIONFACTOR")).isNull();                 // an @Value
        assertThat(aid.whyUnread("MANAGEMENT_TRACING_EXPORT_OTLP_ENABLD")).isNotNull();           // a typo
        assertThat(aid.whyUnread("SMARTUNION_MEMBERSHIP_JOINCODE_ACTIVEKEYID")).isNotNull();      // membership's
        assertThat(membership.whyUnread("SMARTUNION_MEMBERSHIP_JOINCODE_ACTIVEKEYID")).isNull();
        assertThat(membership.whyUnread("KEYCLOAK_ADMIN_CLIENT_SECRET")).isNull();
        assertThat(EnvironmentRules.of("statistics-service").whyUnread("SMARTUNION_KAFKA_PARTITIONS")).isNotNull();
        assertThat(gateway.whyUnread("MONGODB_URI")).isNotNull();
        assertThat(gateway.whyUnread("SMARTUNION_PERSONALDATA_ACTIVEKEYID")).isNotNull();
        assertThat(gateway.whyUnread("STATISTICS_SERVICE_URI")).isNull();
    }

    @Test
    void healthPathsAreOnlyTheOnesTheDeployableAnswersOnTheirPort() {
        Map<String, Integer> aid = DeployableConfiguration.of("aid-service").healthPaths();
        Map<String, Integer> gateway = DeployableConfiguration.of("gateway").healthPaths();

        assertThat(aid).containsEntry("/actuator/health/readiness", 8082).doesNotContainKeys("/readyz", "/health/ready");
        assertThat(gateway).containsEntry("/actuator/health/readiness", 8090).containsEntry("/readyz", 8080);
    }
}
