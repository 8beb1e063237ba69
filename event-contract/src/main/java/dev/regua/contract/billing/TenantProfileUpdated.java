package dev.regua.contract.billing;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;

/**
 * The tenant (the creditor) changed its profile. Carries what every collection document must show
 * (CDC art. 42-A: name, address and CNPJ) and the tenant's time zone.
 */
public record TenantProfileUpdated(String eventId, String tenantId, String legalName, String tradeName, String cnpj,
                                   Address address, String timeZone, String vertical) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.tenantKey(tenantId);
    }

    @Override
    public String subject() {
        return "tenant/" + tenantId;
    }
}
