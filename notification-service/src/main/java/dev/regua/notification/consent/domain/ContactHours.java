package dev.regua.notification.consent.domain;

import dev.regua.kernel.calendar.BankCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * When a payer may be contacted, by the law of the payer's state (UF): SP weekdays 08–20 and Saturday 08–14;
 * RJ weekdays 09–19; ES weekdays 08–19; AL weekdays 08–20 and Saturday 08–14; never on Sunday or a holiday; any
 * other state follows the SP window. Times are the payer's local time (the state's time zone). Holidays are the
 * national bank calendar's (which also marks Carnival and Corpus Christi: stricter than the law, never looser).
 */
public final class ContactHours {
    private record Window(LocalTime weekdayFrom, LocalTime weekdayTo, LocalTime saturdayFrom, LocalTime saturdayTo) {
        Optional<LocalTime[]> on(DayOfWeek day) {
            if (day == DayOfWeek.SUNDAY) {
                return Optional.empty();
            }
            if (day == DayOfWeek.SATURDAY) {
                return saturdayFrom == null ? Optional.empty() : Optional.of(new LocalTime[]{saturdayFrom, saturdayTo});
            }
            return Optional.of(new LocalTime[]{weekdayFrom, weekdayTo});
        }
    }

    private static final Window SP = new Window(LocalTime.of(8, 0), LocalTime.of(20, 0), LocalTime.of(8, 0), LocalTime.of(14, 0));
    private static final Map<String, Window> BY_STATE = Map.of(
            "SP", SP,
            "RJ", new Window(LocalTime.of(9, 0), LocalTime.of(19, 0), null, null),
            "ES", new Window(LocalTime.of(8, 0), LocalTime.of(19, 0), null, null),
            "AL", new Window(LocalTime.of(8, 0), LocalTime.of(20, 0), LocalTime.of(8, 0), LocalTime.of(14, 0)));
    private static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");
    private static final Map<String, ZoneId> ZONES = Map.ofEntries(
            Map.entry("AC", ZoneId.of("America/Rio_Branco")), Map.entry("AM", ZoneId.of("America/Manaus")),
            Map.entry("RR", ZoneId.of("America/Boa_Vista")), Map.entry("RO", ZoneId.of("America/Porto_Velho")),
            Map.entry("MT", ZoneId.of("America/Cuiaba")), Map.entry("MS", ZoneId.of("America/Campo_Grande")));

    private final BankCalendar holidays;

    public ContactHours(BankCalendar holidays) {
        this.holidays = holidays;
    }

    public static ZoneId zoneOf(String state) {
        return state == null ? BRASILIA : ZONES.getOrDefault(state.toUpperCase(java.util.Locale.ROOT), BRASILIA);
    }

    public boolean allows(Instant at, String state) {
        return nextAllowed(at, state).equals(at);
    }

    /** {@code at} itself when contact is allowed then, else the start of the next allowed period. */
    public Instant nextAllowed(Instant at, String state) {
        Window window = state == null ? SP : BY_STATE.getOrDefault(state.toUpperCase(java.util.Locale.ROOT), SP);
        ZoneId zone = zoneOf(state);
        ZonedDateTime local = at.atZone(zone);
        for (int i = 0; i < 30; i++) {
            LocalDate day = local.toLocalDate().plusDays(i);
            Optional<LocalTime[]> hours = holidays.isHoliday(day) ? Optional.empty() : window.on(day.getDayOfWeek());
            if (hours.isEmpty()) {
                continue;
            }
            ZonedDateTime from = LocalDateTime.of(day, hours.get()[0]).atZone(zone);
            ZonedDateTime to = LocalDateTime.of(day, hours.get()[1]).atZone(zone);
            if (i == 0 && !local.isBefore(from) && local.isBefore(to)) {
                return at;
            }
            if (local.isBefore(from)) {
                return from.toInstant();
            }
        }
        throw new IllegalStateException("no contact hour in the next 30 days");
    }
}
