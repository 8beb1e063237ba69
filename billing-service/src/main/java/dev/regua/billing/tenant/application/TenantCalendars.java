package dev.regua.billing.tenant.application;

import dev.regua.billing.tenant.domain.TenantSettings;
import dev.regua.billing.tenant.persistence.TenantRepository;
import dev.regua.kernel.calendar.BankCalendar;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place billing asks which bank calendar a tenant's due dates follow: national holidays, the state
 * holidays of the tenant's state and the city holidays listed in its settings. Every due date, "last day without
 * charges" and amount due in billing is computed with the calendar answered here.
 */
@ApplicationScoped
public class TenantCalendars {
    private final TenantRepository tenants;

    public TenantCalendars(TenantRepository tenants) {
        this.tenants = tenants;
    }

    /** The tenant's calendar (the national one while it has no settings). Needs a session. */
    public Uni<BankCalendar> of(String tenantId) {
        return tenants.settingsOf(tenantId).map(TenantCalendars::of);
    }

    /** The calendar of settings already loaded. */
    public static BankCalendar of(TenantSettings settings) {
        return settings == null ? BankCalendar.national() : settings.bankCalendar();
    }
}
