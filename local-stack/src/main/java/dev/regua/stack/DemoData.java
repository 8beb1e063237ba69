package dev.regua.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regua.infra.KeycloakTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo tenant: Clínica Sorriso, a dental clinic in Campinas/SP, with four patients on installment plans —
 * one about to fall due (a reminder goes out), one months overdue (first and second notices go out, with the
 * amount updated to the day), one far in the future, and one 12 days overdue who opted in to WhatsApp (with its
 * evidence), whose second notice goes out on WhatsApp. Everything goes through the gateway, as an integrator would.
 */
final class DemoData {
    private DemoData() {
    }

    record Seeded(String tenantId, List<String> payerEmails) {
    }

    static Seeded seed(Platform platform) {
        String token = KeycloakTokens.clientCredentials(platform.infra().realmUrl(), "sorriso-integration", "sorriso-integration-secret");
        GatewayClient api = new GatewayClient(platform.gatewayUrl(), token);
        api.send("PUT", "/api/billing/settings", Map.of(
                "legalName", "Clínica Odontológica Sorriso Ltda",
                "tradeName", "Clínica Sorriso",
                "cnpj", "11.222.333/0001-81",
                "timeZone", "America/Sao_Paulo",
                "vertical", "CLINIC",
                "finePercent", 2,
                "monthlyInterestPercent", 1,
                "address", Map.of("street", "Rua das Flores", "number", "100", "complement", "sala 2",
                        "district", "Centro", "city", "Campinas", "state", "SP", "postalCode", "13010-000")), 200);
        // SMS through Twilio and WhatsApp through the Cloud API, both answered by the local messaging simulator
        api.send("PUT", "/api/notifications/providers/SMS", Map.of("provider", "TWILIO", "sender", "+15005550006",
                "accountId", "AC0123456789abcdef0123456789abcdef", "secrets", Map.of("authToken", "local-twilio-auth-token"),
                "unitCost", "0.08"), 200);
        api.send("PUT", "/api/notifications/providers/WHATSAPP", Map.of("provider", "WHATSAPP_CLOUD", "sender", "109876543210",
                "secrets", Map.of("accessToken", "local-whatsapp-access-token", "appSecret", Simulators.WHATSAPP_APP_SECRET),
                "unitCost", "0.35"), 200);
        try {
            whatsappFirstForTheSecondNotice(api);
        } catch (RuntimeException e) {
            // the demo still runs, by e-mail and SMS only; say why
            System.out.println("Régua demo: the clinic's régua was left without WhatsApp: " + e.getMessage());
        }
        LocalDate today = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
        String maria = payer(api, "Maria da Silva", "529.982.247-25", "maria.silva@example.com", "+5519991234567", null);
        String joao = payer(api, "João Pereira", "390.533.447-05", "joao.pereira@example.com", "+5519998765432", null);
        String beatriz = payer(api, "Beatriz Souza", "111.444.777-35", "beatriz.souza@example.com", "+5519990001122", null);
        // Rafael agreed in writing to WhatsApp messages: his second notice goes out on WhatsApp (the simulator)
        String rafael = payer(api, "Rafael Lima", "123.456.789-09", "rafael.lima@example.com", "+5519997775544",
                Map.of("at", Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS).toString(),
                        "how", "WRITTEN_FORM", "reference", "ficha cadastral nº 0042, assinada na recepção"));
        plan(api, maria, "Tratamento ortodôntico", "900.00", 3, today.plusDays(3));
        plan(api, joao, "Implante dentário", "3600.00", 6, today.minusDays(40));
        plan(api, beatriz, "Clareamento", "450.00", 2, today.plusDays(25));
        plan(api, rafael, "Prótese dentária", "1200.00", 4, today.minusDays(12));
        return new Seeded("clinica-sorriso", List.of("maria.silva@example.com", "joao.pereira@example.com", "beatriz.souza@example.com",
                "rafael.lima@example.com"));
    }

    /**
     * The clinic's régua (dunning's lawful default, stored once dunning learned the tenant's profile) with WhatsApp
     * first for the second notice: payers with a WhatsApp opt-in get it there, the others by e-mail as before
     * (dunning keeps only the channels a payer can be reached on).
     */
    private static void whatsappFirstForTheSecondNotice(GatewayClient api) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode policies = api.send("GET", "/api/dunning/policies", null, 200);
        while ((policies == null || policies.isEmpty()) && System.nanoTime() < deadline) {
            sleep(500);
            policies = api.send("GET", "/api/dunning/policies", null, 200);
        }
        if (policies == null || policies.isEmpty()) {
            throw new IllegalStateException("dunning did not store the clinic's default régua within 90 s");
        }
        // the edit request takes the definition only (code, name, priority, segment, steps), not the view's
        // version, state or authorship
        JsonNode stored = policies.get(0);
        ObjectNode policy = JsonNodeFactory.instance.objectNode();
        for (String field : List.of("code", "name", "priority", "segment", "steps")) {
            policy.set(field, stored.get(field).deepCopy());
        }
        for (JsonNode step : policy.withArray("steps")) {
            if ("overdue-second".equals(step.path("code").asText())) {
                ((ObjectNode) step).putArray("channels").add("WHATSAPP").add("EMAIL").add("SMS");
            }
        }
        api.send("PUT", "/api/dunning/policies/" + policy.get("code").asText(), policy, 200);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String payer(GatewayClient api, String name, String cpf, String email, String mobile, Map<String, String> whatsappOptIn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("taxId", cpf);
        body.put("email", email);
        body.put("mobile", mobile);
        body.put("state", "SP");
        if (whatsappOptIn != null) {
            body.put("whatsapp", mobile);
            body.put("whatsappOptIn", whatsappOptIn);
        }
        JsonNode created = api.send("POST", "/api/billing/payers", body, 201);
        return created.get("id").asText();
    }

    private static void plan(GatewayClient api, String payerId, String description, String total, int count, LocalDate firstDue) {
        api.send("POST", "/api/billing/installment-plans", Map.of(
                "payerId", payerId, "description", description, "totalAmount", new java.math.BigDecimal(total),
                "installments", count, "firstDueDate", firstDue.toString()), 201);
    }
}
