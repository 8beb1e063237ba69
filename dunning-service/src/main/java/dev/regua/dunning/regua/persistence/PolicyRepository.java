package dev.regua.dunning.regua.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Policies and their versions (definitions as JSON). Every query names the tenant; versions are only inserted. */
@ApplicationScoped
public class PolicyRepository {

    /** A stored version: its definition as JSON text. */
    public record StoredVersion(String code, int version, String definition, String createdBy, Instant createdAt,
                                boolean active, int currentVersion) {
    }

    private static final String SELECT = "select v.code, v.version, cast(v.definition as text), v.created_by, v.created_at, "
            + "p.active, p.current_version from policy_version v join policy p on p.tenant_id = v.tenant_id and p.code = v.code ";

    public Uni<List<StoredVersion>> currentVersions(String tenantId, boolean activeOnly) {
        String sql = SELECT + "where v.tenant_id = ?1 and v.version = p.current_version"
                + (activeOnly ? " and p.active" : "") + " order by v.code";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter(1, tenantId)
                .getResultList()).map(rows -> rows.stream().map(PolicyRepository::toStored).toList());
    }

    public Uni<StoredVersion> current(String tenantId, String code) {
        String sql = SELECT + "where v.tenant_id = ?1 and v.code = ?2 and v.version = p.current_version";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter(1, tenantId)
                .setParameter(2, code).getResultList()).map(rows -> rows.isEmpty() ? null : toStored(rows.get(0)));
    }

    public Uni<StoredVersion> version(String tenantId, String code, int version) {
        String sql = SELECT + "where v.tenant_id = ?1 and v.code = ?2 and v.version = ?3";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter(1, tenantId)
                .setParameter(2, code).setParameter(3, version).getResultList()).map(rows -> rows.isEmpty() ? null : toStored(rows.get(0)));
    }

    public Uni<List<StoredVersion>> versions(String tenantId, String code) {
        String sql = SELECT + "where v.tenant_id = ?1 and v.code = ?2 order by v.version desc";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter(1, tenantId)
                .setParameter(2, code).getResultList()).map(rows -> rows.stream().map(PolicyRepository::toStored).toList());
    }

    public Uni<Long> count(String tenantId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select count(*) from policy where tenant_id = ?1", Long.class)
                .setParameter(1, tenantId).getSingleResult()).map(n -> ((Number) n).longValue());
    }

    /** Inserts a policy at version 1; false when the code is taken. */
    public Uni<Boolean> create(String tenantId, String code, String definition, String actor, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into policy (tenant_id, code, current_version, active, "
                        + "created_at, updated_at) values (?1, ?2, 1, true, ?3, ?3) on conflict do nothing")
                .setParameter(1, tenantId).setParameter(2, code).setParameter(3, at).executeUpdate()
                .chain(n -> n == 0 ? Uni.createFrom().item(false) : insertVersion(tenantId, code, 1, definition, actor, at).replaceWith(true)));
    }

    /** Adds the next version and makes it current (and the policy active again); answers the new version. */
    public Uni<Integer> addVersion(String tenantId, String code, String definition, String actor, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return Panache.getSession().chain(s -> s.createNativeQuery("update policy set current_version = current_version + 1, "
                        + "active = true, updated_at = ?3 where tenant_id = ?1 and code = ?2 returning current_version", Integer.class)
                .setParameter(1, tenantId).setParameter(2, code).setParameter(3, at).getSingleResult()
                .chain(v -> insertVersion(tenantId, code, ((Number) v).intValue(), definition, actor, at).replaceWith(((Number) v).intValue())));
    }

    public Uni<Integer> setActive(String tenantId, String code, boolean active, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("update policy set active = ?3, updated_at = ?4 "
                        + "where tenant_id = ?1 and code = ?2")
                .setParameter(1, tenantId).setParameter(2, code).setParameter(3, active)
                .setParameter(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate());
    }

    private Uni<Integer> insertVersion(String tenantId, String code, int version, String definition, String actor, OffsetDateTime at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into policy_version (tenant_id, code, version, "
                        + "definition, created_by, created_at) values (?1, ?2, ?3, cast(cast(?4 as text) as jsonb), ?5, ?6)")
                .setParameter(1, tenantId).setParameter(2, code).setParameter(3, version).setParameter(4, definition)
                .setParameter(5, actor).setParameter(6, at).executeUpdate());
    }

    private static StoredVersion toStored(Object[] r) {
        Object at = r[4];
        Instant createdAt = at instanceof OffsetDateTime o ? o.toInstant() : at instanceof Instant i ? i
                : ((java.sql.Timestamp) at).toInstant();
        return new StoredVersion((String) r[0], ((Number) r[1]).intValue(), (String) r[2], (String) r[3], createdAt,
                (Boolean) r[5], ((Number) r[6]).intValue());
    }
}
