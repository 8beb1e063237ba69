package dev.regua.billing.agreement.persistence;

import dev.regua.billing.agreement.domain.RenegotiationPolicy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.LockMode;

/** Renegotiation policies and agreements. Every query names the tenant. */
@ApplicationScoped
public class AgreementRepository {

    /** The tenant's policy, or null when it has none of its own. */
    public Uni<RenegotiationPolicy> policyOf(String tenantId) {
        return Panache.getSession().chain(s -> s.find(RenegotiationPolicyEntity.class, tenantId))
                .map(e -> e == null ? null : new RenegotiationPolicy(e.maxInstallments, e.minDownPaymentPercent,
                        e.fineDiscountPercent, e.interestDiscountPercent, e.downPaymentDays));
    }

    public Uni<Void> savePolicy(String tenantId, RenegotiationPolicy p, Instant now) {
        return Panache.getSession().chain(s -> s.find(RenegotiationPolicyEntity.class, tenantId).chain(existing -> {
            RenegotiationPolicyEntity e = existing == null ? new RenegotiationPolicyEntity() : existing;
            e.tenantId = tenantId;
            e.maxInstallments = p.maxInstallments();
            e.minDownPaymentPercent = p.minDownPaymentPercent();
            e.fineDiscountPercent = p.fineDiscountPercent();
            e.interestDiscountPercent = p.interestDiscountPercent();
            e.downPaymentDays = p.downPaymentDays();
            e.updatedAt = now;
            return existing == null ? s.persist(e) : Uni.createFrom().voidItem();
        }));
    }

    public Uni<Void> add(AgreementEntity agreement, List<UUID> originals) {
        return Panache.getSession().chain(s -> s.persist(agreement).chain(s::flush).chain(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (UUID id : originals) {
                chain = chain.chain(() -> s.createNativeQuery(
                                "insert into agreement_original (agreement_id, tenant_id, installment_id) values (?1, ?2, ?3)")
                        .setParameter(1, agreement.id).setParameter(2, agreement.tenantId).setParameter(3, id)
                        .executeUpdate().replaceWithVoid());
            }
            return chain;
        }));
    }

    public Uni<AgreementEntity> find(String tenantId, UUID id, boolean lock) {
        return Panache.getSession().chain(s -> {
            var q = s.createQuery("from AgreementEntity where tenantId = ?1 and id = ?2", AgreementEntity.class)
                    .setParameter(1, tenantId).setParameter(2, id);
            if (lock) {
                q.setLockMode(LockMode.PESSIMISTIC_WRITE);
            }
            return q.getSingleResultOrNull();
        });
    }

    /** The ACTIVE agreement whose plan is {@code contractId}, locked, or null. */
    public Uni<AgreementEntity> activeByContract(String tenantId, UUID contractId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from AgreementEntity where tenantId = ?1 and contractId = ?2 and status = 'ACTIVE'", AgreementEntity.class)
                .setParameter(1, tenantId).setParameter(2, contractId)
                .setLockMode(LockMode.PESSIMISTIC_WRITE).getSingleResultOrNull());
    }

    public Uni<List<UUID>> originalsOf(String tenantId, UUID agreementId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select cast(installment_id as varchar) from agreement_original where tenant_id = ?1 and agreement_id = ?2 "
                                + "order by installment_id", String.class)
                .setParameter(1, tenantId).setParameter(2, agreementId).getResultList())
                .map(rows -> rows.stream().map(UUID::fromString).toList());
    }

    /**
     * ACTIVE agreements whose down payment deadline passed before {@code asOf} and whose down payment was not yet
     * seen paid, in (deadline, id) order after the keyset; locked, skipping rows another sweeper holds.
     */
    public Uni<List<AgreementEntity>> toCheck(String tenantId, LocalDate asOf, LocalDate afterDeadline, UUID afterId, int limit) {
        String sql = "select * from agreement where tenant_id = ?1 and status = 'ACTIVE' and not down_payment_confirmed "
                + "and down_payment_deadline < ?2 and (down_payment_deadline, id) > (?3, ?4) "
                + "order by down_payment_deadline, id limit ?5 for update skip locked";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, AgreementEntity.class)
                .setParameter(1, tenantId).setParameter(2, asOf).setParameter(3, afterDeadline).setParameter(4, afterId)
                .setParameter(5, limit).getResultList());
    }
}
