package dev.regua.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process a run is responsible for: either a child it launched, or a daemon it adopted by PID (the PostgreSQL
 * postmaster, which pg_ctl detaches). Each one gets
 * <ul>
 *   <li>a PID file under the state dir, so {@link LocalInfra#stopAll(Path)} can stop it from another process;</li>
 *   <li>a watchdog: a tiny {@code sh} loop that exits with the process, and that stops it (its signal, then
 *   SIGKILL) as soon as the JVM that started it is gone, so a crashed test JVM leaves nothing behind.</li>
 * </ul>
 * Stopping is always by PID.
 */
public final class ManagedProcess {

    /** Seconds the watchdog waits between its stop signal and SIGKILL. */
    private static final int WATCHDOG_GRACE_SECONDS = 20;

    /**
     * $1 owner PID, $2 watched PID, $3 signal name, $4 grace seconds. "Alive" means present and not a zombie (an
     * orphan nobody has reaped yet must not keep the loop going). Children of the watched process are noted
     * before signalling, so kc.sh's JVM is killed too should the script itself have to be SIGKILLed.
     */
    private static final String WATCHDOG_SCRIPT = """
            alive() { s=$(ps -o stat= -p "$1" 2>/dev/null) || return 1; case "$s" in ""|Z*) return 1;; esac; return 0; }
            while alive "$1" && alive "$2"; do sleep 1; done
            alive "$2" || exit 0
            kids=$(ps -o pid= --ppid "$2" 2>/dev/null)
            kill -"$3" "$2" 2>/dev/null
            i=0
            while alive "$2" && [ "$i" -lt "$4" ]; do sleep 1; i=$((i+1)); done
            alive "$2" && kill -KILL "$2" 2>/dev/null
            for k in $kids; do alive "$k" && kill -KILL "$k" 2>/dev/null; done
            exit 0
            """;

    private final String component;
    private final Path stateDir;
    private final Process child;           // null when adopted
    private final Process watchdog;
    private final PidFile record;
    private final Path log;
    private volatile boolean stopped;

    private ManagedProcess(String component, Path stateDir, Process child, Process watchdog, PidFile record, Path log) {
        this.component = component;
        this.stateDir = stateDir;
        this.child = child;
        this.watchdog = watchdog;
        this.record = record;
        this.log = log;
    }

    /**
     * Launches {@code command} with stdout+stderr to {@code log} (truncated) and stdin from /dev/null.
     * {@code environment} entries with a null value are removed from the inherited environment.
     */
    public static ManagedProcess launch(String component, int order, Path stateDir, List<String> command,
                                 Map<String, String> environment, Path workDir, Path log, Signal stopSignal) {
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            environment.forEach((key, value) -> {
                if (value == null) {
                    builder.environment().remove(key);
                } else {
                    builder.environment().put(key, value);
                }
            });
            Process child = builder.start();
            return guard(component, order, stateDir, child.toHandle(), child, stopSignal, log);
        } catch (IOException e) {
            throw new InfraStartException(component + ": could not launch " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Takes responsibility for a process this JVM did not launch directly. */
    static ManagedProcess adopt(String component, int order, Path stateDir, long pid, Signal stopSignal, Path log) {
        ProcessHandle handle = ProcessHandle.of(pid)
                .orElseThrow(() -> new InfraStartException(component + ": process " + pid + " is not running"));
        return guard(component, order, stateDir, handle, null, stopSignal, log);
    }

    private static ManagedProcess guard(String component, int order, Path stateDir, ProcessHandle handle,
                                        Process child, Signal stopSignal, Path log) {
        ProcessHandle current = ProcessHandle.current();
        long owner = current.pid();
        Process watchdog;
        try {
            watchdog = new ProcessBuilder("sh", "-c", WATCHDOG_SCRIPT, "regua-watchdog",
                    Long.toString(owner), Long.toString(handle.pid()), stopSignal.name(),
                    Integer.toString(WATCHDOG_GRACE_SECONDS))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            ProcessControl.terminate(handle.pid(), 0, stopSignal, Duration.ofSeconds(10));
            throw new UncheckedIOException(component + ": could not start its watchdog", e);
        }
        PidFile record = new PidFile(component, order, handle.pid(), ProcessControl.startMillis(handle), stopSignal,
                watchdog.pid(), ProcessControl.startMillis(watchdog.toHandle()), owner, ProcessControl.startMillis(current));
        record.write(stateDir);
        return new ManagedProcess(component, stateDir, child, watchdog, record, log);
    }

    public long pid() {
        return record.pid();
    }

    long watchdogPid() {
        return record.watchdogPid();
    }

    List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(record.pid());
        pids.add(record.watchdogPid());
        return pids;
    }

    public boolean isAlive() {
        return child != null ? child.isAlive() : ProcessControl.isRunning(record.pid(), record.startMillis());
    }

    /** Exit code when it has ended (children only), for error messages. */
    public String exitDescription() {
        if (child != null && !child.isAlive()) {
            return "exited with code " + child.exitValue();
        }
        return isAlive() ? "still running" : "is gone";
    }

    public Path log() {
        return log;
    }

    /** Stops the watchdog, then the process (signal, grace, SIGKILL), then forgets the PID file. Idempotent. */
    public synchronized void stop(Duration grace) {
        if (stopped) {
            return;
        }
        stopped = true;
        // the watchdog and its `sleep`, so that nothing of it lingers
        ProcessControl.terminate(record.watchdogPid(), record.watchdogStartMillis(), Signal.TERM, Duration.ofSeconds(2));
        try {
            watchdog.waitFor(2, TimeUnit.SECONDS); // reap it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean gone = ProcessControl.terminate(record.pid(), record.startMillis(), record.signal(), grace);
        if (child != null) {
            try {
                child.waitFor(5, TimeUnit.SECONDS); // reap it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (gone) {
            record.delete(stateDir);
        } else {
            System.getLogger(LocalInfra.class.getName()).log(System.Logger.Level.WARNING,
                    component + " (PID " + record.pid() + ") did not stop; its PID file is kept");
        }
    }

    /** Stops what a PID file records, from any process. */
    static boolean stopRecorded(PidFile record, Path stateDir, Duration grace) {
        ProcessControl.terminate(record.watchdogPid(), record.watchdogStartMillis(), Signal.TERM, Duration.ofSeconds(2));
        boolean gone = ProcessControl.terminate(record.pid(), record.startMillis(), record.signal(), grace);
        if (gone) {
            record.delete(stateDir);
        }
        return gone;
    }

    public String component() {
        return component;
    }
}
