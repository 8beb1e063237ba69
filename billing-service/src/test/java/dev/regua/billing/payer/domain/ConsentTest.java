package dev.regua.billing.payer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.kernel.taxid.TaxId;
import dev.regua.support.problem.BusinessRuleException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentTest {
    private static final Consent.WhatsappOptIn OPT_IN =
            new Consent.WhatsappOptIn(Instant.parse("2026-02-20T13:00:00Z"), OptInMethod.WRITTEN_FORM, "ficha 0042");

    @Test
    void anOptInNeedsItsEvidence() {
        assertEquals("whatsapp-opt-in-evidence-required", assertThrows(BusinessRuleException.class,
                () -> new Consent.WhatsappOptIn(Instant.now(), OptInMethod.WEBSITE, " ")).rule());
        assertEquals("whatsapp-opt-in-evidence-required", assertThrows(BusinessRuleException.class,
                () -> new Consent.WhatsappOptIn(Instant.now(), null, "ref")).rule());
        assertEquals("whatsapp-opt-in-evidence-required", assertThrows(BusinessRuleException.class,
                () -> new Consent.WhatsappOptIn(null, OptInMethod.WEBSITE, "ref")).rule());
    }

    @Test
    void optingOutOfWhatsappWithdrawsTheOptInAndANewOptInLiftsTheOptOut() {
        Consent c = Consent.none().optIn(OPT_IN).optOut(Channel.SMS);
        assertEquals(List.of(Channel.SMS), c.optedOutInOrder());
        Consent out = c.optOut(Channel.WHATSAPP);
        assertNull(out.whatsappOptIn());
        assertEquals(List.of(Channel.SMS, Channel.WHATSAPP), out.optedOutInOrder());
        Consent back = out.optIn(OPT_IN);
        assertEquals(List.of(Channel.SMS), back.optedOutInOrder());
        assertEquals(c, back);
        assertEquals("whatsapp-consent-conflict", assertThrows(BusinessRuleException.class,
                () -> new Consent(Set.of(Channel.WHATSAPP), OPT_IN)).rule());
    }

    @Test
    void theEventCarriesTheConsentAndAnUnchangedConsentChangesNothing() {
        Payer payer = Payer.register("t1", TaxId.parse("529.982.247-25"), new Payer.Details("Maria", null, null, "SP",
                "+5519991230000", null, null, List.of("vip")), Consent.none().optIn(OPT_IN));
        var consent = payer.registeredEvent().consent();
        assertTrue(consent.whatsappOptIn());
        assertEquals("WRITTEN_FORM: ficha 0042", consent.whatsappOptInEvidence());
        assertEquals(List.of("vip"), payer.registeredEvent().tags());
        assertFalse(payer.withConsent(payer.consent().optIn(OPT_IN)).isPresent());
        assertTrue(payer.withConsent(payer.consent().optOut(Channel.EMAIL)).isPresent());
        assertEquals("whatsapp-number-required", assertThrows(BusinessRuleException.class, () -> Payer.register("t1",
                TaxId.parse("529.982.247-25"), new Payer.Details("Maria", null, null, "SP", null, null, null, List.of()),
                Consent.none().optIn(OPT_IN))).rule());
    }
}
