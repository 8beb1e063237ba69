package dev.regua.billing.tenant.domain;

import dev.regua.support.problem.InvalidInputException;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A municipal bank holiday the tenant lists in its settings: either on the same day every year ({@code every}, e.g.
 * 8 December) or on one date ({@code on}, e.g. a movable holiday or a decreed closure). Exactly one of the two.
 */
public record CityHoliday(MonthDay every, LocalDate on, String name) {
    public CityHoliday {
        if ((every == null) == (on == null)) {
            throw new InvalidInputException("cityHolidays", "each holiday needs either monthDay (MM-DD) or date, not both");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("cityHolidays", "each holiday needs a name");
        }
        name = name.strip();
    }

    public static CityHoliday yearly(MonthDay day, String name) {
        return new CityHoliday(day, null, name);
    }

    public static CityHoliday once(LocalDate date, String name) {
        return new CityHoliday(null, date, name);
    }
}
