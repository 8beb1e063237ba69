package dev.regua.notification.tenant.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The tenant profile read model (billing's TenantProfileUpdated), one row per tenant. */
@ApplicationScoped
public class TenantProfileRepository {

    /** The creditor as its messages show it: legal and trade name, CNPJ, the address on one line. */
    public record Profile(String tenantId, String legalName, String tradeName, String cnpj, String address, String state,
                          String timeZone) {
    }

    /** Inserts or replaces the tenant's profile (each event carries the whole profile). */
    public Uni<Void> upsert(Profile p, Instant now) {
        String sql = "insert into tenant_profile (tenant_id, legal_name, trade_name, cnpj, address, state, time_zone, updated_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (tenant_id) do update set legal_name = excluded.legal_name, "
                + "trade_name = excluded.trade_name, cnpj = excluded.cnpj, address = excluded.address, state = excluded.state, "
                + "time_zone = excluded.time_zone, updated_at = excluded.updated_at";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql)
                .setParameter(1, p.tenantId()).setParameter(2, p.legalName()).setParameter(3, p.tradeName())
                .setParameter(4, p.cnpj()).setParameter(5, p.address()).setParameter(6, p.state())
                .setParameter(7, p.timeZone()).setParameter(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Optional<Profile>> find(String tenantId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select tenant_id, legal_name, trade_name, cnpj, address, state, "
                        + "time_zone from tenant_profile where tenant_id = ?1", Object[].class)
                .setParameter(1, tenantId).getResultList())
                .map(rows -> rows.stream().findFirst().map(r -> new Profile((String) r[0], (String) r[1], (String) r[2],
                        (String) r[3], (String) r[4], (String) r[5], (String) r[6])));
    }
}
