package dev.regua.infra.quarkus;

import dev.regua.infra.LocalInfra;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocalInfraTestResourceTest {

    private static final Map<String, String> DESCRIPTION = Map.of(
            "regua.infra.state-dir", "/tmp/regua-test-state",
            "regua.infra.kafka.bootstrap-servers", "127.0.0.1:9092",
            "regua.infra.postgres.port", "5433",
            "regua.infra.postgres.databases", "billing,other",
            "regua.infra.keycloak.url", "http://127.0.0.1:8180",
            "regua.infra.smtp.port", "3025",
            "regua.infra.mail.api-url", "http://127.0.0.1:8025");

    @AfterEach
    void clearProperties() {
        DESCRIPTION.keySet().forEach(System::clearProperty);
    }

    @Test
    void pointsTheApplicationAtTheInfrastructure() {
        Map<String, String> config = LocalInfraTestResource.config(LocalInfra.attach(DESCRIPTION));

        assertEquals("127.0.0.1:9092", config.get("kafka.bootstrap.servers"));
        assertEquals("vertx-reactive:postgresql://127.0.0.1:5433/billing", config.get("quarkus.datasource.reactive.url"));
        assertEquals("jdbc:postgresql://127.0.0.1:5433/billing", config.get("quarkus.datasource.jdbc.url"));
        assertEquals("regua", config.get("quarkus.datasource.username"));
        assertEquals("regua", config.get("quarkus.datasource.password"));
        assertEquals("http://127.0.0.1:8180/realms/regua", config.get("quarkus.oidc.auth-server-url"));
        assertEquals("127.0.0.1", config.get("quarkus.mailer.host"));
        assertEquals("3025", config.get("quarkus.mailer.port"));
        assertEquals("false", config.get("quarkus.mailer.mock"));
        assertEquals("http://127.0.0.1:8025", config.get("regua.test.mail-api-url"));
    }

    @Test
    void leavesOutWhatWasNotStarted() {
        Map<String, String> config = LocalInfraTestResource.config(LocalInfra.attach(Map.of(
                "regua.infra.state-dir", "/tmp/x", "regua.infra.kafka.bootstrap-servers", "127.0.0.1:9092")));

        assertEquals(Map.of("kafka.bootstrap.servers", "127.0.0.1:9092"), config);
    }

    @Test
    void testsFindTheInfrastructureThroughSystemPropertiesFromAnyClassLoader() {
        assertThrows(IllegalStateException.class, LocalInfraTestResource::infra);

        DESCRIPTION.forEach(System::setProperty);
        LocalInfra infra = LocalInfraTestResource.infra();

        assertEquals("http://127.0.0.1:8180/realms/regua", infra.realmUrl());
        assertEquals("http://127.0.0.1:8025", infra.mailbox().apiUrl());
        assertEquals("jdbc:postgresql://127.0.0.1:5433/other", infra.jdbcUrl("other"));
        assertFalse(infra.pids().containsKey("kafka"), "an attached view owns no process");
    }
}
