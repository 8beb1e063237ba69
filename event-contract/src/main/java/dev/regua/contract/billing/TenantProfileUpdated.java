package dev.regua.contract.billing;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.LocalDate;
import java.util.List;

/**
 * The tenant (the creditor) changed its profile. Carries what every collection document must show
 * (CDC art. 42-A: name, address and CNPJ), the tenant's time zone, and the place whose bank calendar its dates
 * follow: the state (its state holidays), the city's IBGE code and the city holidays the tenant listed. With
 * them, every context computes the same business days as billing (national + state + city holidays).
 */
public record TenantProfileUpdated(String eventId, String tenantId, String legalName, String tradeName, String cnpj,
                                   Address address, String timeZone, String vertical, String state,
                                   String cityIbgeCode, List<CityHoliday> cityHolidays) implements RegisteredEvent {

    /**
     * A municipal bank holiday: every year on {@code monthDay} ("MM-DD", e.g. "12-08") or once on {@code date};
     * exactly one of the two is set.
     */
    public record CityHoliday(String monthDay, LocalDate date, String name) {
    }

    public TenantProfileUpdated {
        cityHolidays = cityHolidays == null ? List.of() : List.copyOf(cityHolidays);
    }

    /** The state whose holidays apply: the stated one, else the address's (events before the field existed). */
    public String calendarState() {
        return state != null ? state : address == null ? null : address.state();
    }

    @Override
    public String partitionKey() {
        return Topics.tenantKey(tenantId);
    }

    @Override
    public String subject() {
        return "tenant/" + tenantId;
    }
}
