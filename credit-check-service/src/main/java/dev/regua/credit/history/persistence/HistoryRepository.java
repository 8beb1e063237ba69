package dev.regua.credit.history.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class HistoryRepository {

    public Uni<PayerInstallmentEntity> installment(String tenantId, UUID id) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from PayerInstallmentEntity where tenantId = ?1 and installmentId = ?2", PayerInstallmentEntity.class)
                .setParameter(1, tenantId).setParameter(2, id).getSingleResultOrNull());
    }

    public Uni<List<PayerInstallmentEntity>> ofPayer(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from PayerInstallmentEntity where tenantId = ?1 and payerId = ?2 order by dueDate", PayerInstallmentEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId).getResultList());
    }

    public Uni<Void> persist(PayerInstallmentEntity e) {
        return Panache.getSession().chain(s -> s.persist(e));
    }
}
