package dev.regua.credit.tenant.application;

import dev.regua.contract.EventCodec;
import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.credit.negativation.application.NegativationConfig;
import dev.regua.credit.tenant.domain.TenantTime;
import dev.regua.credit.tenant.persistence.TenantProfileEntity;
import dev.regua.credit.tenant.persistence.TenantProfileRepository;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.support.calendar.ProfileCalendars;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The tenant read model from billing's {@code tenant-profile.updated}, and each tenant's {@link TenantTime}: its zone
 * for "today" and its bank calendar ({@link ProfileCalendars}) for business days. Runs in the caller's session.
 */
@ApplicationScoped
public class TenantTimes {
    private final TenantProfileRepository repository;
    private final Clock clock;
    private final ZoneId defaultZone;

    public TenantTimes(TenantProfileRepository repository, Clock clock, NegativationConfig config) {
        this.repository = repository;
        this.clock = clock;
        this.defaultZone = ZoneId.of(config.zone());
    }

    /** The tenant's zone and calendar; the default zone and the national calendar while its profile is unknown. */
    public Uni<TenantTime> of(String tenantId) {
        return repository.profile(tenantId).map(p -> {
            if (p == null) {
                return new TenantTime(tenantId, defaultZone, BankCalendar.national(), false);
            }
            TenantProfileUpdated profile = EventCodec.fromJson(p.profile, TenantProfileUpdated.class);
            return new TenantTime(tenantId, zoneOf(p.timeZone), ProfileCalendars.of(profile), true);
        });
    }

    /** Keeps the latest profile (events of one tenant arrive in order: they share the tenant's key). */
    public Uni<Void> profileUpdated(TenantProfileUpdated e) {
        return repository.profile(e.tenantId()).chain(existing -> {
            TenantProfileEntity t = existing == null ? new TenantProfileEntity() : existing;
            t.tenantId = e.tenantId();
            t.legalName = e.legalName();
            t.timeZone = e.timeZone() == null || e.timeZone().isBlank() ? defaultZone.getId() : e.timeZone();
            t.state = e.calendarState();
            t.cityIbgeCode = e.cityIbgeCode();
            t.profile = EventCodec.toJson(e);
            t.updatedAt = clock.instant();
            return existing == null ? repository.persist(t) : Uni.createFrom().voidItem();
        });
    }

    private ZoneId zoneOf(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return defaultZone;
        }
    }
}
