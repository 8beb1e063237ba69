package dev.regua.credit.tenant.domain;

import dev.regua.kernel.calendar.BankCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A tenant's business time: the zone its dates are taken in and the bank calendar its business days follow
 * (national + its state's + its city's holidays, as billing computes them). {@code known} is false while
 * billing's profile has not arrived yet: then the configured default zone and the national calendar apply.
 */
public record TenantTime(String tenantId, ZoneId zone, BankCalendar calendar, boolean known) {

    /** Today in the tenant's zone by {@code clock}. */
    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
