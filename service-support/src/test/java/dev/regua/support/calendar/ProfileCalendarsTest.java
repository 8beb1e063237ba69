package dev.regua.support.calendar;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.contract.EventType;
import dev.regua.contract.GoldenSamples;
import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.kernel.calendar.BankCalendar;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileCalendarsTest {

    @Test
    void theGoldenProfileGivesNationalStateAndBothKindsOfCityHoliday() {
        TenantProfileUpdated sample = GoldenSamples.payload(EventType.TENANT_PROFILE_UPDATED, TenantProfileUpdated.class);
        BankCalendar calendar = ProfileCalendars.of(sample);
        assertTrue(calendar.isHoliday(LocalDate.of(2026, 12, 8)), "yearly city holiday");
        assertTrue(calendar.isHoliday(LocalDate.of(2027, 12, 8)), "yearly city holiday, next year");
        assertTrue(calendar.isHoliday(LocalDate.of(2026, 7, 14)), "one-off city holiday");
        assertFalse(calendar.isHoliday(LocalDate.of(2027, 7, 14)), "a one-off holiday does not repeat");
        assertTrue(calendar.isHoliday(LocalDate.of(2026, 7, 9)), "São Paulo's state holiday (9 July)");
        assertTrue(calendar.isHoliday(LocalDate.of(2026, 11, 20)), "national: Consciência Negra");
    }

    @Test
    void anOlderEventWithoutThePlaceFallsBackToTheAddressState() {
        TenantProfileUpdated s = GoldenSamples.payload(EventType.TENANT_PROFILE_UPDATED, TenantProfileUpdated.class);
        TenantProfileUpdated old = new TenantProfileUpdated(s.eventId(), s.tenantId(), s.legalName(), s.tradeName(), s.cnpj(),
                s.address(), s.timeZone(), s.vertical(), null, null, null);
        BankCalendar calendar = ProfileCalendars.of(old);
        assertTrue(calendar.isHoliday(LocalDate.of(2026, 7, 9)));
        assertFalse(calendar.isHoliday(LocalDate.of(2026, 12, 8)));
        assertTrue(ProfileCalendars.of(null, List.of()).isBusinessDay(LocalDate.of(2026, 7, 9)), "no state: national only");
    }
}
