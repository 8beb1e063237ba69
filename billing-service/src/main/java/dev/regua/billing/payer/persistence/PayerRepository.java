package dev.regua.billing.payer.persistence;

import dev.regua.billing.payer.domain.Channel;
import dev.regua.billing.payer.domain.Consent;
import dev.regua.billing.payer.domain.OptInMethod;
import dev.regua.billing.payer.domain.Payer;
import dev.regua.billing.payer.domain.Responsible;
import dev.regua.contract.billing.Address;
import dev.regua.kernel.taxid.Cpf;
import dev.regua.kernel.taxid.TaxId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every query is scoped to one tenant. */
@ApplicationScoped
public class PayerRepository implements PanacheRepositoryBase<PayerEntity, UUID> {
    /** The payer columns a version keeps, in the same order in payer and payer_version. */
    private static final String VERSIONED = "name, email, mobile, state, whatsapp, address_street, address_number, "
            + "address_complement, address_district, address_city, address_state, address_postal_code, opted_out_channels, "
            + "whatsapp_opt_in_at, whatsapp_opt_in_how, whatsapp_opt_in_reference, responsible_name, responsible_tax_id, "
            + "responsible_email, responsible_mobile, tags";

    public Uni<Payer> findForTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult().map(e -> e == null ? null : toDomain(e));
    }

    public Uni<Payer> findByTaxId(String tenantId, TaxId taxId) {
        return find("tenantId = ?1 and taxId = ?2", tenantId, taxId.formatted()).firstResult()
                .map(e -> e == null ? null : toDomain(e));
    }

    /** The tenant's payers with these formatted tax ids. */
    public Uni<List<Payer>> findByTaxIds(String tenantId, java.util.Collection<String> formattedTaxIds) {
        if (formattedTaxIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("tenantId = ?1 and taxId in ?2", tenantId, List.copyOf(formattedTaxIds)).list()
                .map(list -> list.stream().map(PayerRepository::toDomain).toList());
    }

    public Uni<Boolean> taxIdTaken(String tenantId, TaxId taxId) {
        return count("tenantId = ?1 and taxId = ?2", tenantId, taxId.formatted()).map(n -> n > 0);
    }

    /** A payer with its registration sequence number, the sort key of the payer list. */
    public record Listed(Payer payer, long seq) {
    }

    /** Up to {@code limit} payers in registration order, strictly after the sequence number {@code afterSeq} when given. */
    public Uni<List<Listed>> page(String tenantId, Long afterSeq, int limit) {
        var query = find("tenantId = ?1 and seq > ?2 order by seq", tenantId, afterSeq == null ? 0L : afterSeq);
        return query.page(0, limit).list().map(list -> list.stream().map(e -> new Listed(toDomain(e), e.seq)).toList());
    }

    public Uni<Void> add(Payer payer, Instant now) {
        PayerEntity e = new PayerEntity();
        e.id = payer.id();
        e.tenantId = payer.tenantId();
        e.taxId = payer.taxId().formatted();
        copy(payer, e);
        // microseconds, as PostgreSQL keeps them, so the list's keyset compares what it stored
        e.createdAt = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return persist(e).replaceWithVoid();
    }

    /** Replaces the payer's current version, keeping the whole old one in payer_version. */
    public Uni<Void> replace(Payer previous, Payer next, Instant now, String actor) {
        String keep = "insert into payer_version (id, tenant_id, payer_id, " + VERSIONED + ", replaced_at, replaced_by) "
                + "select ?1, tenant_id, id, " + VERSIONED + ", ?2, ?3 from payer where tenant_id = ?4 and id = ?5";
        return Panache.getSession().chain(s -> s.createNativeQuery(keep)
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .setParameter(3, actor).setParameter(4, previous.tenantId()).setParameter(5, previous.id())
                        .executeUpdate())
                .chain(() -> find("tenantId = ?1 and id = ?2", next.tenantId(), next.id()).<PayerEntity>firstResult())
                .invoke(e -> copy(next, e))
                .replaceWithVoid();
    }

    /** A version a payer had before a change, and who replaced it when. */
    public record Version(UUID versionId, Payer payer, Instant replacedAt, String replacedBy) {
    }

    /** Up to {@code limit} versions, newest first, strictly after the keyset (replacedAt, versionId) when given. */
    public Uni<List<Version>> versions(String tenantId, UUID payerId, Instant beforeReplacedAt, UUID beforeId, int limit) {
        String sql = "select id, " + VERSIONED + ", replaced_at, replaced_by from payer_version "
                + "where tenant_id = ?1 and payer_id = ?2"
                + (beforeReplacedAt == null ? "" : " and (replaced_at, id) < (?3, ?4)")
                + " order by replaced_at desc, id desc limit " + limit;
        return Panache.getSession().chain(s -> {
                    var q = s.createNativeQuery(sql, Object[].class).setParameter(1, tenantId).setParameter(2, payerId);
                    if (beforeReplacedAt != null) {
                        q.setParameter(3, OffsetDateTime.ofInstant(beforeReplacedAt, ZoneOffset.UTC)).setParameter(4, beforeId);
                    }
                    return q.getResultList();
                })
                .chain(rows -> findForTenant(tenantId, payerId).map(current -> rows.stream().map(r -> {
                    PayerEntity e = new PayerEntity();
                    e.id = payerId;
                    e.tenantId = tenantId;
                    e.taxId = current.taxId().formatted();
                    e.name = (String) r[1];
                    e.email = (String) r[2];
                    e.mobile = (String) r[3];
                    e.state = (String) r[4];
                    e.whatsapp = (String) r[5];
                    e.addressStreet = (String) r[6];
                    e.addressNumber = (String) r[7];
                    e.addressComplement = (String) r[8];
                    e.addressDistrict = (String) r[9];
                    e.addressCity = (String) r[10];
                    e.addressState = (String) r[11];
                    e.addressPostalCode = (String) r[12];
                    e.optedOutChannels = (String) r[13];
                    e.whatsappOptInAt = r[14] == null ? null : toInstant(r[14]);
                    e.whatsappOptInHow = (String) r[15];
                    e.whatsappOptInReference = (String) r[16];
                    e.responsibleName = (String) r[17];
                    e.responsibleTaxId = (String) r[18];
                    e.responsibleEmail = (String) r[19];
                    e.responsibleMobile = (String) r[20];
                    e.tags = (String) r[21];
                    return new Version((UUID) r[0], toDomain(e), toInstant(r[22]), (String) r[23]);
                }).toList()));
    }

    private static void copy(Payer p, PayerEntity e) {
        e.name = p.name();
        e.email = p.email();
        e.mobile = p.mobile();
        e.state = p.state();
        e.whatsapp = p.whatsapp();
        Address a = p.address();
        e.addressStreet = a == null ? null : a.street();
        e.addressNumber = a == null ? null : a.number();
        e.addressComplement = a == null ? null : a.complement();
        e.addressDistrict = a == null ? null : a.district();
        e.addressCity = a == null ? null : a.city();
        e.addressState = a == null ? null : a.state();
        e.addressPostalCode = a == null ? null : a.postalCode();
        e.optedOutChannels = p.consent().optedOutInOrder().stream().map(Enum::name).collect(Collectors.joining(","));
        Consent.WhatsappOptIn optIn = p.consent().whatsappOptIn();
        e.whatsappOptInAt = optIn == null ? null : optIn.at();
        e.whatsappOptInHow = optIn == null ? null : optIn.how().name();
        e.whatsappOptInReference = optIn == null ? null : optIn.reference();
        Responsible r = p.responsible();
        e.responsibleName = r == null ? null : r.name();
        e.responsibleTaxId = r == null ? null : r.cpf().formatted();
        e.responsibleEmail = r == null ? null : r.email();
        e.responsibleMobile = r == null ? null : r.mobile();
        e.tags = String.join(",", p.tags());
    }

    private static Instant toInstant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value);
    }

    static Payer toDomain(PayerEntity e) {
        Address address = e.addressStreet == null ? null : new Address(e.addressStreet, e.addressNumber,
                e.addressComplement, e.addressDistrict, e.addressCity, e.addressState, e.addressPostalCode);
        Set<Channel> optedOut = e.optedOutChannels == null || e.optedOutChannels.isEmpty() ? Set.of()
                : Arrays.stream(e.optedOutChannels.split(",")).map(Channel::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
        Consent.WhatsappOptIn optIn = e.whatsappOptInAt == null ? null
                : new Consent.WhatsappOptIn(e.whatsappOptInAt, OptInMethod.valueOf(e.whatsappOptInHow), e.whatsappOptInReference);
        Responsible responsible = e.responsibleName == null ? null
                : new Responsible(e.responsibleName, Cpf.parse(e.responsibleTaxId), e.responsibleEmail, e.responsibleMobile);
        List<String> tags = e.tags == null || e.tags.isEmpty() ? List.of() : List.of(e.tags.split(","));
        return new Payer(e.id, e.tenantId, e.name, TaxId.parse(e.taxId), e.email, e.mobile, e.state, e.whatsapp, address,
                new Consent(optedOut, optIn), responsible, tags);
    }
}
