package dev.regua.credit.limit.application;

import dev.regua.credit.analysis.persistence.AnalysisRepository;
import dev.regua.credit.history.persistence.HistoryRepository;
import dev.regua.credit.limit.domain.CreditLimit;
import dev.regua.credit.limit.domain.Exposure;
import dev.regua.credit.limit.persistence.CreditLimitChangeEntity;
import dev.regua.credit.limit.persistence.CreditLimitEntity;
import dev.regua.credit.limit.persistence.LimitRepository;
import dev.regua.credit.limit.persistence.PayerContractEntity;
import dev.regua.support.problem.ResourceNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Credit limits per payer: the one staff set (with every change kept), else the latest approved analysis'
 * (valid {@code regua.credit.limits.validity}); the exposure of the payer's open plans consumes it. The contract
 * read model is kept here from billing's contract events. The caller owns the session or transaction.
 */
@ApplicationScoped
public class LimitService {
    private final LimitRepository limits;
    private final AnalysisRepository analyses;
    private final HistoryRepository history;
    private final Clock clock;
    private final Duration validity;

    public LimitService(LimitRepository limits, AnalysisRepository analyses, HistoryRepository history, Clock clock,
                        @ConfigProperty(name = "regua.credit.limits.validity", defaultValue = "P180D") Duration validity) {
        this.limits = limits;
        this.analyses = analyses;
        this.history = history;
        this.clock = clock;
        this.validity = validity;
    }

    /** A payer's (or a tax id's) limit, where it comes from, and what open plans use of it. */
    public record LimitAnswer(String taxId, UUID payerId, CreditLimit limit, Exposure exposure, UUID analysisId, String setBy,
                              String reason) {
    }

    /** The limit of a tax id (digits) and, when it is a payer, of that payer. */
    public Uni<LimitAnswer> limit(String tenantId, String taxIdDigits, UUID payerId) {
        Uni<Exposure> exposure = payerId == null ? Uni.createFrom().item(new Exposure(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)))
                : exposure(tenantId, payerId);
        Uni<CreditLimitEntity> managed = payerId == null ? Uni.createFrom().nullItem() : limits.managed(tenantId, payerId);
        return exposure.chain(x -> managed.chain(m -> {
            if (m != null) {
                return Uni.createFrom().item(new LimitAnswer(taxIdDigits, payerId, CreditLimit.managed(m.amount, m.setAt, x.total()), x,
                        null, m.setBy, m.reason));
            }
            Uni<dev.regua.credit.analysis.persistence.CreditAnalysisEntity> approved = taxIdDigits == null
                    ? Uni.createFrom().nullItem() : analyses.latestApproved(tenantId, taxIdDigits);
            return approved.map(a -> new LimitAnswer(taxIdDigits, payerId, a == null
                    ? CreditLimit.of(null, null, null, x.total(), clock.instant())
                    : CreditLimit.of(a.approvedLimit, a.decidedAt, a.decidedAt.plus(validity), x.total(), clock.instant()),
                    x, a == null ? null : a.id, null, null));
        }));
    }

    /** The payer's limit (404 for a payer credit-check does not know in this tenant). */
    public Uni<LimitAnswer> ofPayer(String tenantId, UUID payerId) {
        return analyses.taxIdOfPayer(tenantId, payerId).chain(digits -> limit(tenantId, digits, payerId));
    }

    public Uni<Exposure> exposure(String tenantId, UUID payerId) {
        return history.ofPayer(tenantId, payerId).chain(installments -> limits.contracts(tenantId, payerId).map(contracts ->
                Exposure.of(installments.stream().map(i -> new Exposure.Installment(i.contractId, i.nominal, i.paidAmount, i.status)).toList(),
                        contracts.stream().map(c -> new Exposure.Plan(c.contractId, c.kind, c.status, c.total)).toList())));
    }

    /** Staff set (or change) the payer's limit; the change is kept with who, when and why. */
    public Uni<LimitAnswer> set(String tenantId, UUID payerId, BigDecimal amount, String reason, String actor) {
        return knownPayer(tenantId, payerId).chain(() -> limits.managed(tenantId, payerId)).chain(existing -> {
            CreditLimitEntity l = existing == null ? new CreditLimitEntity() : existing;
            BigDecimal previous = existing == null ? null : existing.amount;
            if (existing == null) {
                l.id = UUID.randomUUID();
                l.tenantId = tenantId;
                l.payerId = payerId;
            }
            l.amount = amount.setScale(2);
            l.reason = reason;
            l.setBy = actor;
            l.setAt = clock.instant();
            return (existing == null ? limits.persist(l) : Uni.createFrom().voidItem())
                    .chain(() -> change(tenantId, payerId, previous, l.amount, reason, actor));
        }).chain(() -> ofPayer(tenantId, payerId));
    }

    /** Staff remove the managed limit: the latest approved analysis' limit applies again. */
    public Uni<LimitAnswer> clear(String tenantId, UUID payerId, String reason, String actor) {
        return limits.managed(tenantId, payerId).chain(existing -> {
            if (existing == null) {
                throw new ResourceNotFoundException("payer " + payerId + " has no limit set by staff");
            }
            return limits.remove(existing).chain(() -> change(tenantId, payerId, existing.amount, null, reason, actor));
        }).chain(() -> ofPayer(tenantId, payerId));
    }

    public Uni<java.util.List<CreditLimitChangeEntity>> changes(String tenantId, UUID payerId) {
        return knownPayer(tenantId, payerId).chain(() -> limits.changes(tenantId, payerId));
    }

    private Uni<Void> knownPayer(String tenantId, UUID payerId) {
        return analyses.taxIdOfPayer(tenantId, payerId).invoke(digits -> {
            if (digits == null) {
                throw new ResourceNotFoundException("no payer " + payerId);
            }
        }).replaceWithVoid();
    }

    private Uni<Void> change(String tenantId, UUID payerId, BigDecimal previous, BigDecimal amount, String reason, String actor) {
        CreditLimitChangeEntity c = new CreditLimitChangeEntity();
        c.id = UUID.randomUUID();
        c.tenantId = tenantId;
        c.payerId = payerId;
        c.previousAmount = previous;
        c.amount = amount;
        c.reason = reason;
        c.changedBy = actor;
        c.changedAt = clock.instant();
        return limits.persist(c);
    }

    // ---- billing's contract events ----------------------------------------------------------------------------

    /** contract.activated / suspended / cancelled: the plan's status (and, when activated, its total and kind). */
    public Uni<Void> contract(String tenantId, String payerId, String contractId, String kind, String status, BigDecimal total,
                              Integer installmentCount) {
        return limits.contract(tenantId, contractId).chain(existing -> {
            PayerContractEntity c = existing == null ? new PayerContractEntity() : existing;
            c.contractId = contractId;
            c.tenantId = tenantId;
            c.payerId = UUID.fromString(payerId);
            c.kind = kind;
            c.status = status;
            if (total != null) {
                c.total = total;
            } else if (c.total == null) {
                c.total = BigDecimal.ZERO.setScale(2); // a suspension or cancellation seen before the activation
            }
            if (installmentCount != null) {
                c.installmentCount = installmentCount;
            }
            c.updatedAt = clock.instant();
            return existing == null ? limits.persist(c) : Uni.createFrom().voidItem();
        });
    }
}
