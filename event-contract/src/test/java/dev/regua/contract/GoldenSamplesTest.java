package dev.regua.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GoldenSamplesTest {
    private final ObjectMapper plain = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasASampleThatRoundTripsWithoutLosingAField(EventType type) throws Exception {
        String json = GoldenSamples.json(type);
        RegisteredEvent event = EventCodec.fromJson(json, type);

        JsonNode original = plain.readTree(json);
        JsonNode written = plain.readTree(EventCodec.toJson(event));
        assertEquals(normalise(original), normalise(written), "sample and record disagree for " + type.type());
        assertEquals(type, EventType.of(event.getClass()));
        assertNotNull(event.tenantId());
        assertNotNull(event.partitionKey());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typesCarryAVersionAndLiveOnTheirProducersTopic(EventType type) {
        assertEquals(true, type.type().matches("dev\\.regua\\.[a-z-]+\\.[a-z-]+\\.[a-z-]+\\.v\\d+"), type.type());
        String producer = type.type().split("\\.")[2];
        assertEquals(true, type.topic().contains(producer), type.topic());
    }

    @Test
    void payerEventsAreKeyedByTenantAndPayerSoTheyStayInOrder() {
        var paid = GoldenSamples.payload(EventType.INSTALLMENT_PAID, dev.regua.contract.billing.InstallmentPaid.class);
        assertEquals("clinica-sorriso/2d4f6a8c-1b3e-4d5f-8a7c-9e0b1c2d3e4f", paid.partitionKey());
    }

    @Test
    void readersIgnoreFieldsAddedLaterButRefuseMalformedJson() {
        String json = GoldenSamples.json(EventType.PAYER_REGISTERED).replaceFirst("\\{", "{\"addedInAFutureMinorChange\": 1,");
        assertEquals("Maria da Silva",
                EventCodec.fromJson(json, dev.regua.contract.billing.PayerRegistered.class).name());
        assertThrows(EventCodec.MalformedEventException.class,
                () -> EventCodec.fromJson("{\"tenantId\": ", dev.regua.contract.billing.PayerRegistered.class));
    }

    private JsonNode normalise(JsonNode node) throws Exception {
        // numbers such as 2.00 and 2.0 are the same value; compare through text of BigDecimal
        return plain.readTree(plain.writeValueAsString(node).replace(".00,", ".0,").replace(".00}", ".0}"));
    }
}
