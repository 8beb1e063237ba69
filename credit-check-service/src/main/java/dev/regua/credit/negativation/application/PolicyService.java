package dev.regua.credit.negativation.application;

import dev.regua.credit.bureau.domain.BureauName;
import dev.regua.credit.negativation.domain.NegativationRules;
import dev.regua.credit.negativation.persistence.NegativationPolicyEntity;
import dev.regua.credit.negativation.persistence.NegativationRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;

/** The tenant's negativação policy: its own row, or the configured defaults. */
@ApplicationScoped
public class PolicyService {
    private final NegativationRepository repository;
    private final NegativationConfig config;
    private final Clock clock;

    public PolicyService(NegativationRepository repository, NegativationConfig config, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.clock = clock;
    }

    /** A tenant's policy; {@code custom} is false while the defaults apply. */
    public record TenantPolicy(BureauName bureau, BigDecimal minimumAmount, int noticeWaitDays, int noticeWaitDaysSaoPaulo,
                               boolean custom) {
        public NegativationRules.Policy rules() {
            return new NegativationRules.Policy(minimumAmount, noticeWaitDays, noticeWaitDaysSaoPaulo);
        }
    }

    public Uni<TenantPolicy> policyFor(String tenantId) {
        return repository.policy(tenantId).map(p -> p == null
                ? new TenantPolicy(BureauName.parse(config.defaultBureau()), config.minimumAmount(), config.noticeWaitDays(),
                config.noticeWaitDaysSaoPaulo(), false)
                : new TenantPolicy(BureauName.parse(p.bureau), p.minimumAmount, p.noticeWaitDays, p.noticeWaitDaysSaoPaulo, true));
    }

    /** Replaces the tenant's policy (the caller validated it). */
    public Uni<TenantPolicy> update(String tenantId, TenantPolicy policy, String actor) {
        return repository.policy(tenantId).chain(existing -> {
            NegativationPolicyEntity e = existing == null ? new NegativationPolicyEntity() : existing;
            e.tenantId = tenantId;
            e.bureau = policy.bureau().name();
            e.minimumAmount = policy.minimumAmount();
            e.noticeWaitDays = policy.noticeWaitDays();
            e.noticeWaitDaysSaoPaulo = policy.noticeWaitDaysSaoPaulo();
            e.updatedAt = clock.instant();
            e.updatedBy = actor;
            return (existing == null ? repository.persist(e) : Uni.createFrom().voidItem()).chain(() -> policyFor(tenantId));
        });
    }
}
