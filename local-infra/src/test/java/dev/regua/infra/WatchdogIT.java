package dev.regua.infra;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs LocalInfra (SMTP only: the cheapest component) in another JVM, as a launcher would, and checks what happens
 * to its processes when that JVM crashes or when another process asks for a stop.
 */
class WatchdogIT {

    private Process owner;

    @AfterEach
    void killOwner() {
        if (owner != null && owner.isAlive()) {
            owner.destroyForcibly();
        }
    }

    @Test
    void processesDieWithTheJvmThatStartedThem() throws Exception {
        Path stateDir = ReguaHome.resolve().resolve("run").resolve("it-watchdog-crash");
        owner = startInAnotherJvm(stateDir);
        PidFile smtp = onlyRecord(stateDir);
        assertTrue(ProcessControl.isRunning(smtp.pid(), smtp.startMillis()));

        long t0 = System.nanoTime();
        owner.destroyForcibly(); // SIGKILL: no shutdown hook runs
        owner.waitFor();

        assertTrue(eventually(() -> !ProcessControl.isRunning(smtp.pid(), smtp.startMillis())
                && !ProcessControl.isRunning(smtp.watchdogPid(), smtp.watchdogStartMillis()), Duration.ofSeconds(30)),
                "GreenMail (PID " + smtp.pid() + ") outlived its owner");
        System.out.printf("watchdog stopped the orphan %.1f s after its owner died%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(List.of(), LocalInfra.stopAll(stateDir), "nothing left for stopAll");
    }

    @Test
    void stopAllFromAnotherProcessStopsARunByPidAndABusyStateDirIsRefused() throws Exception {
        Path stateDir = ReguaHome.resolve().resolve("run").resolve("it-watchdog-stop");
        owner = startInAnotherJvm(stateDir);
        PidFile smtp = onlyRecord(stateDir);

        InfraStartException busy = assertThrows(InfraStartException.class,
                () -> LocalInfra.start(InfraOptions.builder().stateDir(stateDir).smtp(0, 0).build()));
        assertTrue(busy.getMessage().contains("is in use"), busy.getMessage());

        List<String> stopped = LocalInfra.stopAll(stateDir);

        assertEquals(List.of("smtp (PID " + smtp.pid() + ")"), stopped);
        assertFalse(ProcessControl.isRunning(smtp.pid(), smtp.startMillis()));
        assertFalse(ProcessControl.isRunning(smtp.watchdogPid(), smtp.watchdogStartMillis()));
        assertTrue(owner.isAlive(), "only recorded processes are stopped, never the owner");
        assertTrue(PidFile.readAll(stateDir).isEmpty());
    }

    private static PidFile onlyRecord(Path stateDir) {
        List<PidFile> records = PidFile.readAll(stateDir);
        assertEquals(1, records.size(), "records " + records);
        assertEquals("smtp", records.get(0).component());
        return records.get(0);
    }

    private static Process startInAnotherJvm(Path stateDir) throws IOException, InterruptedException {
        Files.createDirectories(stateDir);
        Path out = stateDir.resolve("owner.out");
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dregua.home=" + ReguaHome.resolve(),
                LocalInfraMain.class.getName(), "start", "--state-dir", stateDir.toString(), "--smtp", "0")
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        boolean ready = eventually(() -> {
            try {
                return Files.readString(out).contains("READY") || !process.isAlive();
            } catch (IOException e) {
                return false;
            }
        }, Duration.ofSeconds(90));
        assertTrue(ready && process.isAlive(), "the owner JVM did not report READY:\n" + Files.readString(out));
        return process;
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }
}
