package dev.regua.deploy;

import static dev.regua.deploy.Fixture.assertClean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regua.deploy.ManifestChecks.Environment;
import dev.regua.deploy.Manifests.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Régua's real manifests: each overlay is rendered with kustomize, together with the realm
 * kustomization at deploy/ (what gets applied), and must pass every check and match the Kubernetes
 * schemas; then the facts of the platform (ports, databases, topics, replicas) are asserted.
 *
 * <p>Rendering needs kubectl (or kustomize) and the schemas need node: without them these tests are
 * skipped with a warning on a developer machine and fail in CI (see {@link Tools}).
 */
class ManifestsTest {

    private static final Path DEPLOY = Path.of(System.getProperty("regua.deploy.dir", ".")).toAbsolutePath().normalize();
    private static final Path REPOSITORY = Path.of(System.getProperty("regua.repo.dir", "..")).toAbsolutePath().normalize();
    private static final String REALM_FILE = "keycloak/regua-realm.json";

    /** A service of the platform, its HTTP port and its database (none for the gateway). */
    record Service(String name, int port, String database) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("gateway", 8080, null),
            new Service("billing-service", 8081, "billing"),
            new Service("dunning-service", 8082, "dunning"),
            new Service("notification-service", 8083, "notification"),
            new Service("credit-check-service", 8084, "creditcheck"));

    /** Topic name → partitions and retention in ms: the topic contract of the platform. */
    static final Map<String, List<Long>> TOPICS = Map.of(
            "regua.billing.events", List.of(6L, 604_800_000L),
            "regua.dunning.events", List.of(6L, 604_800_000L),
            "regua.notification.events", List.of(6L, 604_800_000L),
            "regua.credit.events", List.of(6L, 604_800_000L),
            "regua.billing.dlq", List.of(1L, 1_209_600_000L),
            "regua.dunning.dlq", List.of(1L, 1_209_600_000L),
            "regua.notification.dlq", List.of(1L, 1_209_600_000L),
            "regua.credit.dlq", List.of(1L, 1_209_600_000L));

    private static final Map<String, Manifests> RENDERS = new ConcurrentHashMap<>();
    private static SchemaValidator validator;

    /** What is applied for an overlay: the overlay itself and the realm kustomization at deploy/. */
    static Manifests render(String overlay) {
        return RENDERS.computeIfAbsent(overlay, o -> Manifests.parse(Kustomize.render(DEPLOY.resolve("k8s/overlays").resolve(o))).and(realm()));
    }

    private static Manifests realm() {
        if (!Files.isRegularFile(DEPLOY.resolve(REALM_FILE))) {
            fail("deploy/" + REALM_FILE + " is missing: deploy/kustomization.yaml turns it into the regua-keycloak-realm ConfigMap"
                    + " and docker-compose.yml mounts it into Keycloak");
        }
        return RENDERS.computeIfAbsent("realm", o -> Manifests.parse(Kustomize.render(DEPLOY)));
    }

    private static Environment environmentOf(String overlay) {
        return overlay.equals("prod") ? Environment.PRODUCTION : Environment.DEVELOPMENT;
    }

    // ---- every check, every overlay -----------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void overlayPassesEveryCheck(String overlay) {
        assertClean(ManifestChecks.check(render(overlay), environmentOf(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void overlayMatchesTheKubernetesSchemas(String overlay) {
        Manifests manifests = render(overlay);
        synchronized (ManifestsTest.class) {
            if (validator == null) {
                validator = SchemaValidator.in(DEPLOY.resolve("validate"));
            }
        }
        assertClean(validator.validate(manifests.all()));
    }

    // ---- the platform's facts -----------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRunsOnItsPortWithItsDatabase(String overlay) {
        Manifests manifests = render(overlay);
        for (Service service : SERVICES) {
            Map<String, Optional<String>> environment = environmentOf(manifests, service.name());
            assertEquals(Optional.of(String.valueOf(service.port())), environment.get("QUARKUS_HTTP_PORT"), service.name());
            JsonNode kubernetesService = manifests.find("Service", "regua", service.name())
                    .orElseThrow(() -> new AssertionError("no Service " + service.name()));
            assertEquals(service.port(), kubernetesService.path("spec").path("ports").path(0).path("port").asInt(), service.name());
            assertEquals(Optional.of("http://keycloak:8080/realms/regua"), environment.get("QUARKUS_OIDC_AUTH_SERVER_URL"), service.name());
            if (service.database() != null) {
                assertEquals(Optional.of("postgresql://postgres:5432/" + service.database()), environment.get("QUARKUS_DATASOURCE_REACTIVE_URL"));
                assertEquals(Optional.of("jdbc:postgresql://postgres:5432/" + service.database()), environment.get("QUARKUS_DATASOURCE_JDBC_URL"));
                assertTrue(environment.containsKey("QUARKUS_DATASOURCE_USERNAME") && environment.containsKey("QUARKUS_DATASOURCE_PASSWORD"),
                        service.name() + " gets no database credentials");
                assertTrue(environment.containsKey("KAFKA_BOOTSTRAP_SERVERS"), service.name() + " has no KAFKA_BOOTSTRAP_SERVERS");
            }
        }
        Map<String, Optional<String>> gateway = environmentOf(manifests, "gateway");
        assertEquals(Optional.of("http://billing-service:8081"), gateway.get("REGUA_GATEWAY_ROUTES_BILLING_URL"));
        assertEquals(Optional.of("http://dunning-service:8082"), gateway.get("REGUA_GATEWAY_ROUTES_DUNNING_URL"));
        assertEquals(Optional.of("http://notification-service:8083"), gateway.get("REGUA_GATEWAY_ROUTES_NOTIFICATIONS_URL"));
        assertEquals(Optional.of("http://credit-check-service:8084"), gateway.get("REGUA_GATEWAY_ROUTES_CREDIT_URL"));
        Map<String, Optional<String>> notification = environmentOf(manifests, "notification-service");
        for (String mailer : List.of("QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT", "QUARKUS_MAILER_FROM")) {
            assertTrue(notification.containsKey(mailer), "notification-service has no " + mailer);
        }
        JsonNode ingress = manifests.find("Ingress", "regua", "gateway").orElseThrow(() -> new AssertionError("no Ingress for the gateway"));
        assertEquals("gateway", ingress.path("spec").path("rules").path(0).path("http").path("paths").path(0).path("backend").path("service").path("name").asText());
    }

    @Test
    void devOverlayRunsDevImagesWithTheControllableClock() {
        Manifests manifests = render("dev");
        for (Service service : SERVICES) {
            Workload workload = workloadOf(manifests, service.name());
            assertEquals("regua/" + service.name() + ":dev", workload.podSpec().path("containers").path(0).path("image").asText());
            assertEquals(Optional.of("true"), environmentOf(manifests, service.name()).get("REGUA_CLOCK_CONTROLLABLE"), service.name());
        }
    }

    @Test
    void prodOverlayReplicatesTheFrontServicesAndKeepsTheClockFixed() {
        Manifests manifests = render("prod");
        for (Service service : SERVICES) {
            assertEquals(Optional.of("false"), environmentOf(manifests, service.name()).get("REGUA_CLOCK_CONTROLLABLE"), service.name());
        }
        assertEquals(2, workloadOf(manifests, "gateway").replicas());
        assertEquals(2, workloadOf(manifests, "billing-service").replicas());
        assertEquals(1, workloadOf(manifests, "dunning-service").replicas());
        assertEquals(1, workloadOf(manifests, "credit-check-service").replicas());
        JsonNode autoscaler = manifests.find("HorizontalPodAutoscaler", "regua", "notification-service")
                .orElseThrow(() -> new AssertionError("no HPA for notification-service"));
        assertEquals(2, autoscaler.path("spec").path("minReplicas").asInt());
        assertFalse(workloadOf(manifests, "notification-service").object().path("spec").has("replicas"), "the HPA owns notification-service's replicas");
        var budgets = manifests.ofKind("PodDisruptionBudget").stream().map(Manifests::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("gateway", "billing-service", "notification-service")), budgets);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void kafkaTopicsFollowTheTopicContract(String overlay) {
        var topics = new TreeMap<String, List<Long>>();
        for (JsonNode topic : render(overlay).ofKind("KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            topics.put(spec.path("topicName").asText(), List.of(spec.path("partitions").asLong(), spec.path("config").path("retention.ms").asLong()));
        }
        assertEquals(new TreeMap<>(TOPICS), topics);
    }

    @Test
    void composeCreatesTheTopicsOfTheKafkaTopicComponent() throws IOException {
        // both read from the repository's files: no kubectl needed
        var fromComponent = new TreeMap<String, List<Long>>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s/base/kafka-topics"))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("kustomization.yaml")).toList()) {
                for (JsonNode topic : Yaml.documents(Files.readString(file))) {
                    JsonNode spec = topic.path("spec");
                    fromComponent.put(spec.path("topicName").asText(), List.of(spec.path("partitions").asLong(), spec.path("config").path("retention.ms").asLong()));
                }
            }
        }
        var fromCompose = new TreeMap<String, List<Long>>();
        Matcher line = Pattern.compile("(?m)^create_topic\\s+(\\S+)\\s+(\\d+)\\s+(\\d+)\\s*$")
                .matcher(Files.readString(DEPLOY.resolve("compose/create-topics.sh")));
        while (line.find()) {
            fromCompose.put(line.group(1), List.of(Long.parseLong(line.group(2)), Long.parseLong(line.group(3))));
        }
        assertEquals(new TreeMap<>(TOPICS), fromComponent, "deploy/k8s/base/kafka-topics");
        assertEquals(new TreeMap<>(TOPICS), fromCompose, "deploy/compose/create-topics.sh");
    }

    @Test
    void composeGivesEachServiceTheVariablesOfTheDevOverlay() throws IOException {
        Manifests manifests = render("dev");
        JsonNode compose = Yaml.document(Files.readString(REPOSITORY.resolve("docker-compose.yml")));
        var differences = new ArrayList<String>();
        for (Service service : SERVICES) {
            Set<String> kubernetes = new TreeSet<>(environmentOf(manifests, service.name()).keySet());
            Set<String> composed = new TreeSet<>(ComposeChecks.environmentOf(compose.path("services").path(service.name())).keySet());
            if (!kubernetes.equals(composed)) {
                differences.add(service.name() + ": dev overlay " + kubernetes + " vs docker-compose.yml " + composed);
            }
        }
        assertTrue(differences.isEmpty(), () -> "compose and the dev overlay configure the services differently:\n" + String.join("\n", differences));
    }

    @Test
    void theRealmConfigMapHoldsTheReguaRealm() throws IOException {
        JsonNode configMap = realm().find("ConfigMap", "regua", "regua-keycloak-realm")
                .orElseThrow(() -> new AssertionError("no ConfigMap regua/regua-keycloak-realm"));
        String json = configMap.path("data").path("regua-realm.json").asText();
        assertEquals("regua", Yaml.JSON.readTree(json).path("realm").asText());
        assertEquals(Files.readString(DEPLOY.resolve(REALM_FILE)).strip(), json.strip());
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static Workload workloadOf(Manifests manifests, String name) {
        return manifests.workloads().stream()
                .filter(w -> Manifests.name(w.object()).equals(name) && Manifests.kind(w.object()).equals("Deployment"))
                .findFirst().orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    private static Map<String, Optional<String>> environmentOf(Manifests manifests, String service) {
        Workload workload = workloadOf(manifests, service);
        return manifests.environment(workload, workload.podSpec().path("containers").path(0));
    }
}
