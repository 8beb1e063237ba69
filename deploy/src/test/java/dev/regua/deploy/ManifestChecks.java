package dev.regua.deploy;

import static dev.regua.deploy.Manifests.describe;
import static dev.regua.deploy.Manifests.kind;
import static dev.regua.deploy.Manifests.labels;
import static dev.regua.deploy.Manifests.name;
import static dev.regua.deploy.Manifests.namespace;
import static dev.regua.deploy.Manifests.strings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regua.deploy.Manifests.Workload;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the API server, the kubelet or the cluster would only tell us after an apply (or never: a
 * Service that selects no pods is accepted, and simply never answers), checked on a rendered overlay.
 * The JSON schemas ({@link SchemaValidator}) check each object on its own; these checks look across
 * objects and at Régua's own rules. Each family has a name, used in {@link Problem#check()}:
 *
 * <ul>
 *   <li>{@code identity}: names, duplicates, namespaces, object sizes</li>
 *   <li>{@code labels}: app.kubernetes.io/name and part-of=regua where Régua's conventions want them</li>
 *   <li>{@code selectors}: workloads select their own pod template, and only theirs</li>
 *   <li>{@code ports}: probes and QUARKUS_HTTP_PORT point at ports the container exposes</li>
 *   <li>{@code services}: a Service selects pods, and its targetPorts exist on them</li>
 *   <li>{@code references}: ConfigMaps, Secrets (and their keys), volumes, Services of an Ingress, targets of HPAs and PDBs exist</li>
 *   <li>{@code urls}: URLs in the configuration that name a Service of the render use one of its ports</li>
 *   <li>{@code oidc}: the Keycloak realm the services ask for is the realm the render ships</li>
 *   <li>{@code scaling}: HPAs and PodDisruptionBudgets that can work</li>
 *   <li>{@code security}: the "restricted" Pod Security Standard the namespace enforces</li>
 *   <li>{@code resources}: requests and limits, well-formed and consistent</li>
 *   <li>{@code images}: pinned tags</li>
 *   <li>{@code custom-resources}: Strimzi KafkaTopic and ExternalSecret, which have no built-in schema</li>
 *   <li>{@code production}: REGUA_CLOCK_CONTROLLABLE is false, no dev images (prod overlay only)</li>
 * </ul>
 */
final class ManifestChecks {

    /** Custom resources checked here; the schema validator skips them (as apiVersion/Kind). */
    static final List<String> CUSTOM_RESOURCES = List.of(
            "kafka.strimzi.io/v1beta2/KafkaTopic",
            "external-secrets.io/v1/ExternalSecret");

    /** What the render is for: production adds the production family. */
    enum Environment { DEVELOPMENT, PRODUCTION }

