package dev.regua.infra;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Kafka {@value #VERSION} in KRaft mode: one combined broker+controller node in a child JVM, from the jars the
 * build copied to {@code <regua.home>/dist/kafka-4.4.0/libs}. Fresh log dirs on every start.
 */
final class KafkaComponent implements Component {

    static final String VERSION = "4.4.0";
    static final String NAME = "kafka";
    private static final String READY_MARKER = "Kafka Server started";

    private volatile ManagedProcess process;
    private Path log;
    private int port;

    @Override
    public String name() {
        return NAME;
    }

    int port() {
        return port;
    }

    String bootstrapServers() {
        return Ports.HOST + ":" + port;
    }

    @Override
    public void start(StartContext ctx) throws Exception {
        Path libs = ctx.dist().resolve("kafka-" + VERSION).resolve("libs");
        if (!Files.isRegularFile(libs.resolve("kafka_2.13-" + VERSION + ".jar"))) {
            throw new InfraStartException("Kafka " + VERSION + " is not in " + libs
                    + StartContext.FETCH_HINT);
        }
        List<Integer> ports = Ports.free(2);
        port = ctx.options.kafkaPort() > 0 ? ctx.options.kafkaPort() : ports.get(0);
        int controllerPort = ports.get(1) != port ? ports.get(1) : Ports.free(1).get(0);
        if (ctx.options.kafkaPort() > 0) {
            Ports.requireFree(NAME, port);
        }
        Path home = FileTrees.fresh(ctx.stateDir.resolve(NAME));
        Path data = Files.createDirectories(home.resolve("data"));
        log = ctx.logsDir.resolve(NAME + ".log");
        Path serverProperties = home.resolve("server.properties");
        Files.writeString(serverProperties, serverProperties(data, port, controllerPort));
        Path log4j = home.resolve("log4j2.properties");
        Files.writeString(log4j, LOG4J2);

        List<String> jvm = new ArrayList<>(List.of(ctx.java.toString(),
                "-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED",
                "-Dlog4j2.configurationFile=" + log4j.toUri(),
                "-Dkafka.logs.dir=" + home.resolve("logs"),
                "-cp", libs + "/*"));

        // 1. format the storage (a short-lived JVM), 2. run the node
        List<String> format = new ArrayList<>(jvm);
        format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", serverProperties.toString()));
        Files.createDirectories(log.getParent());
        Process formatting = new ProcessBuilder(format)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!formatting.waitFor(Math.max(10, ctx.remaining().toSeconds()), TimeUnit.SECONDS)) {
            formatting.destroyForcibly();
            throw StartContext.failure(NAME, "formatting the storage (kafka.tools.StorageTool) timed out", log);
        }
        if (formatting.exitValue() != 0) {
            throw StartContext.failure(NAME, "formatting the storage (kafka.tools.StorageTool) exited with "
                    + formatting.exitValue(), log);
        }

        List<String> run = new ArrayList<>(jvm);
        run.addAll(List.of("kafka.Kafka", serverProperties.toString()));
        process = ManagedProcess.launch(NAME, 0, ctx.stateDir, run, Map.of(), home, log, Signal.TERM);
        LogFiles.Watcher watcher = new LogFiles.Watcher(log, READY_MARKER);
        ctx.awaitReady(NAME, process, "\"" + READY_MARKER + "\" in its log", watcher::seen);
    }

    private static String serverProperties(Path data, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + Ports.HOST + ":" + controllerPort,
                "controller.listener.names=CONTROLLER",
                "listeners=PLAINTEXT://" + Ports.HOST + ":" + port + ",CONTROLLER://" + Ports.HOST + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + Ports.HOST + ":" + port,
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=2",
                "num.io.threads=4",
                "num.recovery.threads.per.data.dir=1",
                "");
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding (what kafka-storage random-uuid prints). */
    /**
     * A random cluster id in Kafka's form (URL-safe base64 of 16 bytes). Like Kafka's own {@code Uuid.randomUuid()},
     * it never starts with '-', which the storage tool's argument parser would read as an option.
     */
    static String clusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private static final String LOG4J2 = """
            status = warn
            appender.out.type = Console
            appender.out.name = STDOUT
            appender.out.layout.type = PatternLayout
            appender.out.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = INFO
            rootLogger.appenderRef.out.ref = STDOUT
            logger.request.name = kafka.request.logger
            logger.request.level = WARN
            logger.config.name = org.apache.kafka.common.config.AbstractConfig
            logger.config.level = WARN
            logger.appinfo.name = org.apache.kafka.common.utils.AppInfoParser
            logger.appinfo.level = WARN
            """;

    @Override
    public void stop() {
        ManagedProcess p = process;
        if (p != null) {
            p.stop(Duration.ofSeconds(30));
        }
    }

    @Override
    public List<Long> pids() {
        ManagedProcess p = process;
        return p == null ? List.of() : p.pids();
    }

    @Override
    public Path log() {
        return log;
    }
}
