package dev.regua.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Validates objects against the JSON schemas of the Kubernetes API, through {@code validate/validate.mjs}
 * and the npm package kubernetes-models (pinned in {@code validate/package-lock.json}). The first use
 * runs {@code npm ci}; later runs reuse {@code validate/node_modules} until the lock file changes.
 *
 * <p>Custom resources have no schema there; {@link ManifestChecks} checks the kinds listed in
 * {@link ManifestChecks#CUSTOM_RESOURCES} itself, and any other unknown kind is reported.
 */
final class SchemaValidator {

    private static final String INSTALL = "Install Node.js 20 or newer with npm (e.g. `apt-get install nodejs npm`).";
    private static final String STAMP = ".regua-installed-lock";

    private final Path node;
    private final Path directory;

    private SchemaValidator(Path node, Path directory) {
        this.node = node;
        this.directory = directory;
    }

    /** A validator whose npm dependencies are installed; skips or fails the test without node/npm. */
    static SchemaValidator in(Path validateDirectory) {
        Path node = Tools.need("node", "the schema validation of the Kubernetes objects", INSTALL);
        installDependencies(validateDirectory);
        return new SchemaValidator(node, validateDirectory);
    }

    List<Problem> validate(List<JsonNode> objects) {
        String input;
        try {
            input = Yaml.JSON.writeValueAsString(objects);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Tools.Result result = Tools.run(
                List.of(node.toString(), "validate.mjs", "--checked-elsewhere=" + String.join(",", ManifestChecks.CUSTOM_RESOURCES)),
                directory, input, 120);
        if (result.exitCode() != 0) {
            throw new AssertionError("validate.mjs failed (exit " + result.exitCode() + "):\n" + result.stderr().strip());
        }
        var problems = new ArrayList<Problem>();
        try {
            for (JsonNode finding : Yaml.JSON.readTree(result.stdout())) {
                JsonNode object = objects.get(finding.path("index").asInt());
                problems.add(new Problem("schema", Manifests.describe(object), finding.path("message").asText()));
            }
        } catch (JsonProcessingException e) {
            throw new AssertionError("validate.mjs printed something other than JSON:\n" + result.stdout(), e);
        }
        return problems;
    }

    /** {@code npm ci}, unless node_modules already holds what package-lock.json says. */
    private static void installDependencies(Path directory) {
        try {
            String lock = sha256(Files.readAllBytes(directory.resolve("package-lock.json")));
            Path stamp = directory.resolve("node_modules").resolve(STAMP);
            if (Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(lock)) {
                return;
            }
            Path npm = Tools.need("npm", "the installation of the schema validator (npm ci)", INSTALL);
            System.out.println("Installing the schema validator: npm ci in " + directory);
            Tools.Result result = Tools.run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--prefer-offline"),
                    directory, null, 600);
            if (result.exitCode() != 0) {
                throw new AssertionError("npm ci failed in " + directory + " (is the npm registry reachable?):\n"
                        + result.stdout().strip() + "\n" + result.stderr().strip());
            }
            Files.writeString(stamp, lock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