    static final String NAME = "app.kubernetes.io/name";
    static final String PART_OF = "app.kubernetes.io/part-of";

    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern KAFKA_TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern QUANTITY = Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\\d+)?");
    private static final Pattern REALM_IN_URL = Pattern.compile("/realms/([^/]+)/?$");
    private static final Set<String> PROBES = Set.of("startupProbe", "livenessProbe", "readinessProbe");
    private static final Set<String> KAFKA_TOPIC_SPEC = Set.of("partitions", "replicas", "config", "topicName");
    private static final int MAX_CONFIG_BYTES = 1024 * 1024;

    private final Manifests manifests;
    private final List<Problem> problems = new ArrayList<>();

    private ManifestChecks(Manifests manifests) {
        this.manifests = manifests;
    }

    /** Every problem of every family; empty when the render is sound. */
    static List<Problem> check(Manifests manifests, Environment environment) {
        var checks = new ManifestChecks(manifests);
        checks.identity();
        checks.labelConventions();
        checks.selectors();
        checks.ports();
        checks.services();
        checks.references();
        checks.urls();
        checks.oidc();
        checks.scaling();
        checks.security();
        checks.resources();
        checks.images();
        checks.customResources();
        if (environment == Environment.PRODUCTION) {
            checks.production();
        }
        return List.copyOf(checks.problems);
    }

    private void report(String check, String subject, String message) {
        problems.add(new Problem(check, subject, message));
    }

    // ---- identity -----------------------------------------------------------------------------------

    private void identity() {
        var namespaces = new HashSet<String>();
        manifests.ofKind("Namespace").forEach(n -> namespaces.add(name(n)));
        var seen = new HashSet<String>();
        for (JsonNode object : manifests.all()) {
            String subject = describe(object);
            String name = name(object);
            if (object.path("apiVersion").asText().isEmpty() || kind(object).isEmpty()) {
                report("identity", subject, "apiVersion and kind must both be set");
            }
            if (name.isEmpty()) {
                report("identity", subject, "metadata.name is missing");
            } else if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
                report("identity", subject, "'" + name + "' is not a valid name (lower-case letters, digits, '-' and '.')");
            } else if (kind(object).equals("Service") && (name.length() > 63 || !SERVICE_NAME.matcher(name).matches())) {
                report("identity", subject, "a Service name must be a DNS label: start with a letter, no dots, at most 63 characters");
            }
            String group = object.path("apiVersion").asText().contains("/") ? object.path("apiVersion").asText().split("/")[0] : "";
            if (!seen.add(group + "/" + kind(object) + "/" + namespace(object) + "/" + name)) {
                report("identity", subject, "defined twice: the later one would silently replace the earlier");
            }
            boolean clusterScoped = Manifests.CLUSTER_SCOPED.contains(kind(object));
            if (clusterScoped && !namespace(object).isEmpty()) {
                report("identity", subject, "a " + kind(object) + " belongs to no namespace, yet sets metadata.namespace");
            } else if (!clusterScoped && namespace(object).isEmpty()) {
                report("identity", subject, "has no namespace: it would land in whatever namespace kubectl points at");
            } else if (!clusterScoped && !namespaces.contains(namespace(object))) {
                report("identity", subject, "its namespace '" + namespace(object) + "' is not created by this render");
            }
            if ((kind(object).equals("ConfigMap") || kind(object).equals("Secret")) && sizeOfData(object) > MAX_CONFIG_BYTES) {
                report("identity", subject, "holds more than 1 MiB, the most a " + kind(object) + " can hold");
            }
        }
    }

    private static long sizeOfData(JsonNode object) {
        long size = 0;
        for (String field : List.of("data", "binaryData", "stringData")) {
            for (Map.Entry<String, JsonNode> entry : object.path(field).properties()) {
                size += entry.getKey().length() + entry.getValue().asText().length();
            }
        }
        return size;
    }

    // ---- labels -------------------------------------------------------------------------------------

    private void labelConventions() {
        for (JsonNode object : manifests.all()) {
            if (!"regua".equals(labels(object).get(PART_OF))) {
                report("labels", describe(object), "lacks the label " + PART_OF + ": regua");
            }
        }
        for (Workload workload : manifests.workloads()) {
            if (!labels(workload.object()).containsKey(NAME)) {
                report("labels", workload.describe(), "lacks the label " + NAME);
            }
            if (!workload.podLabels().containsKey(NAME) || !"regua".equals(workload.podLabels().get(PART_OF))) {
                report("labels", workload.describe(), "its pod template lacks the labels " + NAME + " and " + PART_OF + ": regua");
            }
        }
        for (JsonNode service : manifests.ofKind("Service")) {
            if (!labels(service).containsKey(NAME)) {
                report("labels", describe(service), "lacks the label " + NAME);
            }
        }
    }

    // ---- selectors ----------------------------------------------------------------------------------

    private void selectors() {
        for (Workload workload : manifests.workloads()) {
            if (!Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet").contains(kind(workload.object()))) {
                continue;
            }
            JsonNode selector = workload.object().path("spec").path("selector");
            if (selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty()) {
                report("selectors", workload.describe(), "has no spec.selector: the API server rejects it");
                continue;
            }
            if (!Manifests.selects(selector, workload.podLabels())) {
                report("selectors", workload.describe(), "its selector " + selector + " does not match the labels of its own pod template "
                        + workload.podLabels() + ": the API server rejects it");
            }
            for (Workload other : manifests.workloadsSelectedBy(workload.namespace(), selector)) {
                if (other.object() != workload.object()) {
                    report("selectors", workload.describe(), "its selector also matches the pods of " + other.describe()
                            + ": the two would fight over the same pods");
                }
            }
        }
    }

    // ---- ports --------------------------------------------------------------------------------------

    private void ports() {
        for (Workload workload : manifests.workloads()) {
            List<JsonNode> initContainers = new ArrayList<>();
            workload.podSpec().path("initContainers").forEach(initContainers::add);
            for (JsonNode container : workload.containers()) {
                String subject = workload.describe() + " container " + container.path("name").asText();
                var names = new HashSet<String>();
                var numbers = new HashSet<Integer>();
                for (JsonNode port : container.path("ports")) {
                    String portName = port.path("name").asText("");
                    if (!portName.isEmpty() && !validPortName(portName)) {
                        report("ports", subject, "port name '" + portName + "' is invalid: at most 15 characters, lower-case letters, digits and '-', at least one letter");
                    }
                    if (!portName.isEmpty() && !names.add(portName)) {
                        report("ports", subject, "port name '" + portName + "' is used twice");
                    }
                    if (!numbers.add(port.path("containerPort").asInt())) {
                        report("ports", subject, "containerPort " + port.path("containerPort").asInt() + " is declared twice");
                    }
                }
                boolean isInit = initContainers.contains(container);
                for (String probeName : PROBES) {
                    JsonNode probe = container.path(probeName);
                    if (probe.isMissingNode()) {
                        if (!isInit) {
                            report("ports", subject, "has no " + probeName + " (Régua's services all serve /q/health/live and /q/health/ready)");
                        }
                        continue;
                    }
                    JsonNode port = probe.path("httpGet").path("port");
                    if (port.isMissingNode()) {
                        port = probe.path("tcpSocket").path("port");
                    }
                    if (port.isMissingNode()) {
                        port = probe.path("grpc").path("port");
                    }
                    if (!port.isMissingNode() && !exposes(container, port)) {
                        report("ports", subject, probeName + " checks port " + port.asText() + ", which the container does not expose "
                                + "(its ports: " + describePorts(container) + ")");
                    }
                    if (probe.has("httpGet") && !probe.path("httpGet").path("path").asText("/").startsWith("/")) {
                        report("ports", subject, probeName + " path must start with '/'");
                    }
                }
                Optional<String> httpPort = manifests.environment(workload, container).getOrDefault("QUARKUS_HTTP_PORT", Optional.empty());
                if (httpPort.isPresent()) {
                    if (!httpPort.get().matches("\\d+")) {
                        report("ports", subject, "QUARKUS_HTTP_PORT is '" + httpPort.get() + "', not a port number");
                    } else if (!numbers.contains(Integer.parseInt(httpPort.get()))) {
                        report("ports", subject, "the application listens on " + httpPort.get() + " (QUARKUS_HTTP_PORT) but the container exposes "
                                + describePorts(container));
                    }
                }
            }
        }
    }

    private static boolean validPortName(String name) {
        return name.length() <= 15 && PORT_NAME.matcher(name).matches() && name.chars().anyMatch(Character::isLetter) && !name.contains("--");
    }

    /** Whether a container exposes a port given by number or by name. */
    private static boolean exposes(JsonNode container, JsonNode port) {
        for (JsonNode declared : container.path("ports")) {
            if (port.isInt() ? declared.path("containerPort").asInt() == port.asInt() : declared.path("name").asText().equals(port.asText())) {
                return true;
            }
        }
        return false;
    }

    private static String describePorts(JsonNode container) {
        var ports = new ArrayList<String>();
        for (JsonNode port : container.path("ports")) {
            ports.add(port.path("containerPort").asText() + (port.has("name") ? " (" + port.path("name").asText() + ")" : ""));
        }
        return ports.isEmpty() ? "none" : String.join(", ", ports);
    }

    // ---- services -----------------------------------------------------------------------------------

    private void services() {
        for (JsonNode service : manifests.ofKind("Service")) {
            String subject = describe(service);
            if (service.path("spec").path("type").asText().equals("ExternalName")) {
                continue;
            }
            Map<String, String> selector = strings(service.path("spec").path("selector"));
            if (selector.isEmpty()) {
                report("services", subject, "has no selector, so it selects no pods (it would need hand-made Endpoints)");
                continue;
            }
            List<Workload> selected = manifests.workloadsSelectedBy(namespace(service), selector);
            if (selected.isEmpty()) {
                report("services", subject, "selects no pods: no pod template in namespace '" + namespace(service) + "' has the labels " + selector);
                continue;
            }
            for (JsonNode port : service.path("spec").path("ports")) {
                JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
                for (Workload workload : selected) {
                    boolean exposed = workload.containers().stream().anyMatch(c -> exposes(c, target));
                    if (!exposed) {
                        report("services", subject, "port " + port.path("port").asText() + " forwards to " + target.asText()
                                + ", which no container of " + workload.describe() + " exposes");
                    }
                }
            }
        }
    }

    // ---- references ---------------------------------------------------------------------------------

    private void references() {
        for (Workload workload : manifests.workloads()) {
            String namespace = workload.namespace();
            JsonNode pod = workload.podSpec();
            var volumes = new HashSet<String>();
            for (JsonNode volume : pod.path("volumes")) {
                volumes.add(volume.path("name").asText());
                String subject = workload.describe() + " volume " + volume.path("name").asText();
                if (volume.has("configMap")) {
                    requireConfigMap(subject, namespace, volume.path("configMap"), volume.path("configMap").path("name").asText(), keysOf(volume.path("configMap")));
                }
                if (volume.has("secret")) {
                    requireSecret(subject, namespace, volume.path("secret"), volume.path("secret").path("secretName").asText(), keysOf(volume.path("secret")));
                }
                for (JsonNode source : volume.path("projected").path("sources")) {
                    if (source.has("configMap")) {
                        requireConfigMap(subject, namespace, source.path("configMap"), source.path("configMap").path("name").asText(), keysOf(source.path("configMap")));
                    }
                    if (source.has("secret")) {
                        requireSecret(subject, namespace, source.path("secret"), source.path("secret").path("name").asText(), keysOf(source.path("secret")));
                    }
                }
            }
            for (JsonNode pullSecret : pod.path("imagePullSecrets")) {
                requireSecret(workload.describe(), namespace, pullSecret, pullSecret.path("name").asText(), List.of());
            }
            String serviceAccount = pod.path("serviceAccountName").asText("");
            if (!serviceAccount.isEmpty() && !serviceAccount.equals("default") && manifests.find("ServiceAccount", namespace, serviceAccount).isEmpty()) {
                report("references", workload.describe(), "runs as ServiceAccount '" + serviceAccount + "', which this render does not create");
            }
            for (JsonNode container : workload.containers()) {
                String subject = workload.describe() + " container " + container.path("name").asText();
                for (JsonNode source : container.path("envFrom")) {
                    if (source.has("configMapRef")) {
                        requireConfigMap(subject, namespace, source.path("configMapRef"), source.path("configMapRef").path("name").asText(), List.of());
                    }
                    if (source.has("secretRef")) {
                        requireSecret(subject, namespace, source.path("secretRef"), source.path("secretRef").path("name").asText(), List.of());
                    }
                }
                for (JsonNode variable : container.path("env")) {
                    JsonNode from = variable.path("valueFrom");
                    String what = subject + " env " + variable.path("name").asText();
                    if (from.has("configMapKeyRef")) {
                        JsonNode ref = from.path("configMapKeyRef");
                        requireConfigMap(what, namespace, ref, ref.path("name").asText(), List.of(ref.path("key").asText()));
                    }
                    if (from.has("secretKeyRef")) {
                        JsonNode ref = from.path("secretKeyRef");
                        requireSecret(what, namespace, ref, ref.path("name").asText(), List.of(ref.path("key").asText()));
                    }
                }
                for (JsonNode mount : container.path("volumeMounts")) {
                    if (!volumes.contains(mount.path("name").asText())) {
                        report("references", subject, "mounts volume '" + mount.path("name").asText() + "', which the pod does not define");
                    }
                }
            }
        }
        for (JsonNode ingress : manifests.ofKind("Ingress")) {
            var backends = new ArrayList<JsonNode>();
            if (ingress.path("spec").has("defaultBackend")) {
                backends.add(ingress.path("spec").path("defaultBackend"));
            }
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                rule.path("http").path("paths").forEach(p -> backends.add(p.path("backend")));
            }
            for (JsonNode backend : backends) {
                JsonNode service = backend.path("service");
                if (service.isMissingNode()) {
                    continue;
                }
                Optional<JsonNode> target = manifests.find("Service", namespace(ingress), service.path("name").asText());
                if (target.isEmpty()) {
                    report("references", describe(ingress), "routes to Service '" + service.path("name").asText() + "', which this render does not create");
                    continue;
                }
                JsonNode port = service.path("port");
                boolean known = false;
                for (JsonNode servicePort : target.get().path("spec").path("ports")) {
                    known |= port.has("name") ? servicePort.path("name").asText().equals(port.path("name").asText())
                            : servicePort.path("port").asInt() == port.path("number").asInt();
                }
                if (!known) {
                    report("references", describe(ingress), "routes to port " + (port.has("name") ? port.path("name").asText() : port.path("number").asText())
                            + " of Service '" + service.path("name").asText() + "', which has no such port");
                }
            }
        }
        for (JsonNode autoscaler : manifests.ofKind("HorizontalPodAutoscaler")) {
            JsonNode target = autoscaler.path("spec").path("scaleTargetRef");
            if (manifests.find(target.path("kind").asText(), namespace(autoscaler), target.path("name").asText()).isEmpty()) {
                report("references", describe(autoscaler), "scales " + target.path("kind").asText() + " '" + target.path("name").asText()
                        + "', which this render does not create");
            }
        }
        for (JsonNode budget : manifests.ofKind("PodDisruptionBudget")) {
            if (manifests.workloadsSelectedBy(namespace(budget), budget.path("spec").path("selector")).isEmpty()) {
                report("references", describe(budget), "its selector matches no pods: it protects nothing");
            }
        }
    }

    private static List<String> keysOf(JsonNode volumeSource) {
        var keys = new ArrayList<String>();
        volumeSource.path("items").forEach(item -> keys.add(item.path("key").asText()));
        return keys;
    }

    private void requireConfigMap(String subject, String namespace, JsonNode reference, String name, List<String> keys) {
        if (reference.path("optional").asBoolean(false)) {
            return;
        }
        Optional<Map<String, String>> data = manifests.configMap(namespace, name);
        if (data.isEmpty()) {
            report("references", subject, "needs ConfigMap '" + name + "', which this render does not create in namespace '" + namespace + "'");
            return;
        }
        for (String key : keys) {
            if (!data.get().containsKey(key) && manifests.find("ConfigMap", namespace, name).orElseThrow().path("binaryData").path(key).isMissingNode()) {
                report("references", subject, "needs key '" + key + "' of ConfigMap '" + name + "', which has only " + data.get().keySet());
            }
        }
    }

    private void requireSecret(String subject, String namespace, JsonNode reference, String name, List<String> keys) {
        if (reference.path("optional").asBoolean(false)) {
            return;
        }
        Optional<Set<String>> present = manifests.secretKeys(namespace, name);
        if (present.isEmpty()) {
            report("references", subject, "needs Secret '" + name + "', which this render neither creates nor has an ExternalSecret for in namespace '"
                    + namespace + "'");
            return;
        }
        for (String key : keys) {
            if (!present.get().contains(key)) {
                report("references", subject, "needs key '" + key + "' of Secret '" + name + "', which has only " + present.get());
            }
        }
    }

    // ---- urls ---------------------------------------------------------------------------------------

    private void urls() {
        for (Workload workload : manifests.workloads()) {
            for (JsonNode container : workload.containers()) {
                String subject = workload.describe() + " container " + container.path("name").asText();
                manifests.environment(workload, container).forEach((variable, value) -> {
                    if (value.isEmpty()) {
                        return;
                    }
                    Optional<URI> url = httpUrl(value.get());
                    boolean isRoute = variable.startsWith("REGUA_GATEWAY_ROUTES_") && variable.endsWith("_URL");
                    if (url.isEmpty()) {
                        if (isRoute) {
                            report("urls", subject, variable + " is '" + value.get() + "', not an http(s) URL");
                        }
                        return;
                    }
                    String[] host = url.get().getHost().split("\\.");
                    String namespace = host.length > 1 ? host[1] : workload.namespace();
                    boolean inCluster = host.length == 1 || (host.length >= 3 && host[2].equals("svc"));
                    Optional<JsonNode> service = inCluster ? manifests.find("Service", namespace, host[0]) : Optional.empty();
                    if (service.isEmpty()) {
                        if (isRoute) {
                            report("urls", subject, variable + " points at '" + url.get().getHost() + "', which is not a Service of this render");
                        }
                        return;
                    }
                    int port = url.get().getPort() != -1 ? url.get().getPort() : url.get().getScheme().equals("https") ? 443 : 80;
                    var ports = new TreeSet<Integer>();
                    service.get().path("spec").path("ports").forEach(p -> ports.add(p.path("port").asInt()));
                    if (!ports.contains(port)) {
                        report("urls", subject, variable + " uses port " + port + " of Service '" + host[0] + "', which serves " + ports);
                    }
                });
            }
        }
    }

    private static Optional<URI> httpUrl(String value) {
        if (!value.startsWith("http://") && !value.startsWith("https://")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    // ---- oidc ---------------------------------------------------------------------------------------

    private void oidc() {
        var realms = new TreeSet<String>();
        for (JsonNode configMap : manifests.ofKind("ConfigMap")) {
            strings(configMap.path("data")).forEach((key, value) -> {
                if (key.endsWith(".json")) {
                    try {
                        JsonNode realm = Yaml.JSON.readTree(value).path("realm");
                        if (realm.isTextual()) {
                            realms.add(realm.asText());
                        }
                    } catch (Exception notJson) {
                        report("oidc", describe(configMap), key + " is not valid JSON: " + notJson.getMessage());
                    }
                }
            });
        }
        if (realms.isEmpty()) {
            return; // the realm is not part of this render
        }
        for (Workload workload : manifests.workloads()) {
            for (JsonNode container : workload.containers()) {
                Optional<String> url = manifests.environment(workload, container).getOrDefault("QUARKUS_OIDC_AUTH_SERVER_URL", Optional.empty());
                if (url.isEmpty()) {
                    continue;
                }
                Matcher realm = REALM_IN_URL.matcher(url.get());
                if (!realm.find() || !realms.contains(realm.group(1))) {
                    report("oidc", workload.describe() + " container " + container.path("name").asText(),
                            "QUARKUS_OIDC_AUTH_SERVER_URL is " + url.get() + " but the realm this render ships is " + realms);
                }
            }
        }
    }

    // ---- scaling ------------------------------------------------------------------------------------

    private void scaling() {
        var minimumReplicas = new HashMap<JsonNode, Integer>();
        for (JsonNode autoscaler : manifests.ofKind("HorizontalPodAutoscaler")) {
            JsonNode spec = autoscaler.path("spec");
            JsonNode ref = spec.path("scaleTargetRef");
            int min = spec.path("minReplicas").asInt(1);
            if (min > spec.path("maxReplicas").asInt()) {
                report("scaling", describe(autoscaler), "minReplicas " + min + " is above maxReplicas " + spec.path("maxReplicas").asInt());
            }
            Optional<JsonNode> target = manifests.find(ref.path("kind").asText(), namespace(autoscaler), ref.path("name").asText());
            if (target.isEmpty()) {
                continue; // reported under references
            }
            minimumReplicas.put(target.get(), min);
            if (target.get().path("spec").has("replicas")) {
                report("scaling", describe(target.get()), "sets spec.replicas while " + describe(autoscaler)
                        + " scales it: every apply would reset the replica count the autoscaler chose");
            }
            for (JsonNode metric : spec.path("metrics")) {
                JsonNode resource = metric.path("resource");
                if (!metric.path("type").asText().equals("Resource") || !resource.path("target").path("type").asText().equals("Utilization")) {
                    continue;
                }
                String resourceName = resource.path("name").asText();
                for (Workload workload : manifests.workloads()) {
                    if (workload.object() != target.get()) {
                        continue;
                    }
                    for (JsonNode container : workload.podSpec().path("containers")) {
                        if (container.path("resources").path("requests").path(resourceName).isMissingNode()) {
                            report("scaling", describe(autoscaler), "scales on " + resourceName + " utilization, but container "
                                    + container.path("name").asText() + " requests no " + resourceName + ", so the utilization is unknown");
                        }
                    }
                }
            }
        }
        for (JsonNode budget : manifests.ofKind("PodDisruptionBudget")) {
            JsonNode spec = budget.path("spec");
            for (Workload workload : manifests.workloadsSelectedBy(namespace(budget), spec.path("selector"))) {
                int replicas = minimumReplicas.getOrDefault(workload.object(), workload.replicas());
                boolean blocks = spec.has("minAvailable")
                        ? (spec.path("minAvailable").isInt() ? spec.path("minAvailable").asInt() >= replicas : spec.path("minAvailable").asText().equals("100%"))
                        : spec.has("maxUnavailable") && (spec.path("maxUnavailable").asText().equals("0") || spec.path("maxUnavailable").asText().equals("0%"));
                if (blocks) {
                    report("scaling", describe(budget), "allows no pod of " + workload.describe() + " (" + replicas
                            + " replica(s)) to be evicted: node drains and cluster upgrades would hang");
                }
            }
        }
    }

    // ---- security -----------------------------------------------------------------------------------

    private void security() {
        for (Workload workload : manifests.workloads()) {
            JsonNode pod = workload.podSpec();
            JsonNode podContext = pod.path("securityContext");
            for (String hostNamespace : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (pod.path(hostNamespace).asBoolean(false)) {
                    report("security", workload.describe(), hostNamespace + " is not allowed by the restricted Pod Security Standard");
                }
            }
            for (JsonNode container : workload.containers()) {
                String subject = workload.describe() + " container " + container.path("name").asText();
                JsonNode context = container.path("securityContext");
                if (!inherited(context, podContext, "runAsNonRoot").asBoolean(false)) {
                    report("security", subject, "runAsNonRoot is not true (pod or container securityContext)");
                }
                if (inherited(context, podContext, "runAsUser").asInt(-1) == 0) {
                    report("security", subject, "runs as user 0 (root)");
                }
                if (context.path("allowPrivilegeEscalation").asBoolean(true)) {
                    report("security", subject, "allowPrivilegeEscalation must be false");
                }
                if (context.path("privileged").asBoolean(false)) {
                    report("security", subject, "privileged containers are not allowed");
                }
                boolean dropsAll = false;
                for (JsonNode capability : context.path("capabilities").path("drop")) {
                    dropsAll |= capability.asText().equals("ALL");
                }
                if (!dropsAll) {
                    report("security", subject, "capabilities.drop must contain ALL");
                }
                String seccomp = inherited(context.path("seccompProfile"), podContext.path("seccompProfile"), "type").asText("");
                if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
                    report("security", subject, "seccompProfile.type must be RuntimeDefault (or Localhost)");
                }
            }
        }
    }

    private static JsonNode inherited(JsonNode container, JsonNode pod, String field) {
        return container.has(field) ? container.path(field) : pod.path(field);
    }

    // ---- resources ----------------------------------------------------------------------------------

    private void resources() {
        for (Workload workload : manifests.workloads()) {
            for (JsonNode container : workload.containers()) {
                String subject = workload.describe() + " container " + container.path("name").asText();
                JsonNode resources = container.path("resources");
                for (String required : List.of("requests/cpu", "requests/memory", "limits/memory")) {
                    String[] path = required.split("/");
                    if (resources.path(path[0]).path(path[1]).isMissingNode()) {
                        report("resources", subject, "has no resources." + path[0] + "." + path[1]);
                    }
                }
                var parsed = new HashMap<String, BigDecimal>();
                for (String section : List.of("requests", "limits")) {
                    for (Map.Entry<String, JsonNode> entry : resources.path(section).properties()) {
                        Optional<BigDecimal> quantity = quantity(entry.getValue().asText());
                        if (quantity.isEmpty()) {
                            report("resources", subject, section + "." + entry.getKey() + " '" + entry.getValue().asText()
                                    + "' is not a quantity (e.g. 250m, 1, 512Mi, 1Gi)");
                        } else {
                            parsed.put(section + "/" + entry.getKey(), quantity.get());
                        }
                    }
                }
                for (String resource : List.of("cpu", "memory")) {
                    BigDecimal request = parsed.get("requests/" + resource);
                    BigDecimal limit = parsed.get("limits/" + resource);
                    if (request != null && limit != null && limit.compareTo(request) < 0) {
                        report("resources", subject, "its " + resource + " limit is below its request: the API server rejects it");
                    }
                }
            }
        }
    }

    /** A Kubernetes quantity in base units (cores, bytes), or empty when malformed. */
    static Optional<BigDecimal> quantity(String text) {
        Matcher matcher = QUANTITY.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        String suffix = matcher.group(2) == null ? "" : matcher.group(2);
        BigDecimal factor = switch (suffix) {
            case "" -> BigDecimal.ONE;
            case "m" -> new BigDecimal("0.001");
            case "k" -> BigDecimal.TEN.pow(3);
            case "M" -> BigDecimal.TEN.pow(6);
            case "G" -> BigDecimal.TEN.pow(9);
            case "T" -> BigDecimal.TEN.pow(12);
            case "P" -> BigDecimal.TEN.pow(15);
            case "E" -> BigDecimal.TEN.pow(18);
            case "Ki" -> BigDecimal.valueOf(1024);
            case "Mi" -> BigDecimal.valueOf(1024).pow(2);
            case "Gi" -> BigDecimal.valueOf(1024).pow(3);
            case "Ti" -> BigDecimal.valueOf(1024).pow(4);
            case "Pi" -> BigDecimal.valueOf(1024).pow(5);
            case "Ei" -> BigDecimal.valueOf(1024).pow(6);
            default -> BigDecimal.TEN.pow(Integer.parseInt(suffix.substring(1)), MathContext.DECIMAL64);
        };
        return Optional.of(number.multiply(factor));
    }

    // ---- images -------------------------------------------------------------------------------------

    private void images() {
        for (Workload workload : manifests.workloads()) {
            for (JsonNode container : workload.containers()) {
                String subject = workload.describe() + " container " + container.path("name").asText();
                String image = container.path("image").asText("");
                Optional<String> tag = tag(image);
                if (image.isEmpty()) {
                    report("images", subject, "has no image");
                } else if (image.contains("@sha256:")) {
                    continue;
                } else if (tag.isEmpty()) {
                    report("images", subject, "image '" + image + "' has no tag: it would run whatever :latest is at pull time");
                } else if (tag.get().equals("latest")) {
                    report("images", subject, "image '" + image + "' uses :latest: pin a version");
                }
            }
        }
    }

    /** The tag of an image reference ({@code registry:5000/name:tag}), if it has one. */
    static Optional<String> tag(String image) {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? Optional.of(image.substring(colon + 1)) : Optional.empty();
    }

    // ---- custom resources ---------------------------------------------------------------------------

    private void customResources() {
        var topicNames = new HashMap<String, String>();
        for (JsonNode topic : manifests.ofKind("KafkaTopic")) {
            String subject = describe(topic);
            JsonNode spec = topic.path("spec");
            if (labels(topic).getOrDefault("strimzi.io/cluster", "").isEmpty()) {
                report("custom-resources", subject, "lacks the label strimzi.io/cluster: no Topic Operator would pick it up");
            }
            spec.properties().forEach(field -> {
                if (!KAFKA_TOPIC_SPEC.contains(field.getKey())) {
                    report("custom-resources", subject, "spec." + field.getKey() + " is not a field of KafkaTopic " + KAFKA_TOPIC_SPEC);
                }
            });
            for (String count : List.of("partitions", "replicas")) {
                if (!spec.path(count).isInt() || spec.path(count).asInt() < 1) {
                    report("custom-resources", subject, "spec." + count + " must be a whole number of at least 1, is " + spec.path(count));
                }
            }
            if (!spec.path("config").isMissingNode() && !spec.path("config").isObject()) {
                report("custom-resources", subject, "spec.config must be a map of topic settings");
            }
            spec.path("config").properties().forEach(setting -> {
                if (!setting.getValue().isValueNode()) {
                    report("custom-resources", subject, "spec.config." + setting.getKey() + " must be a single value");
                }
            });
            JsonNode minInSync = spec.path("config").path("min.insync.replicas");
            if (!minInSync.isMissingNode() && spec.path("replicas").isInt() && minInSync.asInt() > spec.path("replicas").asInt()) {
                report("custom-resources", subject, "min.insync.replicas " + minInSync.asInt() + " exceeds replicas " + spec.path("replicas").asInt()
                        + ": every write with acks=all would fail");
            }
            String topicName = spec.path("topicName").asText(name(topic));
            if (!KAFKA_TOPIC_NAME.matcher(topicName).matches()) {
                report("custom-resources", subject, "'" + topicName + "' is not a valid Kafka topic name");
            }
            String previous = topicNames.put(topicName, subject);
            if (previous != null) {
                report("custom-resources", subject, "declares topic " + topicName + " again, after " + previous);
            }
        }
        for (JsonNode external : manifests.ofKind("ExternalSecret")) {
            String subject = describe(external);
            JsonNode spec = external.path("spec");
            if (spec.path("secretStoreRef").path("name").asText("").isEmpty()) {
                report("custom-resources", subject, "spec.secretStoreRef.name is missing");
            }
            String storeKind = spec.path("secretStoreRef").path("kind").asText("SecretStore");
            if (!storeKind.equals("SecretStore") && !storeKind.equals("ClusterSecretStore")) {
                report("custom-resources", subject, "spec.secretStoreRef.kind must be SecretStore or ClusterSecretStore, is " + storeKind);
            }
            if (spec.path("data").isEmpty() && spec.path("dataFrom").isEmpty()) {
                report("custom-resources", subject, "has neither spec.data nor spec.dataFrom: the Secret would be empty");
            }
            for (JsonNode data : spec.path("data")) {
                if (data.path("secretKey").asText("").isEmpty() || data.path("remoteRef").path("key").asText("").isEmpty()) {
                    report("custom-resources", subject, "every spec.data entry needs secretKey and remoteRef.key: " + data);
                }
            }
        }
    }

    // ---- production ---------------------------------------------------------------------------------

    private void production() {
        for (Workload workload : manifests.workloads()) {
            if (!"regua".equals(workload.podLabels().get(PART_OF))) {
                continue;
            }
            for (JsonNode container : workload.podSpec().path("containers")) {
                String subject = workload.describe() + " container " + container.path("name").asText();
                Optional<String> clock = manifests.environment(workload, container).get("REGUA_CLOCK_CONTROLLABLE");
                if (clock == null) {
                    report("production", subject, "REGUA_CLOCK_CONTROLLABLE is not set: production must say false explicitly");
                } else if (clock.isEmpty()) {
                    report("production", subject, "REGUA_CLOCK_CONTROLLABLE comes from somewhere the render cannot read: set it to false in the ConfigMap");
                } else if (!clock.get().equals("false")) {
                    report("production", subject, "REGUA_CLOCK_CONTROLLABLE is '" + clock.get() + "': the time-travel endpoint would be open in production");
                }
                if (tag(container.path("image").asText()).filter(t -> t.equals("dev") || t.endsWith("-SNAPSHOT")).isPresent()) {
                    report("production", subject, "runs the development image " + container.path("image").asText());
                }
            }
        }
    }
}
