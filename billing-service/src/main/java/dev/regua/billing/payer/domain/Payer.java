package dev.regua.billing.payer.domain;

import dev.regua.contract.billing.PayerRegistered;
import dev.regua.kernel.taxid.TaxId;
import java.util.Objects;
import java.util.UUID;

/** Someone who owes the tenant: an individual (CPF) or a company (CNPJ, alphanumeric included). */
public record Payer(UUID id, String tenantId, String name, TaxId taxId, String email, String mobile, String state) {
    public Payer {
        Objects.requireNonNull(id);
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(taxId);
    }

    public static Payer register(String tenantId, String name, TaxId taxId, String email, String mobile, String state) {
        return new Payer(UUID.randomUUID(), tenantId, name.strip(), taxId, email, mobile, state);
    }

    public PayerRegistered registeredEvent() {
        return new PayerRegistered(UUID.randomUUID().toString(), tenantId, id.toString(), name, taxId.formatted(), email,
                mobile, state);
    }
}
