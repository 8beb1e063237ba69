package dev.regua.credit.negativation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regua.contract.EventType;
import dev.regua.contract.GoldenSamples;
import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.support.calendar.ProfileCalendars;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NegativationRulesTest {
    private static final NegativationRules.Policy POLICY = new NegativationRules.Policy(new BigDecimal("50.00"), 10, 15);
    private static final LocalDate NOTICE = LocalDate.of(2026, 3, 2);
    private static final List<NegativationRules.Debt> OPEN = List.of(new NegativationRules.Debt(LocalDate.of(2026, 1, 10), new BigDecimal("300.00"), true));

    @Test
    void registrationWaitsTenDaysAfterTheNoticeAndFifteenForSaoPauloResidents() {
        assertEquals(Optional.of("NOTICE_TOO_RECENT"), NegativationRules.refuseRegistration(NOTICE, "RJ", OPEN, new BigDecimal("300.00"), NOTICE.plusDays(9), POLICY));
        assertEquals(Optional.empty(), NegativationRules.refuseRegistration(NOTICE, "RJ", OPEN, new BigDecimal("300.00"), NOTICE.plusDays(10), POLICY));
        assertEquals(Optional.of("NOTICE_TOO_RECENT"), NegativationRules.refuseRegistration(NOTICE, "SP", OPEN, new BigDecimal("300.00"), NOTICE.plusDays(14), POLICY));
        assertEquals(Optional.empty(), NegativationRules.refuseRegistration(NOTICE, "SP", OPEN, new BigDecimal("300.00"), NOTICE.plusDays(15), POLICY));
    }

    @Test
    void aPaidDebtADebtBelowTheMinimumAndADebtOlderThanFiveYearsAreNotRegistered() {
        List<NegativationRules.Debt> paid = List.of(new NegativationRules.Debt(LocalDate.of(2026, 1, 10), new BigDecimal("300.00"), false));
        assertEquals(Optional.of("DEBT_PAID"), NegativationRules.refuseRegistration(NOTICE, "RJ", paid, BigDecimal.ZERO, NOTICE.plusDays(20), POLICY));
        assertEquals(Optional.of("BELOW_MINIMUM"), NegativationRules.refuseRegistration(NOTICE, "RJ", OPEN, new BigDecimal("49.99"), NOTICE.plusDays(20), POLICY));
        List<NegativationRules.Debt> old = List.of(new NegativationRules.Debt(LocalDate.of(2021, 3, 1), new BigDecimal("300.00"), true));
        assertEquals(LocalDate.of(2026, 3, 1), NegativationRules.lastDayOnRecord(LocalDate.of(2021, 3, 1)));
        assertEquals(Optional.empty(), NegativationRules.refuseNotice(old, new BigDecimal("300.00"), "RJ", LocalDate.of(2026, 3, 1), POLICY));
        assertEquals(Optional.of("OLDER_THAN_FIVE_YEARS"), NegativationRules.refuseNotice(old, new BigDecimal("300.00"), "RJ", LocalDate.of(2026, 3, 2), POLICY));
        assertEquals(Optional.of("NO_ADDRESS"), NegativationRules.refuseNotice(OPEN, new BigDecimal("300.00"), null, NOTICE, POLICY));
    }

    @Test
    void theRemovalDeadlineCountsFiveBusinessDaysAfterThePaymentAcrossCarnival() {
        BankCalendar calendar = BankCalendar.national();
        // paid on the Friday before Carnival 2026 (16 and 17 February): Ash Wednesday is the first business day
        assertEquals(LocalDate.of(2026, 2, 24), NegativationRules.removalDeadline(LocalDate.of(2026, 2, 13), calendar));
        assertEquals(LocalDate.of(2026, 2, 18), NegativationRules.removalTarget(LocalDate.of(2026, 2, 14), calendar));
        assertEquals(LocalDate.of(2026, 2, 13), NegativationRules.removalTarget(LocalDate.of(2026, 2, 13), calendar));
    }

    @Test
    void theRemovalDeadlineSkipsTheTenantsStateAndCityHolidays() {
        // Clínica Sorriso (Campinas/SP): 9 July is a São Paulo state holiday, 14 July 2026 a Campinas city holiday
        BankCalendar campinas = ProfileCalendars.of(GoldenSamples.payload(EventType.TENANT_PROFILE_UPDATED, TenantProfileUpdated.class));
        LocalDate paidOn = LocalDate.of(2026, 7, 8); // a Wednesday
        assertEquals(LocalDate.of(2026, 7, 17), NegativationRules.removalDeadline(paidOn, campinas), "10, 13, 15, 16, 17 July");
        assertEquals(LocalDate.of(2026, 7, 15), NegativationRules.removalDeadline(paidOn, BankCalendar.national()),
                "the national calendar alone would count the two local holidays");
        assertEquals(LocalDate.of(2026, 7, 10), NegativationRules.removalTarget(LocalDate.of(2026, 7, 9), campinas));
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCap() {
        Duration base = Duration.ofSeconds(30);
        Duration max = Duration.ofMinutes(10);
        assertEquals(Duration.ofSeconds(30), NegativationRules.backoff(1, base, max));
        assertEquals(Duration.ofSeconds(60), NegativationRules.backoff(2, base, max));
        assertEquals(Duration.ofSeconds(240), NegativationRules.backoff(4, base, max));
        assertEquals(max, NegativationRules.backoff(30, base, max));
    }
}
