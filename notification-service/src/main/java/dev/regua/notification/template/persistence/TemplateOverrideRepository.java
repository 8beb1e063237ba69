package dev.regua.notification.template.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Tenants' template overrides, always per tenant. */
@ApplicationScoped
public class TemplateOverrideRepository {

    public record Row(String tenantId, String channel, String template, String subject, String body, Instant updatedAt) {
    }

    public Uni<Void> save(Row r) {
        String sql = "insert into template_override (tenant_id, channel, template, subject, body, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6) "
                + "on conflict (tenant_id, channel, template) do update set subject = excluded.subject, body = excluded.body, "
                + "updated_at = excluded.updated_at";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql).setParameter(1, r.tenantId()).setParameter(2, r.channel())
                .setParameter(3, r.template()).setParameter(4, r.subject()).setParameter(5, r.body())
                .setParameter(6, OffsetDateTime.ofInstant(r.updatedAt(), ZoneOffset.UTC)).executeUpdate()).replaceWithVoid();
    }

    public Uni<Boolean> delete(String tenantId, String channel, String template) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from template_override where tenant_id = ?1 and channel = ?2 and template = ?3")
                .setParameter(1, tenantId).setParameter(2, channel).setParameter(3, template).executeUpdate()).map(n -> n > 0);
    }

    public Uni<Optional<Row>> find(String tenantId, String channel, String template) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select subject, body, updated_at from template_override "
                        + "where tenant_id = ?1 and channel = ?2 and template = ?3", Object[].class)
                .setParameter(1, tenantId).setParameter(2, channel).setParameter(3, template).getResultList())
                .map(rows -> rows.stream().findFirst().map(r -> new Row(tenantId, channel, template, (String) r[0], (String) r[1], instant(r[2]))));
    }

    public Uni<List<Row>> ofTenant(String tenantId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select channel, template, subject, body, updated_at from template_override "
                        + "where tenant_id = ?1 order by channel, template", Object[].class)
                .setParameter(1, tenantId).getResultList())
                .map(rows -> rows.stream().map(r -> new Row(tenantId, (String) r[0], (String) r[1], (String) r[2], (String) r[3], instant(r[4]))).toList());
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        return value instanceof java.time.ZonedDateTime z ? z.toInstant() : null;
    }
}
