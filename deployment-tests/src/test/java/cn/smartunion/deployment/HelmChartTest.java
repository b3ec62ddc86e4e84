package cn.smartunion.deployment;

import cn.smartunion.deployment.HelmChart.Profile;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart passes the Helm engine's lint and renders valid Kubernetes objects with each values profile. */
class HelmChartTest {

    @Test
    void theChartPassesHelmLintInStrictMode() {
        LintResult result = new Helm(Repository.CHART).lint().strict().call();

        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyRenderedObjectIsValidAgainstTheKubernetesApiModelsAndTheWorkloadRules(Profile profile) {
        List<Map<String, Object>> objects = HelmChart.render(profile);

        assertThat(objects).hasSizeGreaterThan(30);
        assertThat(objects.stream().flatMap(object -> KubernetesObjects.violations(object).stream()))
                .as("violations with the %s values", profile).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyDeployableHasItsDeploymentServiceConfigMapDisruptionBudgetAndNetworkPolicy(Profile profile) {
        List<Map<String, Object>> objects = HelmChart.render(profile);

        for (String kind : List.of("Deployment", "Service", "ConfigMap", "PodDisruptionBudget", "NetworkPolicy")) {
            assertThat(namesOf(objects, kind)).as(kind).containsAll(Repository.DEPLOYABLES.stream()
                    .map(HelmChartTest::objectName).toList());
        }
        assertThat(namesOf(objects, "Deployment")).hasSize(Repository.DEPLOYABLES.size());
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void autoscalersTargetTheirDeploymentsWithinTheProfilesBounds(Profile profile) {
        List<Map<String, Object>> objects = HelmChart.render(profile);

        List<V2HorizontalPodAutoscaler> autoscalers = ofKind(objects, "HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class);
        assertThat(autoscalers).isNotEmpty();
        Set<String> deployments = namesOf(objects, "Deployment");
        for (V2HorizontalPodAutoscaler autoscaler : autoscalers) {
            assertThat(deployments).contains(autoscaler.getSpec().getScaleTargetRef().getName());
            assertThat(autoscaler.getSpec().getMinReplicas()).isPositive()
                    .isLessThanOrEqualTo(autoscaler.getSpec().getMaxReplicas());
        }
        // a Deployment under an autoscaler leaves replicas to it (helm upgrade would otherwise reset the count)
        Set<String> scaled = autoscalers.stream().map(a -> a.getSpec().getScaleTargetRef().getName()).collect(Collectors.toSet());
        for (V1Deployment deployment : ofKind(objects, "Deployment", V1Deployment.class)) {
            if (scaled.contains(deployment.getMetadata().getName())) {
                assertThat(deployment.getSpec().getReplicas()).as(deployment.getMetadata().getName()).isNull();
            }
            else {
                assertThat(deployment.getSpec().getReplicas()).as(deployment.getMetadata().getName()).isPositive();
            }
        }
    }

    @Test
    void theProfilesDifferInScale() {
        int small = totalMinimumReplicas(HelmChart.render(Profile.SMALL));
        int standard = totalMinimumReplicas(HelmChart.render(Profile.DEFAULT));
        int province = totalMinimumReplicas(HelmChart.render(Profile.PROVINCE));

        assertThat(small).isLessThan(standard);
        assertThat(standard).isLessThan(province);
    }

    @Test
    void onlyTheGatewayTakesTrafficFromOutsideAndTheServicesOnlyFromTheGateway() {
        List<Map<String, Object>> objects = HelmChart.render(Profile.DEFAULT);

        List<V1Ingress> ingresses = ofKind(objects, "Ingress", V1Ingress.class);
        assertThat(ingresses).hasSize(1);
        var backend = ingresses.get(0).getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService();
        assertThat(backend.getName()).isEqualTo(objectName("gateway"));
        assertThat(backend.getPort().getName()).isEqualTo("http");

        List<V1NetworkPolicy> policies = ofKind(objects, "NetworkPolicy", V1NetworkPolicy.class);
        V1NetworkPolicy defaultDeny = policies.stream().filter(p -> p.getMetadata().getName().endsWith("-default-deny"))
                .findFirst().orElseThrow();
        assertThat(defaultDeny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(defaultDeny.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(defaultDeny.getSpec().getPodSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/instance", HelmChart.RELEASE);

        for (String deployable : Repository.DEPLOYABLES) {
            V1NetworkPolicy policy = policies.stream().filter(p -> p.getMetadata().getName().equals(objectName(deployable)))
                    .findFirst().orElseThrow();
            for (V1NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                assertThat(rule.getFrom()).as(deployable + " accepts someone from anywhere").isNotEmpty();
                for (V1NetworkPolicyPeer peer : rule.getFrom()) {
                    assertThat(peer.getIpBlock()).isNull();
                    boolean fromGateway = peer.getNamespaceSelector() == null && peer.getPodSelector() != null
                            && "gateway".equals(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
                    boolean fromAnotherNamespace = peer.getNamespaceSelector() != null
                            && peer.getNamespaceSelector().getMatchLabels() != null
                            && !peer.getNamespaceSelector().getMatchLabels().isEmpty();
                    assertThat(fromGateway || fromAnotherNamespace)
                            .as("%s accepts only the gateway or a named namespace (ingress controller, monitoring): %s", deployable, peer)
                            .isTrue();
                    if (!deployable.equals("gateway") && peer.getNamespaceSelector() == null) {
                        assertThat(fromGateway).isTrue();
                    }
                }
            }
        }
    }

    static String objectName(String deployable) {
        return HelmChart.RELEASE + "-" + deployable;
    }

    @SuppressWarnings("unchecked")
    static Set<String> namesOf(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind")))
                .map(object -> ((Map<String, Object>) object.get("metadata")).get("name").toString())
                .collect(Collectors.toSet());
    }

    static <T> List<T> ofKind(List<Map<String, Object>> objects, String kind, Class<T> model) {
        return objects.stream().filter(object -> kind.equals(object.get("kind")))
                .map(object -> KubernetesObjects.parse(object, model)).toList();
    }

    private static int totalMinimumReplicas(List<Map<String, Object>> objects) {
        Map<String, Integer> minimum = ofKind(objects, "HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class).stream()
                .collect(Collectors.toMap(a -> a.getSpec().getScaleTargetRef().getName(), a -> a.getSpec().getMinReplicas()));
        return ofKind(objects, "Deployment", V1Deployment.class).stream()
                .mapToInt(d -> minimum.getOrDefault(d.getMetadata().getName(), d.getSpec().getReplicas())).sum();
    }
}
