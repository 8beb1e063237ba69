package dev.regua.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A rendered set of Kubernetes objects, with the look-ups the checks need: objects by kind and name,
 * the pod templates of the workloads, label selection, and the environment a container really gets.
 */
final class Manifests {

    /** Kinds that live outside any namespace. */
    static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume",
            "StorageClass", "PriorityClass", "IngressClass", "ClusterSecretStore", "ClusterIssuer",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration");

    private final List<JsonNode> objects;

    Manifests(List<JsonNode> objects) {
        this.objects = List.copyOf(objects);
    }

    static Manifests parse(String yaml) {
        return new Manifests(Yaml.documents(yaml));
    }

    /** This render and another one, applied together (an overlay and the realm, say). */
    Manifests and(Manifests other) {
        return new Manifests(Stream.concat(objects.stream(), other.objects.stream()).toList());
    }

    List<JsonNode> all() {
        return objects;
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(kind(o))).toList();
    }

    Optional<JsonNode> find(String kind, String namespace, String name) {
        return objects.stream()
                .filter(o -> kind.equals(kind(o)) && name.equals(name(o)) && namespace.equals(namespace(o)))
                .findFirst();
    }

    // ---- identity of an object --------------------------------------------------------------------

    static String kind(JsonNode object) {
        return object.path("kind").asText("");
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText("");
    }

    static String namespace(JsonNode object) {
        return object.path("metadata").path("namespace").asText("");
    }

    /** {@code Kind namespace/name}, the way the problems name an object. */
    static String describe(JsonNode object) {
        String namespace = namespace(object);
        return kind(object) + " " + (namespace.isEmpty() ? "" : namespace + "/") + name(object);
    }

    static Map<String, String> labels(JsonNode metadataOwner) {
        return strings(metadataOwner.path("metadata").path("labels"));
    }

    // ---- workloads and their pods -------------------------------------------------------------------

    /** An object that runs pods, with the pod template it runs them from. */
    record Workload(JsonNode object, JsonNode template) {

        String describe() {
            return Manifests.describe(object);
        }

        String namespace() {
            return Manifests.namespace(object);
        }

        Map<String, String> podLabels() {
            return labels(template);
        }

        JsonNode podSpec() {
            return template.path("spec");
        }

        /** Init containers and containers alike. */
        List<JsonNode> containers() {
            var containers = new ArrayList<JsonNode>();
            podSpec().path("initContainers").forEach(containers::add);
            podSpec().path("containers").forEach(containers::add);
            return containers;
        }

        /** The replicas the workload asks for; {@code spec.replicas} defaults to 1. */
        int replicas() {
            return object.path("spec").path("replicas").asInt(1);
        }
    }

    List<Workload> workloads() {
        var workloads = new ArrayList<Workload>();
        for (JsonNode object : objects) {
            switch (kind(object)) {
                case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" ->
                        workloads.add(new Workload(object, object.path("spec").path("template")));
                case "CronJob" ->
                        workloads.add(new Workload(object, object.path("spec").path("jobTemplate").path("spec").path("template")));
                case "Pod" -> workloads.add(new Workload(object, object));
                default -> {
                }
            }
        }
        return workloads;
    }

    /** The workloads in {@code namespace} whose pods carry every label of a plain label map. */
    List<Workload> workloadsSelectedBy(String namespace, Map<String, String> selector) {
        return workloads().stream()
                .filter(w -> w.namespace().equals(namespace))
                .filter(w -> w.podLabels().entrySet().containsAll(selector.entrySet()))
                .toList();
    }

    /** The workloads in {@code namespace} whose pods a {@code LabelSelector} (matchLabels, matchExpressions) picks. */
    List<Workload> workloadsSelectedBy(String namespace, JsonNode labelSelector) {
        return workloads().stream()
                .filter(w -> w.namespace().equals(namespace))
                .filter(w -> selects(labelSelector, w.podLabels()))
                .toList();
    }

    /** Whether a LabelSelector picks an object with these labels. An empty selector picks everything. */
    static boolean selects(JsonNode labelSelector, Map<String, String> labels) {
        if (!labels.entrySet().containsAll(strings(labelSelector.path("matchLabels")).entrySet())) {
            return false;
        }
        for (JsonNode expression : labelSelector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            var values = new ArrayList<String>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean matches = switch (expression.path("operator").asText()) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    // ---- configuration ------------------------------------------------------------------------------

    /** The keys and values of a ConfigMap, if the render has it. */
    Optional<Map<String, String>> configMap(String namespace, String name) {
        return find("ConfigMap", namespace, name).map(c -> strings(c.path("data")));
    }

    /**
     * The keys of a Secret, if the render provides it: a Secret object (data and stringData), or an
     * ExternalSecret that creates it (its target name, by default its own name).
     */
    Optional<Set<String>> secretKeys(String namespace, String name) {
        Optional<JsonNode> secret = find("Secret", namespace, name);
        if (secret.isPresent()) {
            var keys = new TreeSet<String>();
            secret.get().path("data").properties().forEach(p -> keys.add(p.getKey()));
            secret.get().path("stringData").properties().forEach(p -> keys.add(p.getKey()));
            return Optional.of(keys);
        }
        for (JsonNode external : ofKind("ExternalSecret")) {
            String target = external.path("spec").path("target").path("name").asText(name(external));
            if (namespace(external).equals(namespace) && target.equals(name)) {
                var keys = new TreeSet<String>();
                external.path("spec").path("data").forEach(d -> keys.add(d.path("secretKey").asText()));
                return Optional.of(keys);
            }
        }
        return Optional.empty();
    }

    /** The value of a key of a Secret object, decoded; empty when unknown (no object, or an ExternalSecret). */
    private Optional<String> secretValue(String namespace, String name, String key) {
        return find("Secret", namespace, name).flatMap(secret -> {
            JsonNode plain = secret.path("stringData").path(key);
            if (plain.isTextual()) {
                return Optional.of(plain.asText());
            }
            JsonNode encoded = secret.path("data").path(key);
            if (encoded.isTextual()) {
                return Optional.of(new String(Base64.getDecoder().decode(encoded.asText()), StandardCharsets.UTF_8));
            }
            return Optional.empty();
        });
    }

    /**
     * The environment a container starts with, as far as the render tells: envFrom first, then env,
     * later entries winning as in Kubernetes. A variable whose value the render cannot tell (from an
     * ExternalSecret, a fieldRef, …) maps to an empty Optional.
     */
    Map<String, Optional<String>> environment(Workload workload, JsonNode container) {
        String namespace = workload.namespace();
        var environment = new LinkedHashMap<String, Optional<String>>();
        for (JsonNode source : container.path("envFrom")) {
            String prefix = source.path("prefix").asText("");
            if (source.has("configMapRef")) {
                configMap(namespace, source.path("configMapRef").path("name").asText())
                        .ifPresent(data -> data.forEach((k, v) -> environment.put(prefix + k, Optional.of(v))));
            } else if (source.has("secretRef")) {
                String secret = source.path("secretRef").path("name").asText();
                secretKeys(namespace, secret).ifPresent(keys -> keys.forEach(
                        k -> environment.put(prefix + k, secretValue(namespace, secret, k))));
            }
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            if (variable.has("value")) {
                environment.put(name, Optional.of(variable.path("value").asText()));
            } else if (variable.path("valueFrom").has("configMapKeyRef")) {
                JsonNode ref = variable.path("valueFrom").path("configMapKeyRef");
                environment.put(name, configMap(namespace, ref.path("name").asText())
                        .map(data -> data.get(ref.path("key").asText())));
            } else if (variable.path("valueFrom").has("secretKeyRef")) {
                JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
                environment.put(name, secretValue(namespace, ref.path("name").asText(), ref.path("key").asText()));
            } else {
                environment.put(name, Optional.empty());
            }
        }
        return environment;
    }

    /** A JSON object of scalars as a map of strings. */
    static Map<String, String> strings(JsonNode object) {
        var map = new LinkedHashMap<String, String>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            map.put(field.getKey(), field.getValue().asText());
        }
        return map;
    }
}
