package dev.regua.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * What a run records about each process it started, in {@code <stateDir>/pids/<component>.pid}: enough for another
 * process to stop it later, by PID, after checking the PID still denotes the same process (start time).
 */
record PidFile(String component, int order, long pid, long startMillis, Signal signal,
               long watchdogPid, long watchdogStartMillis, long ownerPid, long ownerStartMillis) {

    static Path directory(Path stateDir) {
        return stateDir.resolve("pids");
    }

    Path path(Path stateDir) {
        return directory(stateDir).resolve(component + ".pid");
    }

    void write(Path stateDir) {
        Properties p = new Properties();
        p.setProperty("component", component);
        p.setProperty("order", Integer.toString(order));
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("startMillis", Long.toString(startMillis));
        p.setProperty("signal", signal.name());
        p.setProperty("watchdogPid", Long.toString(watchdogPid));
        p.setProperty("watchdogStartMillis", Long.toString(watchdogStartMillis));
        p.setProperty("ownerPid", Long.toString(ownerPid));
        p.setProperty("ownerStartMillis", Long.toString(ownerStartMillis));
        Path file = path(stateDir);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "written by dev.regua.infra.LocalInfra; stop with LocalInfra.stopAll(stateDir)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    void delete(Path stateDir) {
        try {
            Files.deleteIfExists(path(stateDir));
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** All records under the state dir, the last started first. Unreadable files are skipped. */
    static List<PidFile> readAll(Path stateDir) {
        Path dir = directory(stateDir);
        List<PidFile> result = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return result;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pid")) {
            for (Path file : files) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                    result.add(new PidFile(
                            p.getProperty("component"),
                            Integer.parseInt(p.getProperty("order", "0")),
                            Long.parseLong(p.getProperty("pid", "0")),
                            Long.parseLong(p.getProperty("startMillis", "0")),
                            Signal.valueOf(p.getProperty("signal", "TERM")),
                            Long.parseLong(p.getProperty("watchdogPid", "0")),
                            Long.parseLong(p.getProperty("watchdogStartMillis", "0")),
                            Long.parseLong(p.getProperty("ownerPid", "0")),
                            Long.parseLong(p.getProperty("ownerStartMillis", "0"))));
                } catch (IOException | RuntimeException e) {
                    // a half-written or foreign file: ignore it
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + dir, e);
        }
        result.sort(Comparator.comparingInt(PidFile::order).reversed());
        return result;
    }
}
