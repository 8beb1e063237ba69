package dev.regua.credit.limit.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Managed limits, their changes and the payers' contracts; every query names the tenant. */
@ApplicationScoped
public class LimitRepository {

    public Uni<CreditLimitEntity> managed(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery("from CreditLimitEntity where tenantId = ?1 and payerId = ?2",
                CreditLimitEntity.class).setParameter(1, tenantId).setParameter(2, payerId).getSingleResultOrNull());
    }

    public Uni<List<CreditLimitChangeEntity>> changes(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery("from CreditLimitChangeEntity where tenantId = ?1 and payerId = ?2 "
                        + "order by changedAt desc, id", CreditLimitChangeEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId).getResultList());
    }

    public Uni<List<PayerContractEntity>> contracts(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery("from PayerContractEntity where tenantId = ?1 and payerId = ?2",
                PayerContractEntity.class).setParameter(1, tenantId).setParameter(2, payerId).getResultList());
    }

    public Uni<PayerContractEntity> contract(String tenantId, String contractId) {
        return Panache.getSession().chain(s -> s.createQuery("from PayerContractEntity where tenantId = ?1 and contractId = ?2",
                PayerContractEntity.class).setParameter(1, tenantId).setParameter(2, contractId).getSingleResultOrNull());
    }

    public Uni<Void> persist(Object entity) {
        return Panache.getSession().chain(s -> s.persist(entity));
    }

    public Uni<Void> remove(Object entity) {
        return Panache.getSession().chain(s -> s.remove(entity));
    }
}
