package dev.regua.stack;

import dev.regua.infra.LocalInfra;
import dev.regua.infra.ReguaHome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code run}: starts the platform with demo data and waits for Ctrl-C. {@code stop}: stops, by PID, what a run
 * left behind (from another terminal).
 */
public final class PlatformMain {
    static final String NAME = "local";

    private PlatformMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "run" : args[0];
        Path checkout = ReguaHome.checkoutRoot().orElseThrow(() ->
                new IllegalStateException("run this from the Régua checkout (the folder with mvnw)"));
        switch (command) {
            case "run" -> run(checkout);
            case "stop" -> stop();
            default -> {
                System.err.println("usage: PlatformMain run|stop");
                System.exit(2);
            }
        }
    }

    private static void run(Path checkout) throws InterruptedException {
        Instant begin = Instant.now();
        System.out.println("Régua: starting Kafka, PostgreSQL, Keycloak, SMTP and the five services…");
        Platform platform = Platform.start(checkout, Platform.Ports.configured(), NAME, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nRégua: stopping everything…");
            platform.close();
            stopped.countDown();
        }, "regua-stop"));
        long readySeconds = Duration.between(begin, Instant.now()).toSeconds();
        DemoData.Seeded demo = DemoData.seed(platform);
        LocalInfra infra = platform.infra();
        String gw = platform.gatewayUrl();
        System.out.println("""

                ============================================================================
                 Régua is running (ready in %d s). Ctrl-C here, or `./mvnw -q -pl local-stack compile -Pstop`, stops it.
                ============================================================================
                 Gateway ............ %s   (ready: %s/q/health/ready)
                 API docs ........... %s/q/swagger-ui   (merged OpenAPI: %s/openapi)
                 Keycloak ........... %s   (admin console: admin / admin)
                 Mailbox (GreenMail)  %s/api/user   e.g. %s/api/user/maria.silva@example.com/messages/INBOX
                 Kafka .............. %s      PostgreSQL: 127.0.0.1:%d (regua / regua)
                 Simulators ......... messaging (Zenvia, Twilio, WhatsApp) %s/_simulator/requests
                                      bureaus (Serasa, SPC, Boa Vista, protest central) %s/_admin/requests
                 Logs ............... %s

                 Demo tenant "%s" (Clínica Sorriso, Campinas/SP) with payers %s
                 - an integrator token:  curl -s -d grant_type=client_credentials -d client_id=sorriso-integration \\
                       -d client_secret=sorriso-integration-secret %s/protocol/openid-connect/token
                 - staff users (client regua-console, password grant): ana / ana (staff), carla / carla (staff, tenant-admin)
                 - another tenant for isolation: visao-integration / visao-integration-secret, user bruno / bruno
                 - time travel (client regua-ops / regua-ops-secret, role platform-ops):
                       POST %s/api/platform/clock  {"advanceBy": "P7D"}
                ============================================================================
                """.formatted(readySeconds, gw, gw, gw, gw, infra.keycloakUrl(), infra.mailApiUrl(), infra.mailApiUrl(),
                infra.kafkaBootstrapServers(), infra.postgresPort(), platform.serviceUrls().get("messaging-simulator"),
                platform.serviceUrls().get("bureau-simulator"), infra.stateDir().resolve("logs"),
                demo.tenantId(), demo.payerEmails(), infra.realmUrl(), gw));
        // also end when the platform was stopped from elsewhere (the stop command)
        while (!stopped.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
            if (!platform.anyServiceAlive()) {
                System.out.println("Régua: the services were stopped from outside; exiting.");
                platform.close();
                return;
            }
        }
    }

    private static void stop() {
        Path stateDir = ReguaHome.resolve().resolve("run").resolve(NAME);
        List<String> stopped = LocalInfra.stopAll(stateDir);
        System.out.println(stopped.isEmpty() ? "Régua: nothing was running." : "Régua: stopped " + String.join(", ", stopped));
    }
}
