package dev.regua.kernel.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regua.kernel.address.Uf;
import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StateHolidaysTest {

    @ParameterizedTest(name = "{0}: {1} is a bank holiday, moved to {2}")
    @CsvSource({
            "SP, 2026-07-09, 2026-07-10",   // Thursday → Friday
            "RJ, 2026-04-23, 2026-04-24",   // Thursday → Friday
            "RS, 2026-09-20, 2026-09-21",   // a Sunday anyway
            "RS, 2027-09-20, 2027-09-21",   // Monday → Tuesday
            "PR, 2025-12-19, 2025-12-22",   // Friday → Monday
            "BA, 2026-07-02, 2026-07-03",
            "PE, 2026-03-06, 2026-03-09",   // Friday → Monday
            "CE, 2026-03-19, 2026-03-20",
            "CE, 2026-03-25, 2026-03-26",
            "DF, 2026-11-30, 2026-12-01",
    })
    void aDueDateOnAStateHolidayMovesToTheNextBusinessDayInThatStateOnly(String uf, LocalDate holiday, LocalDate next) {
        BankCalendar state = StateHolidays.addTo(BankCalendar.builder(), uf).build();
        assertThat(state.nextBusinessDayOnOrAfter(holiday)).isEqualTo(next);
        assertThat(state.holidayOn(holiday)).get().extracting(Holiday::kind).isEqualTo(Holiday.Kind.LOCAL);
        String other = uf.equals("MG") ? "SP" : "MG";
        BankCalendar elsewhere = StateHolidays.addTo(BankCalendar.builder(), other).build();
        if (holiday.getDayOfWeek().getValue() < 6) {
            assertThat(elsewhere.isBusinessDay(holiday)).as("not a holiday in " + other).isTrue();
        }
    }

    @Test
    void minasGeraisHasNoStateBankHolidayBeyondTheNationalCalendar() {
        assertThat(StateHolidays.isReviewed("MG")).isTrue();
        assertThat(StateHolidays.of("MG")).isEmpty();
        assertThat(StateHolidays.addTo(BankCalendar.builder(), "MG").build().holidaysIn(2026))
                .isEqualTo(BankCalendar.national().holidaysIn(2026));
    }

    @Test
    void everyEntryIsAValidUfWithANamedSourceAndNoNationalDuplicate() {
        for (String uf : Uf.all()) {
            for (StateHolidays.StateHoliday h : StateHolidays.of(uf)) {
                assertThat(h.source()).isNotBlank();
                assertThat(h.name()).isNotBlank();
                for (int year = 2025; year <= 2030; year++) {
                    assertThat(BankCalendar.national().isHoliday(h.monthDay().atYear(year)))
                            .as(uf + " " + h.name() + " duplicates a national holiday").isFalse();
                }
            }
        }
        assertThat(StateHolidays.of("SP")).extracting(StateHolidays.StateHoliday::monthDay)
                .containsExactly(MonthDay.of(7, 9));
    }

    @Test
    void aStateNotReviewedYetAddsNothing() {
        assertThat(StateHolidays.isReviewed("TO")).isFalse();
        assertThat(StateHolidays.of("TO")).isEmpty();
    }
}
