package dev.regua.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The command-line tools some checks need (kubectl or kustomize to render, node and npm for the
 * schemas), and what to do when one is missing.
 *
 * <p>On a developer machine that has only a JDK the checks that need a missing tool are skipped, with
 * a warning that says what to install; the compose checks and the checks of the test fixtures still
 * run. Where {@code CI=true}, or with {@code -Dregua.deploy.requireTools=true}, a missing tool fails
 * the build instead, so CI can never pass without having rendered and validated the overlays.
 */
final class Tools {

    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private Tools() {
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Whether a missing tool is a failure rather than a reason to skip. */
    static boolean required() {
        String property = System.getProperty("regua.deploy.requireTools", "").trim();
        if (!property.isEmpty()) {
            return Boolean.parseBoolean(property);
        }
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The executable called {@code name} on the PATH, if there is one. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isBlank()) {
                continue;
            }
            for (String candidate : List.of(name, name + ".exe", name + ".cmd")) {
                Path file = Path.of(directory, candidate);
                if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The tool, or: a failure when tools are {@linkplain #required() required}, a skipped test with
     * the same message otherwise.
     */
    static Path need(String name, String whatFor, String howToInstall) {
        Optional<Path> tool = onPath(name);
        if (tool.isPresent()) {
            return tool.get();
        }
        String message = "'" + name + "' is not on the PATH, so " + whatFor + " cannot run. " + howToInstall;
        if (required()) {
            fail(message + " (Tools are required here because CI=true or -Dregua.deploy.requireTools=true.)");
        }
        if (WARNED.add(name)) {
            System.err.println("WARNING: " + message
                    + " Skipping the checks that need it; set -Dregua.deploy.requireTools=true to make this a failure.");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /** Runs a command to its end, feeding it {@code stdin}; gives up after {@code timeoutSeconds}. */
    static Result run(List<String> command, Path directory, String stdin, long timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            try (var input = process.getOutputStream()) {
                if (stdin != null) {
                    input.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
