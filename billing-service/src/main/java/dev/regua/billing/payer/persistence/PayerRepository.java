package dev.regua.billing.payer.persistence;

import dev.regua.billing.payer.domain.Payer;
import dev.regua.kernel.taxid.TaxId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Every query is scoped to one tenant. */
@ApplicationScoped
public class PayerRepository implements PanacheRepositoryBase<PayerEntity, UUID> {

    public Uni<Payer> findForTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult().map(e -> e == null ? null : toDomain(e));
    }

    public Uni<Boolean> taxIdTaken(String tenantId, TaxId taxId) {
        return count("tenantId = ?1 and taxId = ?2", tenantId, taxId.formatted()).map(n -> n > 0);
    }

    /** A page ordered by id, starting after {@code after} (cursor pagination). */
    public Uni<List<Payer>> page(String tenantId, UUID after, int limit) {
        var query = after == null
                ? find("tenantId = ?1 order by id", tenantId)
                : find("tenantId = ?1 and id > ?2 order by id", tenantId, after);
        return query.page(0, limit).list().map(list -> list.stream().map(PayerRepository::toDomain).toList());
    }

    public Uni<Void> add(Payer payer, Instant now) {
        PayerEntity e = new PayerEntity();
        e.id = payer.id();
        e.tenantId = payer.tenantId();
        e.name = payer.name();
        e.taxId = payer.taxId().formatted();
        e.email = payer.email();
        e.mobile = payer.mobile();
        e.state = payer.state();
        e.createdAt = now;
        return persist(e).replaceWithVoid();
    }

    static Payer toDomain(PayerEntity e) {
        return new Payer(e.id, e.tenantId, e.name, TaxId.parse(e.taxId), e.email, e.mobile, e.state);
    }
}
