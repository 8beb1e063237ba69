package dev.regua.notification.consent.persistence;

import dev.regua.notification.consent.domain.PayerContact;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The payer contact read model, always per tenant. */
@ApplicationScoped
public class PayerContactRepository {

    public record Row(String tenantId, UUID payerId, String email, String mobile, String whatsapp, String state,
                      List<String> optedOutChannels, boolean whatsappOptIn, Instant whatsappOptInAt,
                      String whatsappOptInEvidence) {
    }

    /** Inserts or replaces the payer's contact points and consent (the events carry the whole version). */
    public Uni<Void> upsert(Row r, Instant now) {
        String sql = "insert into payer_contact (tenant_id, payer_id, email, mobile, whatsapp, state, opted_out_channels, "
                + "whatsapp_opt_in, whatsapp_opt_in_at, whatsapp_opt_in_evidence, updated_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) on conflict (tenant_id, payer_id) do update set "
                + "email = excluded.email, mobile = excluded.mobile, whatsapp = excluded.whatsapp, state = excluded.state, "
                + "opted_out_channels = excluded.opted_out_channels, whatsapp_opt_in = excluded.whatsapp_opt_in, "
                + "whatsapp_opt_in_at = excluded.whatsapp_opt_in_at, whatsapp_opt_in_evidence = excluded.whatsapp_opt_in_evidence, "
                + "updated_at = excluded.updated_at";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql)
                .setParameter(1, r.tenantId()).setParameter(2, r.payerId()).setParameter(3, r.email())
                .setParameter(4, r.mobile()).setParameter(5, r.whatsapp()).setParameter(6, r.state())
                .setParameter(7, String.join(",", r.optedOutChannels())).setParameter(8, r.whatsappOptIn())
                .setParameter(9, r.whatsappOptInAt() == null ? null : OffsetDateTime.ofInstant(r.whatsappOptInAt(), ZoneOffset.UTC))
                .setParameter(10, r.whatsappOptInEvidence()).setParameter(11, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<PayerContact> find(String tenantId, UUID payerId) {
        String sql = "select email, mobile, whatsapp, state, opted_out_channels, whatsapp_opt_in from payer_contact "
                + "where tenant_id = ?1 and payer_id = ?2";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                .setParameter(1, tenantId).setParameter(2, payerId).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return PayerContact.unknown();
                    }
                    Object[] r = rows.get(0);
                    Set<String> optedOut = Arrays.stream(((String) r[4]).split(",")).filter(x -> !x.isBlank()).collect(Collectors.toSet());
                    return new PayerContact((String) r[0], (String) r[1], (String) r[2], (String) r[3], optedOut, (Boolean) r[5]);
                });
    }
}
