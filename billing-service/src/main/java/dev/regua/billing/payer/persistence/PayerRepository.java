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

    /** Replaces the payer's current version, keeping the old one in payer_version. */
    public Uni<Void> replace(Payer previous, Payer next, java.time.Instant now, String actor) {
        String keep = "insert into payer_version (id, tenant_id, payer_id, name, email, mobile, state, replaced_at, replaced_by) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.createNativeQuery(keep)
                        .setParameter(1, UUID.randomUUID()).setParameter(2, previous.tenantId()).setParameter(3, previous.id())
                        .setParameter(4, previous.name()).setParameter(5, previous.email()).setParameter(6, previous.mobile())
                        .setParameter(7, previous.state())
                        .setParameter(8, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                        .setParameter(9, actor).executeUpdate())
                .chain(() -> find("tenantId = ?1 and id = ?2", next.tenantId(), next.id()).<PayerEntity>firstResult())
                .invoke(e -> {
                    e.name = next.name();
                    e.email = next.email();
                    e.mobile = next.mobile();
                    e.state = next.state();
                })
                .replaceWithVoid();
    }

    /** A version a payer had before a change. */
    public record Version(String name, String email, String mobile, String state, java.time.Instant replacedAt, String replacedBy) {
    }

    public Uni<List<Version>> versions(String tenantId, UUID payerId) {
        String sql = "select name, email, mobile, state, replaced_at, replaced_by from payer_version "
                + "where tenant_id = ?1 and payer_id = ?2 order by replaced_at desc";
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter(1, tenantId).setParameter(2, payerId).getResultList())
                .map(rows -> rows.stream().map(r -> new Version((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        toInstant(r[4]), (String) r[5])).toList());
    }

    private static java.time.Instant toInstant(Object value) {
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value);
    }

    static Payer toDomain(PayerEntity e) {
        return new Payer(e.id, e.tenantId, e.name, TaxId.parse(e.taxId), e.email, e.mobile, e.state);
    }
}
