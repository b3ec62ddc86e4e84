package cn.smartunion.deployment;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks rendered objects against the Kubernetes API models (client-java's generated models reject a field the API
 * does not define, a wrong type and a missing required field), then the suite's own rules for workloads: every
 * container has resource limits and the hardened securityContext, every Deployment container a readiness and a
 * liveness probe.
 */
final class KubernetesObjects {

    /** The kinds the chart may render, by apiVersion and kind; anything else is an error too. */
    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/ConfigMap", V1ConfigMap.class,
            "v1/Service", V1Service.class,
            "v1/ServiceAccount", V1ServiceAccount.class,
            "apps/v1/Deployment", V1Deployment.class,
            "batch/v1/Job", V1Job.class,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", V1Ingress.class);

    private static final Gson GSON = new Gson();

    private KubernetesObjects() {
    }

    static String describe(Map<String, Object> object) {
        Object metadata = object.get("metadata");
        Object name = metadata instanceof Map<?, ?> m ? m.get("name") : null;
        return object.get("kind") + "/" + name;
    }

    /** Every violation of the object, empty when it is valid. */
    static List<String> violations(Map<String, Object> object) {
        List<String> violations = new ArrayList<>();
        String key = object.get("apiVersion") + "/" + object.get("kind");
        Class<?> model = MODELS.get(key);
        if (model == null) {
            violations.add(describe(object) + ": " + key + " is not a kind the chart may render");
            return violations;
        }
        JsonElement json = GSON.toJsonTree(object);
        try {
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
        }
        catch (InvocationTargetException e) {
            violations.add(describe(object) + ": " + e.getCause().getMessage());
            return violations;
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        Object typed;
        try {
            // the models' validation checks names and required fields; reading it typed checks the values' types too
            typed = parse(json, model);
        }
        catch (IllegalStateException e) {
            violations.add(describe(object) + ": " + rootMessage(e));
            return violations;
        }
        if (typed instanceof V1Deployment deployment) {
            workloadViolations(describe(object), deployment.getSpec().getTemplate().getSpec(), true, violations);
        }
        else if (typed instanceof V1Job job) {
            workloadViolations(describe(object), job.getSpec().getTemplate().getSpec(), false, violations);
        }
        return violations;
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    static <T> T parse(Map<String, Object> object, Class<T> model) {
        return parse(GSON.toJsonTree(object), model);
    }

    private static <T> T parse(JsonElement json, Class<T> model) {
        try {
            return model.cast(model.getMethod("fromJson", String.class).invoke(null, json.toString()));
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model.getSimpleName() + " does not parse: " + e, e);
        }
    }

    private static void workloadViolations(String owner, V1PodSpec pod, boolean longRunning, List<String> violations) {
        List<V1Container> containers = new ArrayList<>(pod.getContainers());
        Optional.ofNullable(pod.getInitContainers()).ifPresent(containers::addAll);
        V1PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElse(new V1PodSecurityContext());
        for (V1Container container : containers) {
            String where = owner + " container " + container.getName() + ": ";
            if (longRunning && container.getReadinessProbe() == null) {
                violations.add(where + "no readinessProbe");
            }
            if (longRunning && container.getLivenessProbe() == null) {
                violations.add(where + "no livenessProbe");
            }
            var limits = container.getResources() == null ? null : container.getResources().getLimits();
            if (limits == null || !limits.containsKey("memory") || !limits.containsKey("cpu")) {
                violations.add(where + "no cpu and memory limits");
            }
            var requests = container.getResources() == null ? null : container.getResources().getRequests();
            if (requests == null || !requests.containsKey("memory") || !requests.containsKey("cpu")) {
                violations.add(where + "no cpu and memory requests");
            }
            V1SecurityContext context = Optional.ofNullable(container.getSecurityContext()).orElse(new V1SecurityContext());
            boolean nonRoot = Boolean.TRUE.equals(context.getRunAsNonRoot())
                    || (context.getRunAsNonRoot() == null && Boolean.TRUE.equals(podContext.getRunAsNonRoot()));
            if (!nonRoot) {
                violations.add(where + "runAsNonRoot is not true");
            }
            Long user = context.getRunAsUser() != null ? context.getRunAsUser() : podContext.getRunAsUser();
            if (user != null && user == 0) {
                violations.add(where + "runs as uid 0");
            }
            if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                violations.add(where + "allowPrivilegeEscalation is not false");
            }
            if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                violations.add(where + "readOnlyRootFilesystem is not true");
            }
            if (!Boolean.TRUE.equals(context.getPrivileged()) && context.getCapabilities() != null
                    && context.getCapabilities().getDrop() != null && context.getCapabilities().getDrop().contains("ALL")) {
                if (context.getCapabilities().getAdd() != null && !context.getCapabilities().getAdd().isEmpty()) {
                    violations.add(where + "adds capabilities " + context.getCapabilities().getAdd());
                }
            }
            else {
                violations.add(where + "does not drop ALL capabilities");
            }
            String seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile().getType()
                    : podContext.getSeccompProfile() != null ? podContext.getSeccompProfile().getType() : null;
            if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                violations.add(where + "no seccomp profile (RuntimeDefault)");
            }
            if (!writableTmp(pod, container)) {
                violations.add(where + "no emptyDir mounted at /tmp (the root file system is read-only)");
            }
        }
    }

    private static boolean writableTmp(V1PodSpec pod, V1Container container) {
        List<V1VolumeMount> mounts = Optional.ofNullable(container.getVolumeMounts()).orElse(List.of());
        List<V1Volume> volumes = Optional.ofNullable(pod.getVolumes()).orElse(List.of());
        return mounts.stream().filter(mount -> "/tmp".equals(mount.getMountPath()))
                .filter(mount -> !Boolean.TRUE.equals(mount.getReadOnly()))
                .anyMatch(mount -> volumes.stream().anyMatch(volume -> Objects.equals(volume.getName(), mount.getName())
                        && volume.getEmptyDir() != null));
    }
}
