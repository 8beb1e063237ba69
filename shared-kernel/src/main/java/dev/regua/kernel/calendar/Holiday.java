package dev.regua.kernel.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day without bank business, with its Portuguese name (e.g. {@code "Tiradentes"}).
 *
 * @param date the day
 * @param name the Portuguese name
 * @param kind where the holiday comes from
 */
public record Holiday(LocalDate date, String name, Kind kind) {

    /** Where a holiday comes from. */
    public enum Kind {
        /** A national civil or religious holiday fixed by federal law (Leis 662/1949, 6.802/1980, 14.759/2023). */
        NATIONAL,
        /**
         * Not a federal-law holiday everywhere, but banks do not open (CMN Res. 4.880/2020): Carnival Monday
         * and Tuesday, Good Friday and Corpus Christi.
         */
        BANKING,
        /** A state or municipal holiday added to a calendar (e.g. São Paulo city, 25 January). */
        LOCAL
    }

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A holiday needs a name");
        }
    }
}
