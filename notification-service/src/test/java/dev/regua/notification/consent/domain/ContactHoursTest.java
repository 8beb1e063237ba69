package dev.regua.notification.consent.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.kernel.calendar.BankCalendar;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContactHoursTest {
    private final ContactHours hours = new ContactHours(BankCalendar.national());

    @Test
    void aWeekdayMorningInSaoPauloIsAllowed() {
        Instant wednesdayNineAm = Instant.parse("2026-03-11T12:00:00Z");
        assertTrue(hours.allows(wednesdayNineAm, "SP"));
    }

    @Test
    void saoPauloAllowsSaturdayMorningButNotSunday() {
        assertEquals(Instant.parse("2026-03-14T11:00:00Z"), hours.nextAllowed(Instant.parse("2026-03-13T23:30:00Z"), "SP"),
                "Friday 20:30 → Saturday 08:00");
        assertEquals(Instant.parse("2026-03-16T11:00:00Z"), hours.nextAllowed(Instant.parse("2026-03-14T17:30:00Z"), "SP"),
                "Saturday 14:30 → Monday 08:00");
    }

    @Test
    void rioDeJaneiroWaitsFromFridayEveningToMondayNine() {
        assertEquals(Instant.parse("2026-03-16T12:00:00Z"), hours.nextAllowed(Instant.parse("2026-03-13T22:30:00Z"), "RJ"));
    }

    @Test
    void espiritoSantoClosesAtSevenAndAlagoasOpensOnSaturday() {
        assertEquals(Instant.parse("2026-03-12T11:00:00Z"), hours.nextAllowed(Instant.parse("2026-03-11T22:00:00Z"), "ES"));
        assertEquals(Instant.parse("2026-03-14T11:00:00Z"), hours.nextAllowed(Instant.parse("2026-03-13T23:30:00Z"), "AL"));
    }

    @Test
    void aHolidayIsSkippedAndOtherStatesFollowTheSaoPauloWindowInTheirOwnZone() {
        // Tiradentes, Tuesday 21 April 2026
        assertEquals(Instant.parse("2026-04-22T11:00:00Z"), hours.nextAllowed(Instant.parse("2026-04-21T13:00:00Z"), "MG"));
        // 07:30 in Manaus (UTC-4) is 11:30 UTC: Amazonas opens at 08:00 local, 12:00 UTC
        assertEquals(Instant.parse("2026-03-11T12:00:00Z"), hours.nextAllowed(Instant.parse("2026-03-11T11:30:00Z"), "AM"));
    }
}
