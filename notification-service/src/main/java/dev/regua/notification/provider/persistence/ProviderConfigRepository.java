package dev.regua.notification.provider.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Provider configuration rows, always per tenant. Secrets stay encrypted here. */
@ApplicationScoped
public class ProviderConfigRepository {

    public record Row(String tenantId, String channel, String provider, String sender, String accountId,
                      String secretsCiphertext, BigDecimal monthlyBudget, BigDecimal unitCost, String whatsappLanguage,
                      String whatsappTemplatesJson, Instant updatedAt) {
    }

    private static final String COLUMNS = "tenant_id, channel, provider, sender, account_id, secrets_ciphertext, monthly_budget, "
            + "unit_cost, whatsapp_language, whatsapp_templates, updated_at";

    public Uni<Void> save(Row r) {
        String sql = "insert into provider_config (" + COLUMNS + ") values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                + "on conflict (tenant_id, channel) do update set provider = excluded.provider, sender = excluded.sender, "
                + "account_id = excluded.account_id, secrets_ciphertext = excluded.secrets_ciphertext, "
                + "monthly_budget = excluded.monthly_budget, unit_cost = excluded.unit_cost, "
                + "whatsapp_language = excluded.whatsapp_language, whatsapp_templates = excluded.whatsapp_templates, "
                + "updated_at = excluded.updated_at";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql)
                .setParameter(1, r.tenantId()).setParameter(2, r.channel()).setParameter(3, r.provider())
                .setParameter(4, r.sender()).setParameter(5, r.accountId()).setParameter(6, r.secretsCiphertext())
                .setParameter(7, r.monthlyBudget()).setParameter(8, r.unitCost()).setParameter(9, r.whatsappLanguage())
                .setParameter(10, r.whatsappTemplatesJson()).setParameter(11, OffsetDateTime.ofInstant(r.updatedAt(), ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Optional<Row>> find(String tenantId, String channel) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select " + COLUMNS + " from provider_config where tenant_id = ?1 and channel = ?2", Object[].class)
                .setParameter(1, tenantId).setParameter(2, channel).getResultList())
                .map(rows -> rows.stream().findFirst().map(ProviderConfigRepository::row));
    }

    /** Every tenant's configuration of one provider (the WhatsApp webhook verification names no tenant). */
    public Uni<List<Row>> ofProvider(String provider) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select " + COLUMNS + " from provider_config where provider = ?1", Object[].class)
                .setParameter(1, provider).getResultList())
                .map(rows -> rows.stream().map(ProviderConfigRepository::row).toList());
    }

    public Uni<List<Row>> ofTenant(String tenantId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select " + COLUMNS + " from provider_config where tenant_id = ?1 order by channel", Object[].class)
                .setParameter(1, tenantId).getResultList())
                .map(rows -> rows.stream().map(ProviderConfigRepository::row).toList());
    }

    /** What a paid channel cost the tenant since {@code from}: the sum of the costs recorded with each send. */
    public Uni<BigDecimal> spentSince(String tenantId, String channel, Instant from) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select coalesce(sum(cost), 0) from message_status_history where tenant_id = ?1 and channel = ?2 "
                                + "and cost is not null and occurred_at >= ?3", BigDecimal.class)
                .setParameter(1, tenantId).setParameter(2, channel).setParameter(3, OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .getSingleResult());
    }

    private static Row row(Object[] r) {
        return new Row((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (BigDecimal) r[6], (BigDecimal) r[7], (String) r[8], (String) r[9], instant(r[10]));
    }

    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        return null;
    }
}
