package dev.regua.credit.analysis.application;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.credit.CreditAnalysisCompleted;
import dev.regua.credit.analysis.domain.CreditDecision;
import dev.regua.credit.analysis.domain.CreditPolicy;
import dev.regua.credit.analysis.persistence.AnalysisRepository;
import dev.regua.credit.analysis.persistence.CreditAnalysisEntity;
import dev.regua.credit.analysis.persistence.CreditConsultationEntity;
import dev.regua.credit.analysis.persistence.CreditPolicyEntity;
import dev.regua.credit.bureau.adapter.Bureaus;
import dev.regua.credit.bureau.domain.BureauException;
import dev.regua.credit.bureau.domain.BureauName;
import dev.regua.credit.bureau.domain.BureauPort;
import dev.regua.credit.history.domain.PayerHistory;
import dev.regua.credit.history.persistence.HistoryRepository;
import dev.regua.credit.negativation.application.PolicyService;
import dev.regua.support.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Credit analysis: the bureau's score and restrictions (a recent answer is reused within the TTL), the payer's own
 * history with the tenant, the tenant's thresholds → a decision with reasons. The consultation is audited (who,
 * when, why: LGPD) in the same transaction as the analysis and its {@link CreditAnalysisCompleted} event. Blocking:
 * call it from a worker thread (the bureau call is synchronous and no transaction is open during it).
 */
@ApplicationScoped
public class CreditAnalysisService {
    private static final Logger LOG = Logger.getLogger(CreditAnalysisService.class);
    private final AnalysisRepository repository;
    private final HistoryRepository history;
    private final PolicyService negativationPolicies;
    private final Bureaus bureaus;
    private final OutboxWriter outbox;
    private final AnalysisConfig config;
    private final Clock clock;

