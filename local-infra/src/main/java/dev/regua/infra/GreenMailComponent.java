package dev.regua.infra;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * GreenMail {@value #VERSION} standalone in a child JVM: an SMTP server that accepts any recipient (authentication
 * disabled; one mailbox per recipient is created on delivery) and its REST API, both on 127.0.0.1. Read it with
 * {@link Mailbox}.
 */
final class GreenMailComponent implements Component {

    static final String VERSION = "2.1.5";
    static final String NAME = "smtp";

    private volatile ManagedProcess process;
    private Path log;
    private int smtpPort;
    private int apiPort;

    @Override
    public String name() {
        return NAME;
    }

    int smtpPort() {
        return smtpPort;
    }

    String apiUrl() {
        return "http://" + Ports.HOST + ":" + apiPort;
    }

    @Override
    public void start(StartContext ctx) throws Exception {
        Path jar = ctx.dist().resolve("greenmail").resolve("greenmail-standalone-" + VERSION + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new InfraStartException("GreenMail " + VERSION + " is not at " + jar
                    + StartContext.FETCH_HINT);
        }
        List<Integer> free = Ports.free(2);
        smtpPort = ctx.options.smtpPort() > 0 ? ctx.options.smtpPort() : free.get(0);
        apiPort = ctx.options.mailApiPort() > 0 ? ctx.options.mailApiPort() : free.get(1);
        if (smtpPort == apiPort) {
            throw new InfraStartException(NAME + ": the SMTP and API ports must differ (both " + smtpPort + ")");
        }
        if (ctx.options.smtpPort() > 0) {
            Ports.requireFree(NAME, smtpPort);
        }
        if (ctx.options.mailApiPort() > 0) {
            Ports.requireFree(NAME, apiPort);
        }
        Path home = FileTrees.fresh(ctx.stateDir.resolve("greenmail"));
        log = ctx.logsDir.resolve(NAME + ".log");
        List<String> command = List.of(ctx.java.toString(),
                "-Xms32m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-Dgreenmail.smtp.hostname=" + Ports.HOST,
                "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.api.hostname=" + Ports.HOST,
                "-Dgreenmail.api.port=" + apiPort,
                "-Dgreenmail.auth.disabled",
                "-jar", jar.toString());
        process = ManagedProcess.launch(NAME, 3, ctx.stateDir, command, Map.of(), home, log, Signal.TERM);
        URI readiness = URI.create(apiUrl() + "/api/service/readiness");
        ctx.awaitReady(NAME, process, "GET " + readiness + " answering 200",
                () -> HttpProbe.answers200(readiness) && Ports.isListening(smtpPort));
    }

    @Override
    public void stop() {
        ManagedProcess p = process;
        if (p != null) {
            p.stop(Duration.ofSeconds(15));
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
