package dev.regua.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keycloak {@value #VERSION} in dev mode ({@code kc.sh start-dev}, in-memory database: a fresh realm on every start)
 * from the distribution the build unpacked to {@code <regua.home>/dist/keycloak-26.7.3}.
 *
 * <p>Nothing instance-specific is written into the shared distribution: the realm to import is read from
 * {@code <stateDir>/keycloak/import} (the system property {@code keycloak.migration.dir}, which is exactly what
 * {@code --import-realm} sets for {@code data/import}), and the transaction log goes to the state dir too. So a test
 * run and the launcher can run Keycloak side by side. Starts are serialised across processes by a file lock, because
 * the first start (or a changed build option) re-augments the shared distribution.
 */
final class KeycloakComponent implements Component {

    static final String VERSION = "26.7.3";
    static final String NAME = "keycloak";
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";
    private static final ReentrantLock START_LOCK_IN_JVM = new ReentrantLock();

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

    String url() {
        return "http://" + Ports.HOST + ":" + port;
    }

    String realmUrl() {
        return url() + "/realms/" + LocalInfra.REALM;
    }

    @Override
    public void start(StartContext ctx) throws Exception {
        Path dist = ctx.dist().resolve("keycloak-" + VERSION);
        Path kcSh = dist.resolve("bin").resolve("kc.sh");
        if (!Files.isRegularFile(kcSh) || !Files.isDirectory(dist.resolve("lib"))) {
            throw new InfraStartException("Keycloak " + VERSION + " is not in " + dist
                    + StartContext.FETCH_HINT);
        }
        port = Ports.orFree(ctx.options.keycloakPort());
        if (ctx.options.keycloakPort() > 0) {
            Ports.requireFree(NAME, port);
        }
        Path home = FileTrees.fresh(ctx.stateDir.resolve(NAME));
        Path importDir = Files.createDirectories(home.resolve("import"));
        copyRealm(ctx, importDir.resolve("regua-realm.json"));
        log = ctx.logsDir.resolve(NAME + ".log");

        List<String> command = new ArrayList<>(List.of("sh", kcSh.toString(), "start-dev",
                "--http-host=" + Ports.HOST,
                "--http-port=" + port,
                "--hostname=" + url(),
                "-Dkeycloak.migration.dir=" + importDir,
                "-Dquarkus.transaction-manager.object-store.directory=" + home.resolve("transaction-logs")));
        Map<String, String> env = new HashMap<>();
        // a predictable environment: no JAVA_OPTS or KC_* settings leaking in from the caller's shell
        System.getenv().keySet().stream()
                .filter(k -> k.startsWith("KC_") || k.startsWith("JAVA_OPTS") || k.equals("JAVA") || k.equals("JAVA_ADD_OPENS"))
                .forEach(k -> env.put(k, null));
        env.put("JAVA_HOME", ctx.options.javaHome().toString());
        env.put("KC_DB", "dev-mem");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        // C1 only: on two busy cores the C2 compiler threads cost more start time than they win (~25% faster start)
        env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");

        URI discovery = URI.create(realmUrl() + "/.well-known/openid-configuration");
        START_LOCK_IN_JVM.lock();
        try (FileChannel lockFile = FileChannel.open(lockPath(ctx), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock ignored = acquire(lockFile, ctx)) {
            process = ManagedProcess.launch(NAME, 2, ctx.stateDir, command, env, home, log, Signal.TERM);
            ctx.awaitReady(NAME, process, "GET " + discovery + " answering 200", () -> HttpProbe.answers200(discovery));
        } finally {
            START_LOCK_IN_JVM.unlock();
        }
    }

    private static Path lockPath(StartContext ctx) throws IOException {
        return Files.createDirectories(ctx.dist()).resolve(".keycloak-" + VERSION + ".start.lock");
    }

    /** Waits for the cross-process start lock, but never past the deadline. */
    private static FileLock acquire(FileChannel channel, StartContext ctx) throws IOException, InterruptedException {
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (ctx.remaining().isZero() || ctx.aborted()) {
                throw new InfraStartException(NAME + ": another process kept the Keycloak start lock "
                        + lockPath(ctx) + " until the start timeout");
            }
            Thread.sleep(250);
        }
    }

    private static void copyRealm(StartContext ctx, Path target) throws IOException {
        if (ctx.options.realmJson().isPresent()) {
            Path realm = ctx.options.realmJson().get();
            if (!Files.isRegularFile(realm)) {
                throw new InfraStartException(NAME + ": realm file " + realm + " does not exist");
            }
            Files.copy(realm, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        Path inCheckout = checkoutRealm(ctx);
        if (inCheckout != null) {
            Files.copy(inCheckout, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (InputStream bundled = KeycloakComponent.class.getResourceAsStream("keycloak/regua-realm.json")) {
            if (bundled == null) {
                throw new InfraStartException(NAME + ": no realm file: deploy/keycloak/regua-realm.json is not in the "
                        + "checkout and no copy is bundled in local-infra");
            }
            Files.copy(bundled, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** {@code <checkout>/deploy/keycloak/regua-realm.json}, the checkout being regua.home's parent or the mvnw folder. */
    static Path checkoutRealm(StartContext ctx) {
        List<Path> candidates = new ArrayList<>();
        if (ctx.reguaHome.getParent() != null) {
            candidates.add(ctx.reguaHome.getParent());
        }
        ReguaHome.checkoutRoot().ifPresent(candidates::add);
        for (Path root : candidates) {
            Path realm = root.resolve("deploy").resolve("keycloak").resolve("regua-realm.json");
            if (Files.isRegularFile(realm)) {
                return realm;
            }
        }
        return null;
    }

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
