package dev.regua.deploy;

import static dev.regua.deploy.Fixture.assertClean;
import static dev.regua.deploy.Fixture.assertReported;
import static dev.regua.deploy.ManifestChecks.Environment.DEVELOPMENT;
import static dev.regua.deploy.ManifestChecks.Environment.PRODUCTION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The checks themselves: a correct fixture passes, and each family reports the mistake it exists for.
 * Needs no tools; runs everywhere.
 */
class ManifestChecksTest {

    private static final Fixture APP = Fixture.load("fixtures/app.yaml");

    private static List<Problem> problemsOf(Fixture fixture) {
        return ManifestChecks.check(Manifests.parse(fixture.text()), PRODUCTION);
    }

    @Test
    void theFixtureIsSoundEvenForProduction() {
        assertClean(problemsOf(APP));
    }

    @Nested
    class Identity {

        @Test
        void reportsAnObjectWithoutNamespace() {
            var broken = APP.replacing("  name: web-config\n  namespace: shop\n", "  name: web-config\n");
            assertReported(problemsOf(broken), "identity", "has no namespace");
        }

        @Test
        void reportsAnObjectDefinedTwice() {
            var broken = APP.replacing("  name: shop-realm\n", "  name: web-config\n");
            assertReported(problemsOf(broken), "identity", "defined twice");
        }
    }

    @Nested
    class Labels {

        @Test
        void reportsAnObjectOutsideRegua() {
            var broken = APP.replacing("""
                      name: web-secret
                      namespace: shop
                      labels:
                        app.kubernetes.io/part-of: regua
                    """, """
                      name: web-secret
                      namespace: shop
                    """);
            assertReported(problemsOf(broken), "labels", "Secret shop/web-secret");
        }
    }

    @Nested
    class Selectors {

        @Test
        void reportsASelectorThatMissesItsOwnPodTemplate() {
            var broken = APP.replacing("""
                    spec:
                      replicas: 2
                      selector:
                        matchLabels:
                          app.kubernetes.io/name: web
                    """, """
                    spec:
                      replicas: 2
                      selector:
                        matchLabels:
                          app.kubernetes.io/name: website
                    """);
            assertReported(problemsOf(broken), "selectors", "does not match the labels of its own pod template");
        }
    }

    @Nested
    class Ports {

        @Test
        void reportsAProbeOnAPortTheContainerDoesNotExpose() {
            var broken = APP.replacing("            tcpSocket:\n              port: 9000\n", "            tcpSocket:\n              port: 9090\n");
            assertReported(problemsOf(broken), "ports", "startupProbe checks port 9090, which the container does not expose");
        }

        @Test
        void reportsAProbeOnAnUnknownPortName() {
            var broken = APP.replacing("              path: /q/health/ready\n              port: http\n          resources:\n            requests:\n              cpu: 100m\n",
                    "              path: /q/health/ready\n              port: management\n          resources:\n            requests:\n              cpu: 100m\n");
            assertReported(problemsOf(broken), "ports", "readinessProbe checks port management");
        }

        @Test
        void reportsAnApplicationListeningOnAnotherPortThanTheContainerExposes() {
            var broken = APP.replacing("QUARKUS_HTTP_PORT: \"8080\"", "QUARKUS_HTTP_PORT: \"8081\"");
            assertReported(problemsOf(broken), "ports", "listens on 8081 (QUARKUS_HTTP_PORT) but the container exposes 8080");
        }
    }

    @Nested
    class Services {

        @Test
        void reportsAServiceThatSelectsNoPods() {
            var broken = APP.replacing("""
                    spec:
                      selector:
                        app.kubernetes.io/name: api
                    """, """
                    spec:
                      selector:
                        app.kubernetes.io/name: api-server
                    """);
            assertReported(problemsOf(broken), "services", "Service shop/api: selects no pods");
        }

