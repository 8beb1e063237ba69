package dev.regua.dunning.regua.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.dunning.regua.domain.DayCount;
import dev.regua.dunning.regua.domain.PolicyStep;
import dev.regua.dunning.regua.domain.Schedule;
import dev.regua.dunning.regua.domain.StepAction;
import dev.regua.dunning.regua.domain.StepConditions;
import dev.regua.dunning.regua.domain.WhenLate;
import dev.regua.dunning.regua.persistence.TenantProfileEntity;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarsTest {
    private static TenantProfileEntity tenant(String state, List<TenantProfileUpdated.CityHoliday> city) {
        TenantProfileEntity t = new TenantProfileEntity();
        t.tenantId = "t";
        t.state = state;
        t.calendarState = state;
        t.cityHolidays = Calendars.write(city);
        return t;
    }

    @Test
    void theTenantsCalendarHasTheNationalStateAndCityHolidaysOfItsProfile() {
        TenantProfileEntity campinas = tenant("SP", List.of(new TenantProfileUpdated.CityHoliday("12-08", null, "Nossa Senhora da Conceição"),
                new TenantProfileUpdated.CityHoliday(null, LocalDate.of(2027, 7, 14), "Fundação de Campinas")));
        assertTrue(Calendars.of(campinas).isHoliday(LocalDate.of(2027, 7, 9)), "São Paulo's state holiday");
        assertTrue(Calendars.of(campinas).isHoliday(LocalDate.of(2027, 12, 8)), "the city's fixed holiday, every year");
        assertTrue(Calendars.of(campinas).isHoliday(LocalDate.of(2027, 7, 14)), "the city's dated holiday");
        assertTrue(Calendars.of(campinas).isHoliday(LocalDate.of(2027, 9, 7)), "national");
        assertFalse(Calendars.of(tenant("MG", null)).isHoliday(LocalDate.of(2027, 7, 9)));
        assertFalse(Calendars.of(null).isHoliday(LocalDate.of(2027, 7, 9)), "no profile yet: the national calendar");
        assertEquals(Calendars.read(campinas.cityHolidays).size(), 2);
    }

    @Test
    void businessDayOffsetsCountWithTheTenantsCalendar() {
        PolicyStep twoBusinessDays = new PolicyStep("notice", 2, DayCount.BUSINESS, null, null, StepAction.SEND_MESSAGE,
                List.of("EMAIL"), "overdue-first", List.of(), StepConditions.NONE, WhenLate.RUN, null, null, null);
        LocalDate due = LocalDate.of(2027, 7, 8); // Thursday; Friday 9 July is a holiday in São Paulo only
        assertEquals(LocalDate.of(2027, 7, 13), Schedule.plan(twoBusinessDays, due, Calendars.of(tenant("SP", null))).effectiveLocal().toLocalDate());
        assertEquals(LocalDate.of(2027, 7, 12), Schedule.plan(twoBusinessDays, due, Calendars.of(tenant("MG", null))).effectiveLocal().toLocalDate());
    }
}
