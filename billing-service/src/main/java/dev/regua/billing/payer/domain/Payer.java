package dev.regua.billing.payer.domain;

import dev.regua.contract.billing.PayerConsent;
import dev.regua.contract.billing.PayerRegistered;
import dev.regua.contract.billing.PayerUpdated;
import dev.regua.kernel.taxid.TaxId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    /** The payer with new name and contact points, or empty when nothing changed. The tax id never changes. */
    public Optional<Payer> changedTo(String newName, String newEmail, String newMobile, String newState) {
        Payer next = new Payer(id, tenantId, newName.strip(), taxId, newEmail, newMobile, newState);
        return next.equals(this) ? Optional.empty() : Optional.of(next);
    }

    public PayerUpdated updatedEvent() {
        return new PayerUpdated(UUID.randomUUID().toString(), tenantId, id.toString(), name, taxId.formatted(), email,
                mobile, state, null, null, PayerConsent.none(), null, List.of());
    }

    public PayerRegistered registeredEvent() {
        return new PayerRegistered(UUID.randomUUID().toString(), tenantId, id.toString(), name, taxId.formatted(), email,
                mobile, state, null, null, PayerConsent.none(), null, List.of());
    }
}
