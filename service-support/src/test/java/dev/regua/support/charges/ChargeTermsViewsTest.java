package dev.regua.support.charges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.contract.EventCodec;
import dev.regua.contract.billing.ChargeTermsView;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.charges.LateChargeCalculator;
import dev.regua.kernel.charges.PunctualityDiscount;
import dev.regua.kernel.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChargeTermsViewsTest {
    private static final LocalDate DUE = LocalDate.of(2026, 3, 10);

    @Test
    void anInstallmentsDiscountSurvivesTheWireSoConsumersQuoteWhatBillingQuotes() {
        ChargeTerms billing = ChargeTerms.standard().withGraceDays(2)
                .withPunctualityDiscount(PunctualityDiscount.percent(new BigDecimal("5"), LocalDate.of(2026, 3, 5)));

        ChargeTermsView wire = EventCodec.fromJson(EventCodec.toJson(ChargeTermsViews.of(billing)), ChargeTermsView.class);
        ChargeTerms consumer = ChargeTermsViews.toChargeTerms(wire);

        assertEquals(billing, consumer);
        assertEquals(Money.of("285.00"), LateChargeCalculator.amountDue(Money.of("300.00"), DUE, consumer,
                BankCalendar.national(), LocalDate.of(2026, 3, 5)).total());
    }

    @Test
    void anOlderEventWithoutDiscountFieldsReadsAsNoDiscount() {
        ChargeTermsView old = EventCodec.fromJson("{\"finePercent\": 2.00, \"monthlyInterestPercent\": 1.00, \"graceDays\": 0}",
                ChargeTermsView.class);

        assertEquals(ChargeTerms.standard(), ChargeTermsViews.toChargeTerms(old));
        assertTrue(old.punctualityDiscountPercent() == null && old.punctualityDiscountUntil() == null);
        assertEquals("{\"finePercent\":2,\"monthlyInterestPercent\":1,\"graceDays\":0}",
                EventCodec.toJson(ChargeTermsViews.of(ChargeTerms.standard())), "no discount writes no discount fields");
    }

    @Test
    void aRoundPercentTravelsWithoutAnExponent() {
        ChargeTerms ten = ChargeTerms.standard().withPunctualityDiscount(PunctualityDiscount.percent(new BigDecimal("10.00"), DUE));

        assertTrue(EventCodec.toJson(ChargeTermsViews.of(ten)).contains("\"punctualityDiscountPercent\":10,"));
    }

    @Test
    void aContractsRuleWithoutADateIsNotAnInstallmentDiscount() {
        ChargeTermsView contract = new ChargeTermsView(new BigDecimal("2"), BigDecimal.ONE, 0, new BigDecimal("5"), null, 3);

        assertEquals(ChargeTerms.standard(), ChargeTermsViews.toChargeTerms(contract));
    }

    @Test
    void aFixedDiscountIsRefusedRatherThanDropped() {
        ChargeTerms fixed = ChargeTerms.standard().withPunctualityDiscount(PunctualityDiscount.fixed(Money.of("10.00"), DUE));

        assertThrows(IllegalArgumentException.class, () -> ChargeTermsViews.of(fixed));
    }
}
