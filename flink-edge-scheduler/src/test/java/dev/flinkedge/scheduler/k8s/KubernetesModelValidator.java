package dev.flinkedge.scheduler.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks plain Kubernetes resources against the Kubernetes API's types (fabric8's model classes,
 * generated from the API server's OpenAPI definitions): a document binds to the class of its {@code
 * apiVersion} and {@code kind}; a value of the wrong type fails binding, and a field the API does
 * not define (a misspelling, a field at the wrong level) is reported with its path, as the API
 * server would reject or silently drop it.
 */
final class KubernetesModelValidator {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Map<String, Class<? extends KubernetesResource>> TYPES =
            Map.of(
                    "apps/v1 Deployment", Deployment.class,
                    "apps/v1 StatefulSet", StatefulSet.class,
                    "v1 Service", Service.class,
                    "v1 Secret", Secret.class,
                    "v1 ConfigMap", ConfigMap.class,
                    "v1 PersistentVolumeClaim", PersistentVolumeClaim.class,
                    "batch/v1 Job", Job.class);

    private KubernetesModelValidator() {}

    /** Whether {@code apiVersion} and {@code kind} name a type this validator knows. */
    static boolean knows(JsonNode document) {
        return TYPES.containsKey(typeKey(document));
    }

    /**
     * The problems of a plain resource, one line each; empty if it binds and every field is
     * defined.
     */
    static List<String> validate(JsonNode document) {
        Class<? extends KubernetesResource> type = TYPES.get(typeKey(document));
        if (type == null) {
            return List.of(
                    "no Kubernetes type for '"
                            + typeKey(document)
                            + "'; known: "
                            + TYPES.keySet().stream().sorted().toList());
        }
        return bind(document, type, "");
    }

    /**
     * The problems of a pod template given as a Pod (a FlinkDeployment's, which its CRD leaves
     * open).
     */
    static List<String> validatePodTemplate(JsonNode template, String path) {
        return bind(template, Pod.class, path);
    }

    private static List<String> bind(JsonNode node, Class<?> type, String path) {
        Object bound;
        try {
            bound = MAPPER.treeToValue(node, type);
        } catch (Exception e) {
            return List.of(
                    path
                            + ": does not match "
                            + type.getSimpleName()
                            + ": "
                            + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> problems = new ArrayList<>();
        unknownFields(bound, path, problems);
        return problems;
    }

    /** Walks the bound model; fields the type does not define land in additionalProperties. */
    private static void unknownFields(Object value, String path, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet()
                            .forEach(
                                    k ->
                                            problems.add(
                                                    path
                                                            + "."
                                                            + k
                                                            + ": no such field in "
                                                            + value.getClass().getSimpleName()));
                }
                continue;
            }
            unknownFields(field, path + "." + fieldName(getter), problems);
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }

    private static String fieldName(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String typeKey(JsonNode document) {
        return document.path("apiVersion").asText("") + " " + document.path("kind").asText("");
    }
}
