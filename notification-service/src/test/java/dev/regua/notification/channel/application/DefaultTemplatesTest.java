package dev.regua.notification.channel.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.contract.EventType;
import dev.regua.contract.GoldenSamples;
import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.notification.channel.domain.WhatsappParameters;
import dev.regua.notification.message.domain.EmailContent;
import io.quarkus.qute.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every default template renders in Portuguese with the supplier's name, address and CNPJ (CDC art. 42-A). */
class DefaultTemplatesTest {
    static final List<String> DEFAULT_SET = List.of("before-due", "due-today", "overdue-first", "overdue-second",
            "overdue-final", "promise-reminder", "agreement-offer", "bureau-notice-warning", "thank-you");

    private final MessageRenderer renderer = new MessageRenderer(Engine.builder().addDefaults()
            .addLocator(path -> {
                InputStream in = getClass().getClassLoader().getResourceAsStream("templates/" + path);
                if (in == null) {
                    return Optional.empty();
                }
                String text;
                try (in) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return Optional.of(new io.quarkus.qute.TemplateLocator.TemplateLocation() {
                    @Override
                    public Reader read() {
                        return new StringReader(text);
                    }

                    @Override
                    public Optional<io.quarkus.qute.Variant> getVariant() {
                        return Optional.empty();
                    }
                });
            }).build());

    private static Map<String, Object> data(boolean withOptionals) {
        NotificationRequested g = GoldenSamples.payload(EventType.NOTIFICATION_REQUESTED, NotificationRequested.class);
        Map<String, String> v = new HashMap<>(g.variables());
        if (withOptionals) {
            v.put("payerPageUrl", "https://pagar.regua.dev/p/abc123");
            v.put("pixCopyPaste", "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D");
            v.put("promisedDate", "2026-03-20");
            v.put("promisedAmount", "150.00");
            v.put("offerDescription", "3 parcelas de R$ 102,04 sem juros");
            v.put("bureauName", "Serasa Experian");
            v.put("bureauDeadline", "2026-03-30");
        }
        return EmailContent.data(new NotificationRequested(g.eventId(), g.tenantId(), g.payerId(), g.installmentId(), g.idempotencyKey(),
                g.stepCode(), g.channels(), g.template(), g.recipient(), g.creditor(), v, g.notBefore(), g.notAfter()));
    }

    private static void carriesTheSupplierIdentity(String where, String text) {
        assertTrue(text.contains("Clínica Odontológica Sorriso Ltda"), where + " names the supplier: " + text);
        assertTrue(text.contains("11.222.333/0001-81"), where + " shows the CNPJ: " + text);
        assertTrue(text.contains("Rua das Flores, 100, sala 2 - Centro, Campinas/SP, CEP 13010-000"), where + " shows the address: " + text);
        assertFalse(text.contains("{") || text.contains("NOT_FOUND"), where + " has no unresolved expression: " + text);
    }

    @Test
    void everyDefaultEmailTemplateRendersWithTheSuppliersNameAddressAndCnpj() {
        for (boolean optionals : List.of(false, true)) {
            for (String name : DEFAULT_SET) {
                MessageRenderer.Email email = renderer.email(name, data(optionals));
                assertTrue(email.subject().startsWith("Clínica Sorriso:"), name + ": " + email.subject());
                carriesTheSupplierIdentity("email/" + name, email.html());
            }
        }
    }

    @Test
    void everyDefaultSmsTemplateIsShortAndCarriesTheSuppliersIdentity() {
        for (String name : DEFAULT_SET) {
            String text = renderer.sms(name, data(false));
            carriesTheSupplierIdentity("sms/" + name, text);
            assertTrue(text.length() <= 320, "sms/" + name + " fits in two concatenated SMS without the optionals: " + text.length());
        }
        assertTrue(renderer.sms("due-today", data(true)).contains("Pix copia e cola: 000201"));
    }

    @Test
    void theWhatsappParametersCarryTheSuppliersIdentity() {
        List<String> parameters = WhatsappParameters.of(data(false));
        carriesTheSupplierIdentity("whatsapp parameter 6", parameters.get(5));
        assertTrue(parameters.stream().noneMatch(String::isBlank), "Meta refuses empty parameters");
    }
}
