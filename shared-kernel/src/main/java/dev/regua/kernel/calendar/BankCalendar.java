package dev.regua.kernel.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Brazilian bank calendar: which days banks do business, used to move due dates that fall on a weekend
 * or holiday to the next business day (payment on that day carries no fine or interest).
 *
 * <p>Non-business days are Saturdays, Sundays and:
 * <ul>
 *   <li>national holidays: 1 Jan Confraternização Universal, 21 Apr Tiradentes, 1 May Dia do Trabalho,
 *       7 Sep Independência do Brasil, 12 Oct Nossa Senhora Aparecida, 2 Nov Finados, 15 Nov Proclamação da
 *       República, 20 Nov Dia Nacional de Zumbi e da Consciência Negra (from 2024, Lei 14.759/2023),
 *       25 Dec Natal;</li>
 *   <li>bank closures tied to Easter (CMN Res. 4.880/2020): Carnival Monday and Tuesday (Easter − 48/−47),
 *       Good Friday (Easter − 2) and Corpus Christi (Easter + 60). Ash Wednesday is a business day
 *       (banks open late, but it counts);</li>
 *   <li>any state or municipal holidays added through the {@link Builder}.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe (holidays are computed once per year and cached).
 *
 * <pre>{@code
 * BankCalendar saoPaulo = BankCalendar.builder()
 *         .addFixedHoliday(MonthDay.of(Month.JANUARY, 25), "Aniversário de São Paulo")
 *         .addFixedHoliday(MonthDay.of(Month.JULY, 9), "Revolução Constitucionalista")
 *         .build();
 * }</pre>
 */
public final class BankCalendar {

    private static final BankCalendar NATIONAL = new BankCalendar(List.of(), List.of());

    /** Year from which 20 November is a national holiday (Lei 14.759 of 21 December 2023). */
    private static final int CONSCIENCIA_NEGRA_NATIONAL_SINCE = 2024;

    private final List<FixedHoliday> extraFixed;
    private final List<Holiday> extraDated;
    private final Map<Integer, Map<LocalDate, Holiday>> cache = new ConcurrentHashMap<>();

    private BankCalendar(List<FixedHoliday> extraFixed, List<Holiday> extraDated) {
        this.extraFixed = List.copyOf(extraFixed);
        this.extraDated = List.copyOf(extraDated);
    }

    /** The national bank calendar, without state or municipal holidays. */
    public static BankCalendar national() {
        return NATIONAL;
    }