        @Test
        void reportsAServiceForwardingToAPortThePodsDoNotExpose() {
            var broken = APP.replacing("      targetPort: 9000", "      targetPort: 9001");
            assertReported(problemsOf(broken), "services", "forwards to 9001, which no container of Deployment shop/api exposes");
        }
    }

    @Nested
    class References {

        @Test
        void reportsAConfigMapThatIsNotRendered() {
            var broken = APP.replacing("            - configMapRef:\n                name: web-config\n", "            - configMapRef:\n                name: web-settings\n");
            assertReported(problemsOf(broken), "references", "needs ConfigMap 'web-settings'");
        }

        @Test
        void reportsASecretThatIsNotRendered() {
            var broken = APP.replacing("            - secretRef:\n                name: api-secret\n", "            - secretRef:\n                name: api-credentials\n");
            assertReported(problemsOf(broken), "references", "needs Secret 'api-credentials'");
        }

        @Test
        void reportsASecretKeyTheSecretLacks() {
            var broken = APP.replacing("                  key: API_TOKEN", "                  key: API_KEY");
            assertReported(problemsOf(broken), "references", "needs key 'API_KEY' of Secret 'web-secret'");
        }

        @Test
        void reportsAnIngressToAPortTheServiceLacks() {
            var broken = APP.replacing("""
                                    name: web
                                    port:
                                      name: http
                    """, """
                                    name: web
                                    port:
                                      name: https
                    """);
            assertReported(problemsOf(broken), "references", "routes to port https of Service 'web'");
        }

        @Test
        void reportsAVolumeMountWithoutVolume() {
            var broken = APP.replacing("        - name: tmp\n          emptyDir: {}\n", "        - name: scratch\n          emptyDir: {}\n");
            assertReported(problemsOf(broken), "references", "mounts volume 'tmp', which the pod does not define");
        }
    }

    @Nested
    class Urls {

        @Test
        void reportsAGatewayRouteToAPortTheServiceDoesNotServe() {
            var broken = APP.replacing("http://api:9000", "http://api:8080");
            assertReported(problemsOf(broken), "urls", "REGUA_GATEWAY_ROUTES_API_URL uses port 8080 of Service 'api', which serves [9000]");
        }

        @Test
        void reportsAGatewayRouteToAnUnknownService() {
            var broken = APP.replacing("http://api:9000", "http://apis:9000");
            assertReported(problemsOf(broken), "urls", "REGUA_GATEWAY_ROUTES_API_URL points at 'apis'");
        }
    }

    @Nested
    class Oidc {

        @Test
        void reportsARealmOtherThanTheOneShipped() {
            var broken = APP.replacing("/realms/shop", "/realms/shops");
            assertReported(problemsOf(broken), "oidc", "the realm this render ships is [shop]");
        }
    }

    @Nested
    class Scaling {

        @Test
        void reportsADeploymentThatSetsReplicasWhileAnAutoscalerScalesIt() {
            var broken = APP.replacing("spec:\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: api\n",
                    "spec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: api\n");
            assertReported(problemsOf(broken), "scaling", "sets spec.replicas while HorizontalPodAutoscaler shop/api scales it");
        }

        @Test
        void reportsABudgetThatBlocksEveryDrain() {
            var broken = APP.replacing("  minAvailable: 1", "  minAvailable: 2");
            assertReported(problemsOf(broken), "scaling", "allows no pod of Deployment shop/web (2 replica(s)) to be evicted");
        }

        @Test
        void reportsAnAutoscalerOnCpuOfContainersThatRequestNone() {
            var broken = APP.replacing("              cpu: 250m\n", "");
            assertReported(problemsOf(broken), "scaling", "container api requests no cpu");
        }
    }

    @Nested
    class Security {

        @Test
        void reportsAContainerThatMayEscalatePrivileges() {
            var broken = APP.replacing("          securityContext:\n            allowPrivilegeEscalation: false\n            readOnlyRootFilesystem: true\n",
                    "          securityContext:\n            readOnlyRootFilesystem: true\n");
            assertReported(problemsOf(broken), "security", "container web: allowPrivilegeEscalation must be false");
        }

