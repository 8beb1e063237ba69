package dev.regua.deploy;

import static dev.regua.deploy.Fixture.assertClean;
import static dev.regua.deploy.Fixture.assertReported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compose checks: a correct fixture passes, and each family reports its mistake. Needs no tools. */
class ComposeChecksTest {

    private static final Fixture COMPOSE = Fixture.load("fixtures/compose/docker-compose.yml");

    private static final Path REPOSITORY = Path.of(System.getProperty("regua.repo.dir", "..")).toAbsolutePath().normalize();

    private static List<Problem> problemsOf(Fixture fixture) {
        return ComposeChecks.check(fixture.text(), fixture.directory());
    }

    // ---- the repository's docker-compose.yml -------------------------------------------------------

    @Test
    void theRepositoryComposeFileIsSound() {
        assertClean(ComposeChecks.check(REPOSITORY.resolve("docker-compose.yml")));
    }

    @Test
    void theRepositoryComposeFileRunsTheWholeStack() throws IOException {
        JsonNode services = Yaml.document(Files.readString(REPOSITORY.resolve("docker-compose.yml"))).path("services");
        Map<String, String> infrastructure = Map.of(
                "kafka", "apache/kafka:4.1.0",
                "postgres", "postgres:17",
                "keycloak", "quay.io/keycloak/keycloak:26.3",
                "greenmail", "greenmail/standalone:2.1.5");
        infrastructure.forEach((name, image) -> assertEquals(image, services.path(name).path("image").asText(), name));
        for (ManifestsTest.Service service : ManifestsTest.SERVICES) {
            JsonNode composed = services.path(service.name());
            assertEquals("./" + service.name(), composed.path("build").path("context").asText(), service.name());
            assertEquals("src/main/docker/Dockerfile.jvm", composed.path("build").path("dockerfile").asText(), service.name());
            assertEquals(service.port() + ":" + service.port(), composed.path("ports").path(0).asText(), service.name());
            assertTrue(composed.path("healthcheck").path("test").toString().contains("\"" + service.port() + "\""),
                    service.name() + "'s healthcheck must ask its own port");
            String dockerfile = Files.readString(REPOSITORY.resolve(service.name()).resolve("src/main/docker/Dockerfile.jvm"));
            assertTrue(dockerfile.contains("COPY --chown=185 target/quarkus-app/"), service.name() + "'s image must be built from the fast-jar");
            assertTrue(dockerfile.contains("EXPOSE " + service.port()), service.name() + "'s Dockerfile must expose " + service.port());
        }
    }

    // ---- each family, on the fixture ----------------------------------------------------------------

    @Test
    void theFixtureIsSound() {
        assertClean(problemsOf(COMPOSE));
    }

    @Test
    void reportsAKeyWrittenTwice() {
        var broken = COMPOSE.replacing("    image: shop/worker:1.0\n", "    image: shop/worker:1.0\n    image: shop/worker:2.0\n");
        assertReported(problemsOf(broken), "yaml", "duplicate key image");
    }

    @Test
    void reportsAMisspelledServiceKey() {
        var broken = COMPOSE.replacing("    healthcheck:\n", "    healtcheck:\n");
        assertReported(problemsOf(broken), "structure", "unknown key 'healtcheck'");
    }

    @Test
    void reportsAMissingDockerfile() {
        var broken = COMPOSE.replacing("      dockerfile: Dockerfile\n", "      dockerfile: src/main/docker/Dockerfile.jvm\n");
        assertReported(problemsOf(broken), "build", "Dockerfile src/main/docker/Dockerfile.jvm does not exist in the build context ./app");
    }

    @Test
    void reportsAServiceWithNeitherImageNorBuild() {
        var broken = COMPOSE.replacing("    image: shop/worker:1.0\n", "");
        assertReported(problemsOf(broken), "build", "service worker: has neither image nor build");
    }

    @Test
    void reportsADependencyOnAnUnknownService() {
        var broken = COMPOSE.replacing("      - app\n", "      - api\n");
        assertReported(problemsOf(broken), "depends_on", "depends on 'api', which is not a service of this file");
    }

    @Test
    void reportsWaitingForTheHealthOfAServiceWithoutHealthcheck() {
        var broken = COMPOSE.replacing("      - app\n", "      app:\n        condition: service_healthy\n");
        assertReported(problemsOf(broken), "depends_on", "waits for app to be healthy, but app has no healthcheck");
    }

    @Test
    void reportsADependencyCycle() {
        var broken = COMPOSE.replacing("      db:\n        condition: service_healthy\n",
                "      db:\n        condition: service_healthy\n      worker:\n        condition: service_started\n");
        assertReported(problemsOf(broken), "depends_on", "dependency cycle");
    }

    @Test
    void reportsABindMountOfAMissingFile() {
        var broken = COMPOSE.replacing("./init.sql:", "./deploy/init.sql:");
        assertReported(problemsOf(broken), "mounts", "bind-mounts ./deploy/init.sql, which does not exist");
    }

    @Test
    void reportsAnUndeclaredNamedVolume() {
        var broken = COMPOSE.replacing("      - db-data:/var/lib", "      - database:/var/lib");
        assertReported(problemsOf(broken), "mounts", "uses volume 'database', which the top-level volumes do not declare");
    }

    @Test
    void reportsAHostPortPublishedTwice() {
        var broken = COMPOSE.replacing("        published: 9000\n", "        published: 8080\n");
        assertReported(problemsOf(broken), "ports", "service worker: publishes host port 8080/tcp, already published by service app");
    }

    @Test
    void reportsAnUnquotedPortThatYamlReadsAsANumber() {
        var broken = COMPOSE.replacing("      - \"5432:5432\"", "      - 22:22");
        assertReported(problemsOf(broken), "ports", "port 1342 is a number");
    }

    @Test
    void reportsAHealthcheckDurationWithoutUnit() {
        var broken = COMPOSE.replacing("  interval: 5s", "  interval: 5");
        assertReported(problemsOf(broken), "healthcheck", "interval '5' is not a duration");
    }

    @Test
    void reportsAHealthcheckThatIsNotACommand() {
        var broken = COMPOSE.replacing("[\"CMD-SHELL\", \"pg_isready -U postgres\"]", "[\"pg_isready\", \"-U\", \"postgres\"]");
        assertReported(problemsOf(broken), "healthcheck", "test must start with CMD, CMD-SHELL or NONE");
    }

    @Test
    void reportsAVariableWithAStructuredValue() {
        var broken = COMPOSE.replacing("      POSTGRES_PASSWORD: postgres\n", "      POSTGRES_PASSWORD:\n        value: postgres\n");
        assertReported(problemsOf(broken), "environment", "POSTGRES_PASSWORD must be a single value");
    }
}
