package dev.regua.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/** What the components share while starting: options, folders, the deadline, and the "give up" flag. */
final class StartContext {

    static final String FETCH_HINT = ". The build lays the distributions out: run ./mvnw -pl local-infra -am install "
            + "(or any build that includes local-infra). If you deleted a folder under <regua.home>/dist by hand, delete "
            + "<regua.home>/dist/.markers too (or all of <regua.home>/dist).";

    final InfraOptions options;
    final Path reguaHome;
    final Path stateDir;
    final Path logsDir;
    final Path java;
    private final long deadlineNanos;
    private final AtomicBoolean aborted = new AtomicBoolean();

    StartContext(InfraOptions options, Path reguaHome, Path stateDir) {
        this.options = options;
        this.reguaHome = reguaHome;
        this.stateDir = stateDir;
        this.logsDir = stateDir.resolve("logs");
        this.java = options.javaHome().resolve("bin").resolve("java");
        this.deadlineNanos = System.nanoTime() + options.startupTimeout().toNanos();
    }

    Path dist() {
        return reguaHome.resolve("dist");
    }

    void abort() {
        aborted.set(true);
    }

    boolean aborted() {
        return aborted.get();
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /**
     * Polls {@code ready} until it holds. Fails when the process dies, the deadline passes or another component
     * failed; the message carries the tail of the log.
     */
    void awaitReady(String component, ManagedProcess process, String what, BooleanSupplier ready) {
        long pollMillis = 100;
        while (true) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (process != null && !process.isAlive()) {
                throw failure(component, "the process " + process.exitDescription() + " before " + what, process.log());
            }
            if (aborted()) {
                throw new InfraStartException(component + ": start abandoned because another component failed");
            }
            if (System.nanoTime() > deadlineNanos) {
                throw failure(component, "not ready within " + options.startupTimeout().toSeconds() + " s ("
                        + what + ")", process == null ? null : process.log());
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfraStartException(component + ": interrupted while waiting for " + what);
            }
            pollMillis = Math.min(500, pollMillis + 50);
        }
    }

    static InfraStartException failure(String component, String problem, Path log) {
        return new InfraStartException(component + " failed to start: " + problem + System.lineSeparator()
                + "Log " + log + " (last lines):" + System.lineSeparator() + LogFiles.tail(log, 40));
    }
}
