package dev.regua.billing.imports.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Which contract references were already imported for which payer. Every query names the tenant. */
@ApplicationScoped
public class ImportedContracts {

    /** "payerId/reference" of the contracts already imported for these payers. */
    public Uni<Set<String>> referencesOf(String tenantId, Collection<UUID> payerIds) {
        if (payerIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        String sql = "select payer_id, reference from imported_contract where tenant_id = ?1 and payer_id in (?2)";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter(1, tenantId).setParameter(2, List.copyOf(payerIds)).getResultList())
                .map(rows -> {
                    Set<String> keys = new HashSet<>();
                    for (Object[] r : rows) {
                        keys.add(key((UUID) r[0], (String) r[1]));
                    }
                    return keys;
                });
    }

    public Uni<Void> add(String tenantId, UUID payerId, String reference, UUID contractId, Instant now) {
        String sql = "insert into imported_contract (tenant_id, payer_id, reference, contract_id, imported_at) values (?1, ?2, ?3, ?4, ?5)";
        // the payer and contract were persisted in this session: flush them before the native insert refers to them
        return Panache.getSession().chain(s -> s.flush().chain(() -> s.createNativeQuery(sql).setParameter(1, tenantId).setParameter(2, payerId)
                .setParameter(3, reference).setParameter(4, contractId)
                .setParameter(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate())).replaceWithVoid();
    }

    public static String key(UUID payerId, String reference) {
        return payerId + "/" + reference;
    }
}
