package dev.regua.billing.tenant.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.contract.billing.Address;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.PunctualityDiscount;
import dev.regua.kernel.money.RemainderPolicy;
import dev.regua.kernel.taxid.Cnpj;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantSettingsTest {
    private static TenantSettings settings(String state, String ibge, List<CityHoliday> holidays, PunctualityDiscountRule discount,
                                           String fine) {
        return new TenantSettings("t1", "Clínica", null, Cnpj.parse("11.222.333/0001-81"),
                new Address("Rua", "1", null, null, "Campinas", "SP", "13010-000"), ZoneId.of("America/Sao_Paulo"),
                TenantSettings.Vertical.CLINIC, new BigDecimal(fine), BigDecimal.ONE, 0, 5, state, null, ibge, holidays,
                discount, null);
    }

    @Test
    void theCalendarIsNationalPlusTheStatePlusTheCityHolidays() {
        TenantSettings s = settings(null, "3509502", List.of(CityHoliday.yearly(MonthDay.of(12, 8), "Conceição"),
                CityHoliday.once(LocalDate.of(2026, 11, 3), "Decreto")), null, "2");
        assertEquals("SP", s.state(), "defaults to the address's state");
        assertEquals("Campinas", s.city());
        assertEquals(RemainderPolicy.FIRST, s.remainderPolicy());
        BankCalendar calendar = s.bankCalendar();
        assertEquals(LocalDate.of(2026, 7, 10), calendar.nextBusinessDayOnOrAfter(LocalDate.of(2026, 7, 9)), "SP state holiday");
        assertEquals(LocalDate.of(2027, 12, 9), calendar.nextBusinessDayOnOrAfter(LocalDate.of(2027, 12, 8)), "yearly city holiday");
        assertEquals(LocalDate.of(2026, 11, 4), calendar.nextBusinessDayOnOrAfter(LocalDate.of(2026, 11, 3)), "one-off city holiday");
        assertTrue(calendar.isBusinessDay(LocalDate.of(2027, 11, 3)), "a one-off holiday does not repeat");
        assertTrue(calendar.isBusinessDay(LocalDate.of(2026, 4, 23)), "23 April is a holiday in Rio, not in São Paulo");
        assertTrue(settings("RJ", null, List.of(), null, "2").bankCalendar().isHoliday(LocalDate.of(2026, 4, 23)));
    }

    @Test
    void theIbgeCodeMustBelongToTheState() {
        assertEquals("cityIbgeCode", assertThrows(InvalidInputException.class, () -> settings("SP", "3304557", List.of(), null, "2")).field());
        assertEquals("cityIbgeCode", assertThrows(InvalidInputException.class, () -> settings("SP", "350950", List.of(), null, "2")).field());
        assertEquals("state", assertThrows(InvalidInputException.class, () -> settings("XX", null, List.of(), null, "2")).field());
    }

    @Test
    void theDiscountRuleGivesTheCalculatorsDiscountAndCapsAreNamed() {
        TenantSettings s = settings(null, null, List.of(), new PunctualityDiscountRule(new BigDecimal("5"), 3), "2");
        PunctualityDiscount d = s.punctualityDiscountFor(LocalDate.of(2026, 3, 10)).orElseThrow();
        assertEquals(LocalDate.of(2026, 3, 7), d.validUntil());
        assertTrue(settings(null, null, List.of(), null, "2").punctualityDiscountFor(LocalDate.of(2026, 3, 10)).isEmpty());
        assertEquals("punctualityDiscount.percent", assertThrows(InvalidInputException.class,
                () -> new PunctualityDiscountRule(new BigDecimal("100"), 0)).field());
        assertEquals("punctualityDiscount.daysBeforeDueDate", assertThrows(InvalidInputException.class,
                () -> new PunctualityDiscountRule(BigDecimal.ONE, 31)).field());
        assertEquals("CDC art. 52 §1", assertThrows(BusinessRuleException.class, () -> settings(null, null, List.of(), null, "2.01")).rule());
        assertEquals("cityHolidays", assertThrows(InvalidInputException.class,
                () -> new CityHoliday(MonthDay.of(1, 1), LocalDate.of(2026, 1, 2), "x")).field());
    }
}
