package dev.regua.infra.quarkus;

import dev.regua.infra.InfraOptions;
import dev.regua.infra.LocalInfra;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts real Kafka, PostgreSQL and Keycloak (and, on request, an SMTP server) for a {@code @QuarkusTest} and
 * points the application at them.
 *
 * <pre>{@code
 * @QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = {
 *     @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "notification"),
 *     @ResourceArg(name = LocalInfraTestResource.SMTP, value = "true") })
 * }</pre>
 *
 * Init args: {@value #DATABASE} (database name, or a comma-separated list whose first entry the datasource uses;
 * no PostgreSQL when absent), {@value #SMTP} ({@code true} to start GreenMail), {@value #KAFKA} and
 * {@value #KEYCLOAK} ({@code false} to skip them), {@value #NAME} (state under {@code <regua.home>/run/<name>};
 * default {@code test-<database>}).
 *
 * <p>Tests reach the running infrastructure through {@link #infra()} (mailbox, realm URL, JDBC URLs, tokens).
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "database";
    public static final String SMTP = "smtp";
    public static final String KAFKA = "kafka";
    public static final String KEYCLOAK = "keycloak";
    public static final String NAME = "name";

    private static volatile LocalInfra current;

    private List<String> databases = List.of();
    private boolean smtp;
    private boolean kafka = true;
    private boolean keycloak = true;
    private String name;
    private LocalInfra started;

    @Override
    public void init(Map<String, String> initArgs) {
        String database = initArgs.getOrDefault(DATABASE, "").trim();
        databases = database.isEmpty() ? List.of()
                : Arrays.stream(database.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        smtp = Boolean.parseBoolean(initArgs.getOrDefault(SMTP, "false"));
        kafka = Boolean.parseBoolean(initArgs.getOrDefault(KAFKA, "true"));
        keycloak = Boolean.parseBoolean(initArgs.getOrDefault(KEYCLOAK, "true"));
        name = initArgs.getOrDefault(NAME, "test-" + (databases.isEmpty() ? "infra" : databases.get(0)));
    }

    @Override
    public Map<String, String> start() {
        InfraOptions.Builder options = InfraOptions.builder().name(name);
        if (kafka) {
            options.kafka(0);
        }
        if (!databases.isEmpty()) {
            options.postgres(0, databases.toArray(String[]::new));
        }
        if (keycloak) {
            options.keycloak(0);
        }
        if (smtp) {
            options.smtp(0, 0);
        }
        started = LocalInfra.start(options.build());
        current = started;
        // for code loaded by another class loader than this class (see infra())
        started.describe().forEach(System::setProperty);
        return config(started);
    }

    /** The configuration handed to the application under test. */
    static Map<String, String> config(LocalInfra infra) {
        Map<String, String> config = new LinkedHashMap<>();
        if (infra.describe().containsKey("regua.infra.kafka.bootstrap-servers")) {
            config.put("kafka.bootstrap.servers", infra.kafkaBootstrapServers());
        }
        if (!infra.databases().isEmpty()) {
            String database = infra.databases().get(0);
            config.put("quarkus.datasource.reactive.url", infra.reactiveUrl(database));
            config.put("quarkus.datasource.jdbc.url", infra.jdbcUrl(database));
            config.put("quarkus.datasource.username", infra.dbUser());
            config.put("quarkus.datasource.password", infra.dbPassword());
        }
        if (infra.describe().containsKey("regua.infra.keycloak.url")) {
            config.put("quarkus.oidc.auth-server-url", infra.realmUrl());
            config.put("regua.test.keycloak-url", infra.keycloakUrl());
            config.put("regua.test.realm-url", infra.realmUrl());
        }
        if (infra.describe().containsKey("regua.infra.mail.api-url")) {
            config.put("quarkus.mailer.host", infra.smtpHost());
            config.put("quarkus.mailer.port", Integer.toString(infra.smtpPort()));
            config.put("quarkus.mailer.mock", "false");
            config.put("regua.test.mail-api-url", infra.mailApiUrl());
        }
        return config;
    }

    @Override
    public void stop() {
        LocalInfra infra = started;
        started = null;
        if (infra != null) {
            infra.describe().keySet().forEach(System::clearProperty);
            if (current == infra) {
                current = null;
            }
            infra.close();
        }
    }

    /**
     * The infrastructure started for the running tests. Works from test code even when Quarkus loaded it with
     * another class loader than the one that started the resource: it then rebuilds a view from the
     * {@code regua.infra.*} system properties.
     */
    public static LocalInfra infra() {
        LocalInfra infra = current;
        if (infra != null) {
            return infra;
        }
        if (System.getProperty("regua.infra.state-dir") != null) {
            Map<String, String> description = new LinkedHashMap<>();
            System.getProperties().forEach((k, v) -> {
                if (k.toString().startsWith("regua.infra.")) {
                    description.put(k.toString(), v.toString());
                }
            });
            return LocalInfra.attach(description);
        }
        throw new IllegalStateException("LocalInfraTestResource is not running in this JVM: annotate the test with "
                + "@QuarkusTestResource(LocalInfraTestResource.class) (or @WithTestResource)");
    }
}
