package dev.regua.support.calendar;

import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.calendar.StateHolidays;
import java.time.MonthDay;
import java.util.List;

/**
 * The bank calendar a tenant's dates follow, rebuilt by any context from billing's {@link TenantProfileUpdated}:
 * national holidays, the holidays of the tenant's state and the city holidays it listed. Billing builds the same
 * calendar from its settings, so every service agrees on which days are business days.
 */
public final class ProfileCalendars {
    private ProfileCalendars() {
    }

    /** The calendar of a profile event; the national one when {@code profile} is null. */
    public static BankCalendar of(TenantProfileUpdated profile) {
        if (profile == null) {
            return BankCalendar.national();
        }
        return of(profile.calendarState(), profile.cityHolidays());
    }

    /** The calendar of a state (may be null: national only) and city holidays as carried by the event. */
    public static BankCalendar of(String state, List<TenantProfileUpdated.CityHoliday> cityHolidays) {
        BankCalendar.Builder builder = state == null || state.isBlank()
                ? BankCalendar.builder() : StateHolidays.addTo(BankCalendar.builder(), state);
        if (cityHolidays != null) {
            for (TenantProfileUpdated.CityHoliday h : cityHolidays) {
                if (h.monthDay() != null) {
                    builder.addFixedHoliday(MonthDay.parse("--" + h.monthDay()), h.name());
                } else if (h.date() != null) {
                    builder.addHoliday(h.date(), h.name());
                }
            }
        }
        return builder.build();
    }
}