    /** A builder starting from the national calendar, to add state and municipal holidays. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether banks do business on that day: not a Saturday, Sunday or holiday. */
    public boolean isBusinessDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !isWeekend(date) && !holidaysByDate(date.getYear()).containsKey(date);
    }

    /** Whether the day is a holiday of this calendar (whatever the day of the week). */
    public boolean isHoliday(LocalDate date) {
        return holidayOn(date).isPresent();
    }

    /** The holiday on that day, if any. */
    public Optional<Holiday> holidayOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return Optional.ofNullable(holidaysByDate(date.getYear()).get(date));
    }

    /** The day itself when it is a business day, otherwise the next business day. */
    public LocalDate nextBusinessDayOnOrAfter(LocalDate date) {
        Objects.requireNonNull(date, "date");
        LocalDate d = date;
        while (!isBusinessDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The day itself when it is a business day, otherwise the previous business day. */
    public LocalDate previousBusinessDayOnOrBefore(LocalDate date) {
        Objects.requireNonNull(date, "date");
        LocalDate d = date;
        while (!isBusinessDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /**
     * Counts {@code days} business days after {@code date} (before it when negative); the start day itself
     * is never counted. {@code plusBusinessDays(friday, 1)} is the following Monday when that is a business
     * day. {@code days == 0} returns {@code date} unchanged, even if it is not a business day.
     */
    public LocalDate plusBusinessDays(LocalDate date, int days) {
        Objects.requireNonNull(date, "date");
        int step = days >= 0 ? 1 : -1;
        int remaining = Math.abs(days);
        LocalDate d = date;
        while (remaining > 0) {
            d = d.plusDays(step);
            if (isBusinessDay(d)) {
                remaining--;
            }
        }
        return d;
    }

    /**
     * All holidays of the year in date order, including those that fall on a weekend. When two holidays
     * share a date only one is listed: a national one before a banking one before a local one.
     */
    public List<Holiday> holidaysIn(int year) {
        return List.copyOf(holidaysByDate(year).values());
    }

    /** Easter Sunday of the (Gregorian) year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    private Map<LocalDate, Holiday> holidaysByDate(int year) {
        return cache.computeIfAbsent(year, this::compute);
    }

    private Map<LocalDate, Holiday> compute(int year) {
        List<Holiday> all = new ArrayList<>(nationalHolidays(year));
        for (FixedHoliday fixed : extraFixed) {
            if (fixed.monthDay().isValidYear(year)) { // 29 February only in leap years
                all.add(new Holiday(fixed.monthDay().atYear(year), fixed.name(), Holiday.Kind.LOCAL));
            }
        }
        for (Holiday dated : extraDated) {
            if (dated.date().getYear() == year) {
                all.add(dated);
            }
        }
        // stable sort: by date, then national < banking < local, then insertion order
        all.sort(Comparator.comparing(Holiday::date).thenComparing(Holiday::kind));
        Map<LocalDate, Holiday> byDate = new LinkedHashMap<>();
        for (Holiday h : all) {
            byDate.putIfAbsent(h.date(), h);
        }
        return Collections.unmodifiableMap(byDate);
    }

    private static List<Holiday> nationalHolidays(int year) {
        List<Holiday> list = new ArrayList<>();
        list.add(national(year, Month.JANUARY, 1, "Confraternização Universal"));
        list.add(national(year, Month.APRIL, 21, "Tiradentes"));
        list.add(national(year, Month.MAY, 1, "Dia do Trabalho"));
        list.add(national(year, Month.SEPTEMBER, 7, "Independência do Brasil"));
        list.add(national(year, Month.OCTOBER, 12, "Nossa Senhora Aparecida"));
        list.add(national(year, Month.NOVEMBER, 2, "Finados"));
        list.add(national(year, Month.NOVEMBER, 15, "Proclamação da República"));
        if (year >= CONSCIENCIA_NEGRA_NATIONAL_SINCE) {
            list.add(national(year, Month.NOVEMBER, 20, "Dia Nacional de Zumbi e da Consciência Negra"));
        }
        list.add(national(year, Month.DECEMBER, 25, "Natal"));

        LocalDate easter = easterSunday(year);
        list.add(new Holiday(easter.minusDays(48), "Carnaval (segunda-feira)", Holiday.Kind.BANKING));
        list.add(new Holiday(easter.minusDays(47), "Carnaval (terça-feira)", Holiday.Kind.BANKING));
        list.add(new Holiday(easter.minusDays(2), "Sexta-feira da Paixão", Holiday.Kind.BANKING));
        list.add(new Holiday(easter.plusDays(60), "Corpus Christi", Holiday.Kind.BANKING));
        return list;
    }

    private static Holiday national(int year, Month month, int day, String name) {
        return new Holiday(LocalDate.of(year, month, day), name, Holiday.Kind.NATIONAL);
    }

    private record FixedHoliday(MonthDay monthDay, String name) {
    }

    /**
     * Adds state or municipal holidays to the national calendar. Adding a day that already is a national
     * holiday (e.g. 20 November for São Paulo) is harmless.
     */
    public static final class Builder {

        private final List<FixedHoliday> fixed = new ArrayList<>();
        private final List<Holiday> dated = new ArrayList<>();

        private Builder() {
        }

        /** A holiday on the same day every year, e.g. 25 January for the city of São Paulo. */
        public Builder addFixedHoliday(MonthDay monthDay, String name) {
            Objects.requireNonNull(monthDay, "monthDay");
            requireName(name);
            fixed.add(new FixedHoliday(monthDay, name));
            return this;
        }

        /** A holiday on one specific date, e.g. a movable municipal holiday or a decreed closure. */
        public Builder addHoliday(LocalDate date, String name) {
            Objects.requireNonNull(date, "date");
            requireName(name);
            dated.add(new Holiday(date, name, Holiday.Kind.LOCAL));
            return this;
        }

        public BankCalendar build() {
            return new BankCalendar(fixed, dated);
        }

        private static void requireName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A holiday needs a name");
            }
        }
    }
}