    public CreditAnalysisService(AnalysisRepository repository, HistoryRepository history, PolicyService negativationPolicies,
                                 Bureaus bureaus, OutboxWriter outbox, AnalysisConfig config, Clock clock) {
        this.repository = repository;
        this.history = history;
        this.negativationPolicies = negativationPolicies;
        this.bureaus = bureaus;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** A request already validated: tax id as digits, amount with two decimals. */
    public record Request(String taxIdDigits, BigDecimal amount, int installments, String purpose) {
    }

    private record Facts(BureauName bureau, CreditPolicy policy, AnalysisRepository.CachedReport cached, UUID payerId,
                         CreditDecision.OwnHistory own) {
    }

    public CreditAnalysisEntity analyse(String tenantId, String actor, Request request) throws Throwable {
        Instant started = clock.instant();
        Facts facts = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> gather(tenantId, request, started)));
        Integer score;
        int restrictions;
        BigDecimal restricted;
        String source;
        if (facts.cached() != null) {
            score = facts.cached().score();
            restrictions = facts.cached().restrictions();
            restricted = facts.cached().restrictedAmount();
            source = "CACHE";
        } else {
            BureauPort.CreditReport report = null;
            try {
                report = bureaus.of(facts.bureau()).report(request.taxIdDigits());
            } catch (BureauException e) {
                LOG.infof("credit report from %s failed: %s", facts.bureau(), e.getMessage());
            }
            score = report == null ? null : report.score();
            restrictions = report == null ? 0 : report.restrictions().size();
            restricted = report == null ? BigDecimal.ZERO.setScale(2)
                    : (report.restrictedAmount() == null ? BigDecimal.ZERO : report.restrictedAmount()).setScale(2, java.math.RoundingMode.HALF_UP);
            source = report == null ? "FAILED" : "BUREAU";
        }
        CreditDecision decision = CreditDecision.decide(request.amount(), request.installments(),
                new CreditDecision.BureauView(facts.bureau().name(), score, restrictions, restricted), facts.own(), facts.policy());
        CreditAnalysisEntity a = new CreditAnalysisEntity();
        a.id = UUID.randomUUID();
        a.tenantId = tenantId;
        a.payerId = facts.payerId();
        a.taxId = request.taxIdDigits();
        a.amount = request.amount();
        a.installments = request.installments();
        a.purpose = request.purpose();
        a.decision = decision.decision().name();
        a.approvedLimit = decision.approvedLimit();
        a.reasons = String.join("\n", decision.reasons());
        a.bureau = facts.bureau().name();
        a.score = score;
        a.restrictedAmount = score == null ? null : restricted;
        a.amountOverdue = facts.own().amountOverdue();
        a.onTimeShare = facts.own().onTimeShare();
        a.brokenAgreements = facts.own().brokenAgreements();
        a.requestedBy = actor;
        a.decidedAt = clock.instant();
        CreditConsultationEntity c = new CreditConsultationEntity();
        c.id = UUID.randomUUID();
        c.tenantId = tenantId;
        c.taxId = request.taxIdDigits();
        c.bureau = facts.bureau().name();
        c.source = source;
        c.purpose = request.purpose();
        c.requestedBy = actor;
        c.analysisId = a.id;
        c.consultedAt = started;
        Integer cachedScore = score;
        int cachedRestrictions = restrictions;
        BigDecimal cachedRestricted = restricted;
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            Uni<Void> cache = source.equals("BUREAU")
                    ? repository.cacheReport(tenantId, facts.bureau().name(), request.taxIdDigits(), cachedScore, cachedRestrictions,
                    cachedRestricted, started)
                    : Uni.createFrom().voidItem();
            return cache.chain(() -> repository.persist(a)).chain(() -> repository.persist(c))
                    .chain(() -> outbox.append(new CreditAnalysisCompleted(UUID.randomUUID().toString(), tenantId,
                            a.payerId == null ? null : a.payerId.toString(), a.id.toString(), a.taxId, MoneyAmount.brl(a.amount),
                            a.installments, a.decision, MoneyAmount.brl(a.approvedLimit), decision.reasons(), a.decidedAt)));
        }));
        return a;
    }

    private Uni<Facts> gather(String tenantId, Request request, Instant now) {
        return negativationPolicies.policyFor(tenantId).chain(np -> policyFor(tenantId).chain(policy ->
                repository.cachedReport(tenantId, np.bureau().name(), request.taxIdDigits(), now.minus(config.cacheTtl()))
                        .chain(cached -> repository.payerByTaxId(tenantId, request.taxIdDigits()).chain(payerId -> {
                            if (payerId == null) {
                                return Uni.createFrom().item(new Facts(np.bureau(), policy, cached, null, CreditDecision.OwnHistory.none()));
                            }
                            return history.ofPayer(tenantId, payerId).chain(rows -> repository.agreements(tenantId, payerId).map(agreements -> {
                                PayerHistory h = PayerHistory.of(rows.stream()
                                        .map(e -> new PayerHistory.Entry(e.nominal, e.dueDate, e.status, e.paidOn)).toList());
                                return new Facts(np.bureau(), policy, cached, payerId, new CreditDecision.OwnHistory(h.installments(),
                                        h.paid(), h.onTimeShare(), h.amountOverdue(), agreements[0], agreements[1]));
                            }));
                        }))));
    }

    public Uni<CreditPolicy> policyFor(String tenantId) {
        return repository.policy(tenantId).map(p -> p == null ? defaults() : new CreditPolicy(p.denyBelowScore, p.reviewBelowScore,
                p.maxRestrictedAmount, p.maxOverdueWithTenant, p.minOnTimeShare, p.maxInstallments, p.limitPerThousandScore));
    }

    public Uni<CreditPolicy> updatePolicy(String tenantId, CreditPolicy policy, String actor) {
        return repository.policy(tenantId).chain(existing -> {
            CreditPolicyEntity e = existing == null ? new CreditPolicyEntity() : existing;
            e.tenantId = tenantId;
            e.denyBelowScore = policy.denyBelowScore();
            e.reviewBelowScore = policy.reviewBelowScore();
            e.maxRestrictedAmount = policy.maxRestrictedAmount();
            e.maxOverdueWithTenant = policy.maxOverdueWithTenant();
            e.minOnTimeShare = policy.minOnTimeShare();
            e.maxInstallments = policy.maxInstallments();
            e.limitPerThousandScore = policy.limitPerThousandScore();
            e.updatedAt = clock.instant();
            e.updatedBy = actor;
            return (existing == null ? repository.persist(e) : Uni.createFrom().voidItem()).replaceWith(policy);
        });
    }

    private CreditPolicy defaults() {
        return new CreditPolicy(config.denyBelowScore(), config.reviewBelowScore(), config.maxRestrictedAmount(),
                config.maxOverdueWithTenant(), config.minOnTimeShare(), config.maxInstallments(), config.limitPerThousandScore());
    }
}
