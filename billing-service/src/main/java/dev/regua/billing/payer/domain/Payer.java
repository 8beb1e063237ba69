package dev.regua.billing.payer.domain;

import dev.regua.contract.billing.Address;
import dev.regua.contract.billing.PayerRegistered;
import dev.regua.contract.billing.PayerUpdated;
import dev.regua.kernel.taxid.TaxId;
import dev.regua.support.problem.BusinessRuleException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Someone who owes the tenant: an individual (CPF) or a company (CNPJ, alphanumeric included), with contact points,
 * a postal address, what they consented to, who is financially responsible for them and the tenant's tags.
 */
public record Payer(UUID id, String tenantId, String name, TaxId taxId, String email, String mobile, String state,
                    String whatsapp, Address address, Consent consent, Responsible responsible, List<String> tags) {
    public Payer {
        Objects.requireNonNull(id);
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(taxId);
        consent = consent == null ? Consent.none() : consent;
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (consent.whatsappOptIn() != null && (whatsapp == null || whatsapp.isBlank())) {
            throw new BusinessRuleException("whatsapp-number-required",
                    "a WhatsApp opt-in needs the payer's WhatsApp number");
        }
    }

    /** The contact points and descriptive data a change may replace (everything but the id, tax id and consent). */
    public record Details(String name, String email, String mobile, String state, String whatsapp, Address address,
                          Responsible responsible, List<String> tags) {
    }

    public static Payer register(String tenantId, TaxId taxId, Details details, Consent consent) {
        return new Payer(UUID.randomUUID(), tenantId, details.name().strip(), taxId, details.email(), details.mobile(),
                details.state(), details.whatsapp(), details.address(), consent, details.responsible(), details.tags());
    }

    /** The payer with new details, or empty when nothing changed. The tax id and the consent never change here. */
    public Optional<Payer> changedTo(Details d) {
        return different(new Payer(id, tenantId, d.name().strip(), taxId, d.email(), d.mobile(), d.state(), d.whatsapp(),
                d.address(), consent, d.responsible(), d.tags()));
    }

    /** The payer with a new consent, or empty when nothing changed. */
    public Optional<Payer> withConsent(Consent next) {
        return different(new Payer(id, tenantId, name, taxId, email, mobile, state, whatsapp, address, next, responsible, tags));
    }

    private Optional<Payer> different(Payer next) {
        return next.equals(this) ? Optional.empty() : Optional.of(next);
    }

    public PayerUpdated updatedEvent() {
        return new PayerUpdated(UUID.randomUUID().toString(), tenantId, id.toString(), name, taxId.formatted(), email,
                mobile, state, whatsapp, address, consent.toContract(), responsible == null ? null : responsible.toContract(), tags);
    }

    public PayerRegistered registeredEvent() {
        return new PayerRegistered(UUID.randomUUID().toString(), tenantId, id.toString(), name, taxId.formatted(), email,
                mobile, state, whatsapp, address, consent.toContract(), responsible == null ? null : responsible.toContract(), tags);
    }
}
