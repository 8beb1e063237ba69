package dev.regua.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code start} runs the infrastructure until interrupted, {@code stop} stops what a run recorded in
 * its state dir (by PID), {@code status} lists it.
 *
 * <pre>
 * start  [--name N | --state-dir DIR] [--kafka PORT] [--postgres PORT] [--databases a,b] [--keycloak PORT]
 *        [--realm FILE] [--smtp PORT] [--mail-api PORT]     (no component option = all four, free ports,
 *                                                             databases billing,dunning,notification,creditcheck)
 * stop   [--name N | --state-dir DIR]
 * status [--name N | --state-dir DIR]
 * </pre>
 */
public final class LocalInfraMain {

    static final List<String> DEFAULT_DATABASES = List.of("billing", "dunning", "notification", "creditcheck");

    private LocalInfraMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String command = args[0];
        InfraOptions.Builder builder = InfraOptions.builder();
        Path stateDir = null;
        String name = "default";
        Integer kafka = null;
        Integer postgres = null;
        Integer keycloak = null;
        Integer smtp = null;
        int mailApi = 0;
        Path realm = null;
        List<String> databases = new ArrayList<>(DEFAULT_DATABASES);
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                fail("missing value after " + option);
            }
            i++;
            switch (option) {
                case "--name" -> name = value;
                case "--state-dir" -> stateDir = Path.of(value);
                case "--kafka" -> kafka = Integer.parseInt(value);
                case "--postgres" -> postgres = Integer.parseInt(value);
                case "--databases" -> databases = List.of(value.split(","));
                case "--keycloak" -> keycloak = Integer.parseInt(value);
                case "--realm" -> realm = Path.of(value);
                case "--smtp" -> smtp = Integer.parseInt(value);
                case "--mail-api" -> mailApi = Integer.parseInt(value);
                default -> fail("unknown option " + option);
            }
        }
        builder.name(name);
        if (stateDir != null) {
            builder.stateDir(stateDir);
        }
        Path dir = builder.build().stateDir();
        switch (command) {
            case "stop" -> {
                List<String> stopped = LocalInfra.stopAll(dir);
                System.out.println(stopped.isEmpty() ? "Nothing running in " + dir : "Stopped " + stopped);
            }
            case "status" -> {
                List<PidFile> records = PidFile.readAll(dir);
                if (records.isEmpty()) {
                    System.out.println("Nothing recorded in " + dir);
                }
                for (PidFile r : records) {
                    System.out.println(r.component() + " PID " + r.pid() + " "
                            + (ProcessControl.isRunning(r.pid(), r.startMillis()) ? "running" : "gone"));
                }
            }
            case "start" -> {
                boolean all = kafka == null && postgres == null && keycloak == null && smtp == null;
                if (all || kafka != null) {
                    builder.kafka(kafka == null ? 0 : kafka);
                }
                if (all || postgres != null) {
                    builder.postgres(postgres == null ? 0 : postgres, databases.toArray(String[]::new));
                }
                if (all || keycloak != null) {
                    int port = keycloak == null ? 0 : keycloak;
                    if (realm != null) {
                        builder.keycloak(port, realm);
                    } else {
                        builder.keycloak(port);
                    }
                }
                if (all || smtp != null) {
                    builder.smtp(smtp == null ? 0 : smtp, mailApi);
                }
                LocalInfra infra = LocalInfra.start(builder.build()); // its shutdown hook stops everything on exit
                System.out.println("READY " + infra.summary());
                infra.describe().forEach((k, v) -> System.out.println(k + "=" + v));
                System.out.flush();
                new CountDownLatch(1).await();
            }
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        usage();
        System.exit(2);
    }

    private static void usage() {
        System.err.println("""
                usage: LocalInfraMain start  [--name N | --state-dir DIR] [--kafka PORT] [--postgres PORT]
                                             [--databases a,b] [--keycloak PORT] [--realm FILE]
                                             [--smtp PORT] [--mail-api PORT]
                       LocalInfraMain stop   [--name N | --state-dir DIR]
                       LocalInfraMain status [--name N | --state-dir DIR]
                (start without component options starts all four on free ports)""");
    }
}