        @Test
        void reportsAPodThatMayRunAsRoot() {
            var broken = APP.replacing("        runAsNonRoot: true\n        runAsUser: 185\n", "        runAsUser: 0\n");
            assertReported(problemsOf(broken), "security", "runs as user 0");
        }
    }

    @Nested
    class Resources {

        @Test
        void reportsAMalformedQuantity() {
            var broken = APP.replacing("              memory: 384Mi", "              memory: 384MB");
            assertReported(problemsOf(broken), "resources", "limits.memory '384MB' is not a quantity");
        }

        @Test
        void reportsALimitBelowTheRequest() {
            var broken = APP.replacing("              memory: 384Mi", "              memory: 200Mi");
            assertReported(problemsOf(broken), "resources", "memory limit is below its request");
        }

        @Test
        void reportsAMissingMemoryLimit() {
            var broken = APP.replacing("            limits:\n              memory: 384Mi\n", "");
            assertReported(problemsOf(broken), "resources", "has no resources.limits.memory");
        }

        @Test
        void readsQuantitiesInBaseUnits() {
            assertEquals(0, new BigDecimal("0.1").compareTo(ManifestChecks.quantity("100m").orElseThrow()));
            assertEquals(0, BigDecimal.valueOf(512L * 1024 * 1024).compareTo(ManifestChecks.quantity("512Mi").orElseThrow()));
            assertEquals(0, BigDecimal.valueOf(1000).compareTo(ManifestChecks.quantity("1e3").orElseThrow()));
            assertEquals(0, BigDecimal.valueOf(2_000_000_000L).compareTo(ManifestChecks.quantity("2G").orElseThrow()));
        }
    }

    @Nested
    class Images {

        @Test
        void reportsALatestImage() {
            var broken = APP.replacing("image: example/web:1.0.0", "image: example/web:latest");
            assertReported(problemsOf(broken), "images", "uses :latest");
        }

        @Test
        void reportsAnUntaggedImage() {
            var broken = APP.replacing("image: example/api:1.0.0", "image: registry.example:5000/api");
            assertReported(problemsOf(broken), "images", "has no tag");
        }
    }

    @Nested
    class CustomResources {

        @Test
        void reportsATopicWithMoreInSyncReplicasThanReplicas() {
            var broken = APP.replacing("    min.insync.replicas: 2", "    min.insync.replicas: 4");
            assertReported(problemsOf(broken), "custom-resources", "min.insync.replicas 4 exceeds replicas 3");
        }

        @Test
        void reportsATopicWithPartitionsAsText() {
            var broken = APP.replacing("  partitions: 3", "  partitions: three");
            assertReported(problemsOf(broken), "custom-resources", "spec.partitions must be a whole number");
        }

        @Test
        void reportsAnExternalSecretWithoutStore() {
            var broken = APP.replacing("    name: vault\n", "");
            assertReported(problemsOf(broken), "custom-resources", "spec.secretStoreRef.name is missing");
        }
    }

    @Nested
    class Production {

        private final Fixture controllableClock = APP.replacing("  REGUA_CLOCK_CONTROLLABLE: \"false\"", "  REGUA_CLOCK_CONTROLLABLE: \"true\"");

        @Test
        void reportsAControllableClock() {
            assertReported(problemsOf(controllableClock), "production", "REGUA_CLOCK_CONTROLLABLE is 'true'");
        }

        @Test
        void reportsAClockLeftToTheApplicationsDefault() {
            var broken = APP.replacing("""
                                - name: REGUA_CLOCK_CONTROLLABLE
                                  value: "false"
                    """, "");
            assertReported(problemsOf(broken), "production", "container api: REGUA_CLOCK_CONTROLLABLE is not set");
        }

        @Test
        void allowsAControllableClockOutsideProduction() {
            assertClean(ManifestChecks.check(Manifests.parse(controllableClock.text()), DEVELOPMENT));
        }
    }
}
