package dev.regua.notification.message.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regua.contract.EventType;
import dev.regua.contract.GoldenSamples;
import dev.regua.contract.dunning.NotificationRequested;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailContentTest {

    @Test
    void formatsTheGoldenCommandForBrazilianReadersWithTheCreditorIdentity() {
        NotificationRequested command = GoldenSamples.payload(EventType.NOTIFICATION_REQUESTED, NotificationRequested.class);
        Map<String, Object> data = EmailContent.data(command);
        assertEquals("Maria", data.get("payerName"));
        assertEquals("parcela 1/3", data.get("installmentLabel"));
        assertEquals("R$ 306,10", data.get("amountDue"));
        assertEquals("R$ 6,00", data.get("fine"));
        assertEquals("R$ 0,10", data.get("interest"));
        assertEquals("10/03/2026", data.get("originalDueDate"));
        assertEquals("Clínica Sorriso", data.get("creditorName"));
        assertEquals("11.222.333/0001-81", data.get("creditorCnpj"));
        assertEquals("Rua das Flores, 100, sala 2 - Centro, Campinas/SP, CEP 13010-000", data.get("creditorAddress"));
    }

    @Test
    void anOpenEndedMonthlyFeeIsNamedByItsMonth() {
        NotificationRequested g = GoldenSamples.payload(EventType.NOTIFICATION_REQUESTED, NotificationRequested.class);
        var variables = new java.util.HashMap<>(g.variables());
        variables.put("installmentCount", "0");
        variables.put("installmentNumber", "4");
        NotificationRequested monthly = new NotificationRequested(g.eventId(), g.tenantId(), g.payerId(), g.installmentId(),
                g.idempotencyKey(), g.stepCode(), g.channels(), g.template(), g.recipient(), g.creditor(), variables,
                g.notBefore(), g.notAfter());
        assertEquals("mensalidade de 03/2026", EmailContent.data(monthly).get("installmentLabel"));
    }
}
