package dev.regua.kernel.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class BankCalendarTest {

    private final BankCalendar national = BankCalendar.national();

    @ParameterizedTest(name = "{0}: Easter {1}")
    @CsvSource({
            "2000, 2000-04-23",
            "2008, 2008-03-23",
            "2011, 2011-04-24",
            "2019, 2019-04-21",
            "2023, 2023-04-09",
            "2024, 2024-03-31",
            "2025, 2025-04-20",
            "2026, 2026-04-05",
            "2027, 2027-03-28",
            "2028, 2028-04-16",
            "2029, 2029-04-01",
            "2030, 2030-04-21",
            "2038, 2038-04-25",
            "2285, 2285-03-22",
    })
    void computesEasterSunday(int year, LocalDate easter) {
        assertThat(BankCalendar.easterSunday(year)).isEqualTo(easter);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // year, Carnival Monday, Carnival Tuesday, Good Friday, Corpus Christi
            "2024, 2024-02-12, 2024-02-13, 2024-03-29, 2024-05-30",
            "2025, 2025-03-03, 2025-03-04, 2025-04-18, 2025-06-19",
            "2026, 2026-02-16, 2026-02-17, 2026-04-03, 2026-06-04",
            "2027, 2027-02-08, 2027-02-09, 2027-03-26, 2027-05-27",
            "2028, 2028-02-28, 2028-02-29, 2028-04-14, 2028-06-15",
            "2029, 2029-02-12, 2029-02-13, 2029-03-30, 2029-05-31",
            "2030, 2030-03-04, 2030-03-05, 2030-04-19, 2030-06-20",
    })
    void closesBanksOnEasterBasedHolidays(int year, LocalDate carnivalMonday, LocalDate carnivalTuesday,
                                          LocalDate goodFriday, LocalDate corpusChristi) {
        assertThat(national.holidayOn(carnivalMonday)).get()
                .extracting(Holiday::name, Holiday::kind).containsExactly("Carnaval (segunda-feira)", Holiday.Kind.BANKING);
        assertThat(national.holidayOn(carnivalTuesday)).get()
                .extracting(Holiday::name).isEqualTo("Carnaval (terça-feira)");
        assertThat(national.holidayOn(goodFriday)).get()
                .extracting(Holiday::name).isEqualTo("Sexta-feira da Paixão");
        assertThat(national.holidayOn(corpusChristi)).get()
                .extracting(Holiday::name).isEqualTo("Corpus Christi");
        for (LocalDate d : List.of(carnivalMonday, carnivalTuesday, goodFriday, corpusChristi)) {
            assertThat(national.isBusinessDay(d)).as("%s", d).isFalse();
        }
        LocalDate ashWednesday = carnivalTuesday.plusDays(1);
        assertThat(national.isBusinessDay(ashWednesday)).as("Ash Wednesday %s", ashWednesday).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "2026-01-01, Confraternização Universal",
            "2026-04-21, Tiradentes",
            "2026-05-01, Dia do Trabalho",
            "2026-09-07, Independência do Brasil",
            "2026-10-12, Nossa Senhora Aparecida",
            "2026-11-02, Finados",
            "2027-11-15, Proclamação da República",
            "2024-11-20, Dia Nacional de Zumbi e da Consciência Negra",
            "2026-11-20, Dia Nacional de Zumbi e da Consciência Negra",
            "2026-12-25, Natal",
    })
    void closesBanksOnNationalHolidays(LocalDate date, String name) {
        assertThat(national.isBusinessDay(date)).isFalse();
        assertThat(national.holidayOn(date)).get()
                .extracting(Holiday::name, Holiday::kind).containsExactly(name, Holiday.Kind.NATIONAL);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2023-11-20", // Monday; Nov 20 became national only from 2024 (Lei 14.759/2023)
            "2026-02-18", // Ash Wednesday
            "2026-03-10", // ordinary Tuesday
            "2026-12-31", // last day of the year is not a bank holiday
            "2026-12-24", // Christmas Eve
            "2028-03-01",
    })
    void treatsOrdinaryWeekdaysAsBusinessDays(LocalDate date) {
        assertThat(national.isBusinessDay(date)).isTrue();
        assertThat(national.isHoliday(date)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-03-07", "2026-03-08", "2028-02-26", "2028-02-27"})
    void treatsWeekendsAsNonBusinessDaysWithoutBeingHolidays(LocalDate date) {
        assertThat(national.isBusinessDay(date)).isFalse();
        assertThat(national.isHoliday(date)).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-03-10, 2026-03-10", // business day: itself
            "2026-03-07, 2026-03-09", // Saturday -> Monday
            "2026-02-14, 2026-02-18", // Saturday before Carnival -> Ash Wednesday
            "2026-02-16, 2026-02-18", // Carnival Monday
            "2026-04-03, 2026-04-06", // Good Friday
            "2026-06-04, 2026-06-05", // Corpus Christi (Thursday)
            "2026-12-25, 2026-12-28", // Christmas on Friday
            "2027-01-01, 2027-01-04", // New Year on Friday
            "2028-02-26, 2028-03-01", // weekend + Carnival in a leap year
            "2026-11-20, 2026-11-23", // Consciência Negra on Friday
    })
    void movesToTheNextBusinessDay(LocalDate date, LocalDate expected) {
        assertThat(national.nextBusinessDayOnOrAfter(date)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-03-10, 2026-03-10",
            "2026-02-17, 2026-02-13",
            "2026-04-05, 2026-04-02",
    })
    void movesToThePreviousBusinessDay(LocalDate date, LocalDate expected) {
        assertThat(national.previousBusinessDayOnOrBefore(date)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "2026-03-10,  0, 2026-03-10",
            "2026-03-07,  0, 2026-03-07", // zero leaves even a weekend day unchanged
            "2026-03-10,  1, 2026-03-11",
            "2026-03-10,  5, 2026-03-17",
            "2026-02-13,  1, 2026-02-18", // Friday before Carnival
            "2026-02-14,  1, 2026-02-18", // start day (Saturday) is not counted
            "2026-04-02,  1, 2026-04-06", // over Good Friday and the weekend
            "2026-12-23,  3, 2026-12-29",
            "2026-02-18, -1, 2026-02-13",
            "2026-03-09, -1, 2026-03-06",
            "2026-03-17, -5, 2026-03-10",
    })
    void addsBusinessDays(LocalDate start, int days, LocalDate expected) {
        assertThat(national.plusBusinessDays(start, days)).isEqualTo(expected);
    }

    @Test
    void listsTheHolidaysOfAYearInDateOrderWithPortugueseNames() {
        assertThat(national.holidaysIn(2026))
                .extracting(Holiday::date, Holiday::name)
                .containsExactly(
                        tuple(LocalDate.of(2026, 1, 1), "Confraternização Universal"),
                        tuple(LocalDate.of(2026, 2, 16), "Carnaval (segunda-feira)"),
                        tuple(LocalDate.of(2026, 2, 17), "Carnaval (terça-feira)"),
                        tuple(LocalDate.of(2026, 4, 3), "Sexta-feira da Paixão"),
                        tuple(LocalDate.of(2026, 4, 21), "Tiradentes"),
                        tuple(LocalDate.of(2026, 5, 1), "Dia do Trabalho"),
                        tuple(LocalDate.of(2026, 6, 4), "Corpus Christi"),
                        tuple(LocalDate.of(2026, 9, 7), "Independência do Brasil"),
                        tuple(LocalDate.of(2026, 10, 12), "Nossa Senhora Aparecida"),
                        tuple(LocalDate.of(2026, 11, 2), "Finados"),
                        tuple(LocalDate.of(2026, 11, 15), "Proclamação da República"),
                        tuple(LocalDate.of(2026, 11, 20), "Dia Nacional de Zumbi e da Consciência Negra"),
                        tuple(LocalDate.of(2026, 12, 25), "Natal"));
    }

    @ParameterizedTest(name = "{0}: {1} holidays")
    @CsvSource({"2023, 12", "2024, 13", "2025, 13", "2026, 13", "2027, 13", "2028, 13"})
    void countsNovember20OnlyFrom2024(int year, int count) {
        assertThat(national.holidaysIn(year)).hasSize(count);
    }

    @Test
    void listsOnlyOneHolidayWhenGoodFridayFallsOnTiradentes() {
        // Easter 2000 was 23 April, so Good Friday was 21 April
        assertThat(national.holidaysIn(2000))
                .filteredOn(h -> h.date().equals(LocalDate.of(2000, 4, 21)))
                .singleElement()
                .extracting(Holiday::name).isEqualTo("Tiradentes");
    }

    @Test
    void addsMunicipalHolidaysWithoutDuplicatingNationalOnes() {
        BankCalendar saoPaulo = BankCalendar.builder()
                .addFixedHoliday(MonthDay.of(Month.JANUARY, 25), "Aniversário de São Paulo")
                .addFixedHoliday(MonthDay.of(Month.JULY, 9), "Revolução Constitucionalista")
                .addFixedHoliday(MonthDay.of(Month.NOVEMBER, 20), "Consciência Negra")
                .build();

        LocalDate anniversary2027 = LocalDate.of(2027, 1, 25); // Monday
        assertThat(saoPaulo.isBusinessDay(anniversary2027)).isFalse();
        assertThat(national.isBusinessDay(anniversary2027)).isTrue();
        assertThat(saoPaulo.nextBusinessDayOnOrAfter(anniversary2027)).isEqualTo(LocalDate.of(2027, 1, 26));
        assertThat(saoPaulo.holidayOn(anniversary2027)).get()
                .extracting(Holiday::name, Holiday::kind).containsExactly("Aniversário de São Paulo", Holiday.Kind.LOCAL);

        assertThat(saoPaulo.holidaysIn(2026)).hasSize(15);
        assertThat(saoPaulo.holidayOn(LocalDate.of(2026, 11, 20))).get()
                .extracting(Holiday::kind).isEqualTo(Holiday.Kind.NATIONAL);
        // before 2024 the municipal holiday still closes the banks in the city
        assertThat(saoPaulo.isBusinessDay(LocalDate.of(2023, 11, 20))).isFalse();
    }

    @Test
    void addsOneOffHolidaysOnlyInTheirYear() {
        BankCalendar calendar = BankCalendar.builder()
                .addHoliday(LocalDate.of(2026, 3, 19), "São José (Fortaleza)")
                .build();

        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 3, 19))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2027, 3, 19))).isTrue();
    }

    @Test
    void appliesAFixedHolidayOn29FebruaryOnlyInLeapYears() {
        BankCalendar calendar = BankCalendar.builder()
                .addFixedHoliday(MonthDay.of(Month.FEBRUARY, 29), "Feriado bissexto")
                .build();

        assertThat(calendar.isBusinessDay(LocalDate.of(2027, 2, 26))).isTrue(); // Friday
        assertThat(calendar.isBusinessDay(LocalDate.of(2030, 2, 28))).isTrue(); // not moved to 28 Feb
        assertThat(calendar.isHoliday(LocalDate.of(2032, 2, 29))).isTrue();
    }

    @Test
    void isNotChangedByTheBuilderAfterBuild() {
        BankCalendar.Builder builder = BankCalendar.builder();
        BankCalendar calendar = builder.build();
        builder.addHoliday(LocalDate.of(2026, 3, 10), "Depois");

        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 3, 10))).isTrue();
    }

    @Test
    void refusesHolidaysWithoutName() {
        assertThatThrownBy(() -> BankCalendar.builder().addHoliday(LocalDate.of(2026, 3, 10), " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a name");
    }
}
