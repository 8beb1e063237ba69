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

    public Uni<List<PayerInstallmentEntity>> installments(String tenantId, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createQuery(
                        "from PayerInstallmentEntity where tenantId = ?1 and installmentId in ?2", PayerInstallmentEntity.class)
                .setParameter(1, tenantId).setParameter(2, ids).getResultList());
    }

    /** Keeps the payer's tax id (digits only), name and UF, so an analysis by CPF/CNPJ finds its history. */
    public Uni<Void> upsertPayer(String tenantId, UUID payerId, String taxIdDigits, String name, String state, java.time.Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into payer_profile (tenant_id, payer_id, tax_id, name, state, updated_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (tenant_id, payer_id) do update set tax_id = excluded.tax_id, "
                        + "name = excluded.name, state = excluded.state, updated_at = excluded.updated_at")
                .setParameter(1, tenantId).setParameter(2, payerId).setParameter(3, taxIdDigits).setParameter(4, name)
                .setParameter(5, state).setParameter(6, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    /** Records an agreement's status (CREATED, PAID, BROKEN); a later status overwrites an earlier one. */
    public Uni<Void> agreement(String tenantId, UUID agreementId, UUID payerId, String status, java.time.LocalDate createdOn,
                               java.time.Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into payer_agreement (agreement_id, tenant_id, payer_id, status, created_on, updated_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (agreement_id) do update set status = case "
                        + "when payer_agreement.status = 'CREATED' then excluded.status else payer_agreement.status end, updated_at = excluded.updated_at")
                .setParameter(1, agreementId).setParameter(2, tenantId).setParameter(3, payerId).setParameter(4, status)
                .setParameter(5, createdOn).setParameter(6, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> persist(PayerInstallmentEntity e) {
        return Panache.getSession().chain(s -> s.persist(e));
    }
}
