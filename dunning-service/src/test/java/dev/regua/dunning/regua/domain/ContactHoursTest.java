package dev.regua.dunning.regua.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regua.kernel.calendar.BankCalendar;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ContactHoursTest {
    private final BankCalendar calendar = BankCalendar.national();
    private final LocalTime nine = LocalTime.of(9, 0);
    private final LocalTime six = LocalTime.of(18, 0);

    @Test
    void saoPauloAllowsSaturdayMorningsButNeverSundays() {
        ContactHours sp = ContactHours.of("SP");
        // Saturday 2026-03-07 09:30: inside 08–14 and the step's 09–18
        assertEquals(new ContactHours.Slot(LocalDateTime.of(2026, 3, 7, 9, 30), LocalDateTime.of(2026, 3, 7, 14, 0)),
                sp.firstSlot(LocalDateTime.of(2026, 3, 7, 9, 30), nine, six, calendar));
        // Sunday 2026-03-15 → Monday 09:00
        assertEquals(LocalDateTime.of(2026, 3, 16, 9, 0), sp.firstSlot(LocalDateTime.of(2026, 3, 15, 9, 30), nine, six, calendar).start());
    }

    @Test
    void rioOnlyOnWeekdaysAndNeverOnHolidays() {
        ContactHours rj = ContactHours.of("RJ");
        // Saturday 2026-04-18 → Monday 20 (Tuesday 21 is Tiradentes, not that Monday)
        assertEquals(LocalDateTime.of(2026, 4, 20, 9, 0), rj.firstSlot(LocalDateTime.of(2026, 4, 18, 10, 0), nine, six, calendar).start());
        // Monday 2026-04-20 at 18:30, after the step's window → Wednesday 22 (21 is a holiday)
        assertEquals(LocalDateTime.of(2026, 4, 22, 9, 0), rj.firstSlot(LocalDateTime.of(2026, 4, 20, 18, 30), nine, six, calendar).start());
    }

    @Test
    void otherStatesUseTheSaoPauloWindow() {
        assertEquals(ContactHours.of("SP").weekdayEnd(), ContactHours.of("MG").weekdayEnd());
        assertEquals(LocalTime.of(19, 0), ContactHours.of("ES").weekdayEnd());
    }

    @Test
    void aMessageDueOnTheDebtorsStateHolidayWaitsForTheNextAllowedTimeOnlyInThatState() {
        // Friday 2027-07-09 is São Paulo's Revolução Constitucionalista: a São Paulo payer is contacted on Saturday
        // morning (08–14 there), a payer in Minas Gerais that same Friday
        assertEquals(new ContactHours.Slot(LocalDateTime.of(2027, 7, 10, 9, 0), LocalDateTime.of(2027, 7, 10, 14, 0)),
                ContactHours.of("SP").firstSlot(LocalDateTime.of(2027, 7, 9, 9, 0), nine, six));
        assertEquals(LocalDateTime.of(2027, 7, 9, 9, 0), ContactHours.of("MG").firstSlot(LocalDateTime.of(2027, 7, 9, 9, 0), nine, six).start());
        // Friday 2027-04-23 is Rio's São Jorge: Rio allows no Saturday, so the next Monday
        assertEquals(LocalDateTime.of(2027, 4, 26, 9, 0), ContactHours.of("RJ").firstSlot(LocalDateTime.of(2027, 4, 23, 10, 0), nine, six).start());
        assertEquals(LocalDateTime.of(2027, 4, 23, 10, 0), ContactHours.of("SP").firstSlot(LocalDateTime.of(2027, 4, 23, 10, 0), nine, six).start());
        // national holidays still count everywhere
        assertEquals(LocalDateTime.of(2027, 9, 8, 9, 0), ContactHours.of("MG").firstSlot(LocalDateTime.of(2027, 9, 7, 9, 0), nine, six).start());
    }

    @Test
    void theStateCalendarIsTheNationalOnePlusTheStatesOwnHolidays() {
        assertEquals(true, ContactHours.calendarOf("SP").isHoliday(java.time.LocalDate.of(2027, 7, 9)));
        assertEquals(false, ContactHours.calendarOf("MG").isHoliday(java.time.LocalDate.of(2027, 7, 9)));
        assertEquals(true, ContactHours.calendarOf(null).isHoliday(java.time.LocalDate.of(2027, 7, 9)), "no state: São Paulo's, as the window");
        assertEquals(true, ContactHours.calendarOf("rj").isHoliday(java.time.LocalDate.of(2027, 4, 23)));
    }
}
