package dev.regua.infra;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts the whole set for real and proves each piece works, then that close() leaves nothing running. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalInfraIT {

    private static final List<String> DATABASES = List.of("billing", "dunning", "notification", "creditcheck");

    private LocalInfra infra;

    @BeforeAll
    void startEverything() {
        long t0 = System.nanoTime();
        infra = LocalInfra.start(InfraOptions.builder()
                .name("it-local-infra")
                .kafka(0)
                .postgres(0, DATABASES.toArray(String[]::new))
                .keycloak(0)
                .smtp(0, 0)
                .build());
        System.out.printf("LocalInfra started in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, infra.summary());
    }

    @AfterAll
    void stopEverything() {
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    @Order(1)
    void producesAndConsumesAKafkaRecordOnAnAutoCreatedTopicWithThreePartitions() throws Exception {
        String topic = "local-infra-it-" + UUID.randomUUID();
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>(topic, "clinica-sorriso", "{\"hello\":\"kafka\"}")).get(60, TimeUnit.SECONDS);
        }

        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "local-infra-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        assertEquals(1, received.size(), "records received");
        assertEquals("clinica-sorriso", received.get(0).key());
        assertEquals("{\"hello\":\"kafka\"}", received.get(0).value());

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(topic);
            assertEquals(3, description.partitions().size(), "num.partitions");
        }
    }

    @Test
    @Order(2)
    void createsEachDatabaseOwnedByTheApplicationUser() throws Exception {
        assertEquals(DATABASES, infra.databases());
        for (String database : DATABASES) {
            try (Connection c = DriverManager.getConnection(infra.jdbcUrl(database), infra.dbUser(), infra.dbPassword());
                 Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT current_database(), current_user, "
                        + "pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")) {
                    assertTrue(rs.next());
                    assertEquals(database, rs.getString(1));
                    assertEquals("regua", rs.getString(2));
                    assertEquals("regua", rs.getString(3), "owner of " + database);
                }
                s.execute("CREATE TABLE probe (id bigint PRIMARY KEY, note text)");
                s.execute("INSERT INTO probe VALUES (1, 'ção')");
                try (ResultSet rs = s.executeQuery("SELECT note FROM probe WHERE id = 1")) {
                    assertTrue(rs.next());
                    assertEquals("ção", rs.getString(1));
                }
            }
        }
        assertTrue(infra.reactiveUrl("billing").startsWith("vertx-reactive:postgresql://127.0.0.1:"));
    }

    @Test
    @Order(3)
    void issuesClientCredentialsTokensCarryingTheIntegratorsTenant() {
        String sorriso = KeycloakTokens.clientCredentials(infra.realmUrl(), "sorriso-integration", "sorriso-integration-secret");
        Map<String, Object> claims = KeycloakTokens.claims(sorriso);
        assertEquals("clinica-sorriso", claims.get("tenant_id"));
        assertEquals(infra.realmUrl(), claims.get("iss"));
        assertEquals(3600, ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue(),
                "access token lifespan");
        List<String> roles = KeycloakTokens.realmRoles(sorriso);
        assertTrue(roles.containsAll(List.of("integrator", "tenant-admin")), "roles " + roles);
        assertFalse(roles.contains("platform-ops"), "roles " + roles);

        String visao = KeycloakTokens.clientCredentials(infra.realmUrl(), "visao-integration", "visao-integration-secret");
        assertEquals("otica-visao", KeycloakTokens.claims(visao).get("tenant_id"));

        String ops = KeycloakTokens.clientCredentials(infra.realmUrl(), "regua-ops", "regua-ops-secret");
        assertFalse(KeycloakTokens.claims(ops).containsKey("tenant_id"), "regua-ops has no tenant");
        assertTrue(KeycloakTokens.realmRoles(ops).contains("platform-ops"));
    }

    @Test
    @Order(4)
    void issuesPasswordTokensCarryingTheUsersTenantAttribute() {
        String ana = KeycloakTokens.password(infra.realmUrl(), "regua-console", "ana", "ana");
        Map<String, Object> claims = KeycloakTokens.claims(ana);
        assertEquals("clinica-sorriso", claims.get("tenant_id"), "tenant_id of ana, claims " + claims);
        assertEquals("ana", claims.get("preferred_username"));
        assertTrue(KeycloakTokens.realmRoles(ana).contains("staff"));
        assertFalse(KeycloakTokens.realmRoles(ana).contains("tenant-admin"));

        String carla = KeycloakTokens.password(infra.realmUrl(), "regua-console", "carla", "carla");
        assertEquals("clinica-sorriso", KeycloakTokens.claims(carla).get("tenant_id"));
        assertTrue(KeycloakTokens.realmRoles(carla).containsAll(List.of("staff", "tenant-admin")));

        String bruno = KeycloakTokens.password(infra.realmUrl(), "regua-console", "bruno", "bruno");
        assertEquals("otica-visao", KeycloakTokens.claims(bruno).get("tenant_id"));
        assertTrue(KeycloakTokens.realmRoles(bruno).contains("staff"));
    }

    @Test
    @Order(5)
    void deliversMailThatTheMailboxReadsBackDecoded() throws Exception {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", infra.smtpHost());
        smtp.put("mail.smtp.port", Integer.toString(infra.smtpPort()));
        Session session = Session.getInstance(smtp);
        MimeMessage message = new MimeMessage(session);
        message.setFrom("cobranca@regua.dev");
        message.setRecipients(Message.RecipientType.TO, "maria@example.com");
        message.setRecipients(Message.RecipientType.CC, "financeiro@clinica-sorriso.example");
        message.setSubject("Lembrete: sua parcela vence amanhã", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Olá Maria, a parcela de R$ 150,00 vence amanhã. Código Pix: ção", "UTF-8");
        text.setHeader("Content-Transfer-Encoding", "8bit");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Olá <b>Maria</b>, a parcela vence amanhã.</p>", "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        message.setContent(alternative);
        Transport.send(message);

        Mailbox mailbox = infra.mailbox();
        List<MailMessage> maria = mailbox.awaitMessages("maria@example.com", 1, Duration.ofSeconds(15));
        MailMessage received = maria.get(0);
        assertEquals("Lembrete: sua parcela vence amanhã", received.subject());
        assertEquals(List.of("cobranca@regua.dev"), received.from());
        assertEquals(List.of("maria@example.com"), received.to());
        assertEquals(List.of("financeiro@clinica-sorriso.example"), received.cc());
        assertNotNull(received.text());
        assertTrue(received.text().contains("vence amanhã. Código Pix: ção"), received.text());
        assertTrue(received.html().contains("<b>Maria</b>"), received.html());

        List<MailMessage> all = mailbox.messages();
        assertEquals(1, all.size(), "one message, delivered to two mailboxes");
        assertTrue(all.get(0).deliveredTo().containsAll(List.of("maria@example.com", "financeiro@clinica-sorriso.example")));
        assertTrue(all.get(0).isAddressedTo("FINANCEIRO@clinica-sorriso.example"));

        mailbox.purge();
        assertTrue(mailbox.messagesFor("maria@example.com").isEmpty());
        assertTrue(mailbox.messagesFor("nobody@example.com").isEmpty());
    }

    @Test
    @Order(6)
    void closeLeavesNoProcessRunning() {
        List<Long> recorded = new ArrayList<>();
        infra.pids().values().forEach(recorded::addAll);
        assertEquals(8, recorded.size(), "4 processes + 4 watchdogs: " + infra.pids());
        assertTrue(recorded.stream().allMatch(LocalInfraIT::running), "all running before close: " + infra.pids());
        // plus their children: kc.sh runs Keycloak's JVM, the postmaster its backends, a watchdog its `sleep`
        List<Long> pids = new ArrayList<>(recorded);
        recorded.forEach(pid -> ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid()))));

        long t0 = System.nanoTime();
        infra.close();
        System.out.printf("LocalInfra closed in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        List<Long> survivors = pids.stream().filter(LocalInfraIT::running).toList();
        assertTrue(survivors.isEmpty(), "still running after close: " + survivors);
        assertTrue(PidFile.readAll(infra.stateDir()).isEmpty(), "PID files left");
        assertTrue(Files.isRegularFile(infra.logFile("keycloak")), "logs are kept");
        infra = null;
    }

    private static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessControl::isRunning).orElse(false);
    }
}
