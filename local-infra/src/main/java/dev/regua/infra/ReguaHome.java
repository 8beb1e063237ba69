package dev.regua.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the folder where Régua keeps fetched distributions ({@code dist/}) and runtime state ({@code run/}).
 *
 * <p>Order: the system property {@code regua.home} (the build passes it to every test JVM), then the environment
 * variable {@code REGUA_HOME}, then {@code <checkout>/.regua} where the checkout is the nearest folder holding
 * {@code mvnw}, walking up from the working directory.
 */
public final class ReguaHome {

    public static final String PROPERTY = "regua.home";
    public static final String ENVIRONMENT_VARIABLE = "REGUA_HOME";

    private ReguaHome() {
    }

    /** The regua home folder (it need not exist yet). */
    public static Path resolve() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        String env = System.getenv(ENVIRONMENT_VARIABLE);
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        return checkoutRoot()
                .map(root -> root.resolve(".regua"))
                .orElseThrow(() -> new IllegalStateException(
                        "Cannot locate the Régua home folder: set -D" + PROPERTY + "=<checkout>/.regua (or "
                                + ENVIRONMENT_VARIABLE + "), or run from inside the checkout (a folder holding mvnw). "
                                + "Working directory: " + Path.of("").toAbsolutePath()));
    }

    /** The checkout root: the nearest folder holding {@code mvnw}, walking up from the working directory. */
    public static Optional<Path> checkoutRoot() {
        for (Path dir = Path.of("").toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
