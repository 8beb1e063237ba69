package dev.regua.credit.limit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExposureTest {
    private static Exposure.Installment installment(String contract, String nominal, String paid, String status) {
        return new Exposure.Installment(contract, new BigDecimal(nominal), new BigDecimal(paid), status);
    }

    private static Exposure.Plan plan(String contract, String kind, String status, String total) {
        return new Exposure.Plan(contract, kind, status, new BigDecimal(total));
    }

    @Test
    void openInstallmentsCountWhatIsStillOwedAndSettledOnesNothing() {
        Exposure x = Exposure.of(List.of(
                installment("c1", "400.00", "0.00", "OPEN"),
                installment("c1", "400.00", "150.00", "OVERDUE"),   // partially paid
                installment("c1", "400.00", "400.00", "PAID"),
                installment("c2", "300.00", "0.00", "CANCELLED"),
                installment("c2", "300.00", "0.00", "RENEGOTIATED"),
                installment("c2", "300.00", "0.00", "WRITTEN_OFF")), List.of(plan("c1", "INSTALLMENT_PLAN", "ACTIVE", "1200.00")));
        assertEquals(new BigDecimal("650.00"), x.owedOnInstallments());
        assertEquals(new BigDecimal("0.00"), x.notYetBilled(), "every installment of the plan is known");
        assertEquals(new BigDecimal("650.00"), x.total());
    }

    @Test
    void anActivePlanWhoseInstallmentsAreNotKnownYetReservesItsTotalButACancelledOneOrAMonthlyFeeDoesNot() {
        Exposure x = Exposure.of(List.of(installment("c1", "500.00", "0.00", "OPEN")), List.of(
                plan("c1", "INSTALLMENT_PLAN", "ACTIVE", "1500.00"),
                plan("c2", "ONE_OFF", "SUSPENDED", "200.00"),
                plan("c3", "INSTALLMENT_PLAN", "CANCELLED", "900.00"),
                plan("c4", "MONTHLY_FEE", "ACTIVE", "350.00")));
        assertEquals(new BigDecimal("500.00"), x.owedOnInstallments());
        assertEquals(new BigDecimal("1200.00"), x.notYetBilled(), "1000.00 of c1 and 200.00 of c2");
    }

    @Test
    void aManagedLimitWinsHasNoExpiryAndSaysWhyAPlanFitsOrNot() {
        CreditLimit l = CreditLimit.managed(new BigDecimal("2000"), Instant.parse("2026-09-01T12:00:00Z"), new BigDecimal("1200.00"));
        assertEquals(CreditLimit.Source.MANAGED, l.source());
        assertEquals(new BigDecimal("800.00"), l.available());
        assertTrue(l.check(new BigDecimal("800.00")).fits());
        CreditLimit.Availability over = l.check(new BigDecimal("800.01"));
        assertFalse(over.fits());
        assertTrue(over.reasons().get(0).startsWith("ABOVE_AVAILABLE"), over.reasons().toString());
        assertTrue(over.reasons().get(0).contains("limit 2000.00 (managed) − open plans 1200.00 = 800.00 available"), over.reasons().toString());
        CreditLimit none = CreditLimit.of(null, null, null, BigDecimal.ZERO, Instant.parse("2026-09-01T12:00:00Z"));
        assertEquals(List.of("NO_LIMIT: no limit was set by staff and no analysis approved one"), none.check(BigDecimal.ONE).reasons());
        CreditLimit zero = CreditLimit.managed(BigDecimal.ZERO, Instant.parse("2026-09-01T12:00:00Z"), new BigDecimal("10.00"));
        assertEquals(new BigDecimal("0.00"), zero.available(), "never negative");
        assertFalse(zero.check(new BigDecimal("0.01")).fits());
    }
}
