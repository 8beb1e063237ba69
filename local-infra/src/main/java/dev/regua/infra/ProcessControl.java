package dev.regua.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Signals processes by PID. Every operation first checks that the PID still belongs to the process that was
 * recorded (same start time), so a recycled PID is never signalled. Nothing here looks processes up by name.
 */
final class ProcessControl {

    private ProcessControl() {
    }

    /** Start time of a live process in epoch millis, or 0 when the platform does not report it. */
    static long startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** The live process with this PID, provided it started when recorded ({@code startMillis} 0 = unknown). */
    static Optional<ProcessHandle> find(long pid, long startMillis) {
        if (pid <= 0) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessControl::isRunning)
                .filter(h -> startMillis == 0 || Math.abs(startMillis(h) - startMillis) < 2_000);
    }

    static boolean isRunning(ProcessHandle handle) {
        return handle.isAlive() && !isZombie(handle.pid());
    }

    static boolean isRunning(long pid, long startMillis) {
        return find(pid, startMillis).isPresent();
    }

    /** A terminated child nobody reaped yet still "exists"; it must count as gone. Linux only, else false. */
    private static boolean isZombie(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            int close = text.lastIndexOf(')');
            return close > 0 && close + 2 < text.length() && text.charAt(close + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Stops the recorded process: {@code signal}, up to {@code grace} to exit, then SIGKILL; processes it had
     * started (e.g. kc.sh's JVM) and that outlive it are killed too. Returns true when nothing is left running.
     */
    static boolean terminate(long pid, long startMillis, Signal signal, Duration grace) {
        Optional<ProcessHandle> found = find(pid, startMillis);
        if (found.isEmpty()) {
            return true;
        }
        ProcessHandle handle = found.get();
        List<ProcessHandle> descendants = handle.descendants().toList();
        send(handle, signal);
        if (!awaitExit(handle, grace)) {
            handle.destroyForcibly();
            awaitExit(handle, Duration.ofSeconds(5));
        }
        for (ProcessHandle descendant : descendants) {
            if (isRunning(descendant)) {
                descendant.destroyForcibly();
                awaitExit(descendant, Duration.ofSeconds(5));
            }
        }
        return !isRunning(handle) && descendants.stream().noneMatch(ProcessControl::isRunning);
    }

    static void send(ProcessHandle handle, Signal signal) {
        switch (signal) {
            case TERM -> handle.destroy();
            case KILL -> handle.destroyForcibly();
            case INT -> {
                try {
                    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(handle.pid()))
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
                    if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                        handle.destroy();
                    }
                } catch (IOException e) {
                    handle.destroy();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    handle.destroy();
                }
            }
        }
    }

    static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(handle)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(handle);
            }
        }
        return true;
    }
}
