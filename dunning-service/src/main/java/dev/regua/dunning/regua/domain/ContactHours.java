package dev.regua.dunning.regua.domain;

import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.calendar.StateHolidays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hours a debtor may be contacted, by the debtor's state (state laws; see brazil-rules.md): SP weekdays
 * 08–20 and Saturday 08–14; RJ weekdays 09–19; ES weekdays 08–19; AL weekdays 08–20 and Saturday 08–14; never on
 * Sundays or holidays. Other states use the SP window. The holidays are those of the debtor's state: the national
 * bank calendar plus the state's own holidays ({@link StateHolidays}), so a message due on, say, São Paulo's 9 July
 * waits for the next allowed moment for a São Paulo payer but not for a payer in Minas Gerais.
 */
public record ContactHours(String state, LocalTime weekdayStart, LocalTime weekdayEnd, LocalTime saturdayStart,
                           LocalTime saturdayEnd) {
    private static final int SEARCH_DAYS = 21;
    private static final Map<String, BankCalendar> CALENDARS = new ConcurrentHashMap<>();

    public static ContactHours of(String state) {
        String uf = state == null ? "SP" : state.toUpperCase();
        return switch (uf) {
            case "RJ" -> new ContactHours("RJ", LocalTime.of(9, 0), LocalTime.of(19, 0), null, null);
            case "ES" -> new ContactHours("ES", LocalTime.of(8, 0), LocalTime.of(19, 0), null, null);
            case "AL" -> new ContactHours("AL", LocalTime.of(8, 0), LocalTime.of(20, 0), LocalTime.of(8, 0), LocalTime.of(14, 0));
            default -> new ContactHours(uf, LocalTime.of(8, 0), LocalTime.of(20, 0), LocalTime.of(8, 0), LocalTime.of(14, 0));
        };
    }

    /** National bank holidays plus the holidays of the debtor's state ({@code null}: SP, as the window). */
    public static BankCalendar calendarOf(String state) {
        String uf = state == null || state.isBlank() ? "SP" : state.toUpperCase();
        return CALENDARS.computeIfAbsent(uf, s -> StateHolidays.addTo(BankCalendar.builder(), s).build());
    }

    /** The first slot at or after {@code from}, skipping the holidays of this state's calendar. */
    public Slot firstSlot(LocalDateTime from, LocalTime stepStart, LocalTime stepEnd) {
        return firstSlot(from, stepStart, stepEnd, calendarOf(state));
    }

    /** A contact slot: from {@code start} until {@code end} on one day. */
    public record Slot(LocalDateTime start, LocalDateTime end) {
    }

    /** Whether a step window lies inside this state's weekday window. */
    public boolean allowsOnWeekdays(LocalTime from, LocalTime to) {
        return !from.isBefore(weekdayStart) && !to.isAfter(weekdayEnd);
    }

    /**
     * The first moment at or after {@code from} that is inside both the law's window and the step's window
     * {@code stepStart}–{@code stepEnd}, with the end of that day's allowed window.
     */
    public Slot firstSlot(LocalDateTime from, LocalTime stepStart, LocalTime stepEnd, BankCalendar calendar) {
        LocalDate day = from.toLocalDate();
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            LocalTime lawStart;
            LocalTime lawEnd;
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY || calendar.isHoliday(day)) {
                continue;
            } else if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
                if (saturdayStart == null) {
                    continue;
                }
                lawStart = saturdayStart;
                lawEnd = saturdayEnd;
            } else {
                lawStart = weekdayStart;
                lawEnd = weekdayEnd;
            }
            LocalTime start = stepStart.isAfter(lawStart) ? stepStart : lawStart;
            LocalTime end = stepEnd.isBefore(lawEnd) ? stepEnd : lawEnd;
            if (!start.isBefore(end)) {
                continue;
            }
            LocalDateTime open = day.atTime(start);
            LocalDateTime close = day.atTime(end);
            if (!from.isAfter(open)) {
                return new Slot(open, close);
            }
            if (from.isBefore(close)) {
                return new Slot(from, close);
            }
        }
        throw new IllegalStateException("no contact slot within " + SEARCH_DAYS + " days of " + from + " for " + state);
    }
}
