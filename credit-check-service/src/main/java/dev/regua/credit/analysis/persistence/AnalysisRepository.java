package dev.regua.credit.analysis.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Analyses, the consultation audit, cached bureau answers, the payer lookup by tax id; every query names the tenant. */
@ApplicationScoped
public class AnalysisRepository {

    /** A cached bureau answer. */
    public record CachedReport(int score, int restrictions, BigDecimal restrictedAmount, Instant fetchedAt) {
    }

    public Uni<CachedReport> cachedReport(String tenantId, String bureau, String taxId, Instant notBefore) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select score, restrictions, restricted_amount, fetched_at "
                        + "from bureau_report_cache where tenant_id = ?1 and bureau = ?2 and tax_id = ?3 and fetched_at >= ?4", Object[].class)
                .setParameter(1, tenantId).setParameter(2, bureau).setParameter(3, taxId)
                .setParameter(4, OffsetDateTime.ofInstant(notBefore, ZoneOffset.UTC)).getResultList())
                .map(rows -> rows.isEmpty() ? null : new CachedReport(((Number) rows.get(0)[0]).intValue(),
                        ((Number) rows.get(0)[1]).intValue(), (BigDecimal) rows.get(0)[2], toInstant(rows.get(0)[3])));
    }

    public Uni<Void> cacheReport(String tenantId, String bureau, String taxId, int score, int restrictions, BigDecimal restricted, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into bureau_report_cache "
                        + "(tenant_id, bureau, tax_id, score, restrictions, restricted_amount, fetched_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                        + "on conflict (tenant_id, bureau, tax_id) do update set score = excluded.score, restrictions = excluded.restrictions, "
                        + "restricted_amount = excluded.restricted_amount, fetched_at = excluded.fetched_at")
                .setParameter(1, tenantId).setParameter(2, bureau).setParameter(3, taxId).setParameter(4, score)
                .setParameter(5, restrictions).setParameter(6, restricted).setParameter(7, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    /** The tenant's payer with this tax id (digits only), if billing registered one. */
    public Uni<UUID> payerByTaxId(String tenantId, String taxIdDigits) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select payer_id from payer_profile where tenant_id = ?1 "
                        + "and tax_id = ?2 order by updated_at desc limit 1", UUID.class)
                .setParameter(1, tenantId).setParameter(2, taxIdDigits).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Agreements of the payer: [all, broken]. */
    public Uni<int[]> agreements(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select count(*), count(*) filter (where status = 'BROKEN') "
                        + "from payer_agreement where tenant_id = ?1 and payer_id = ?2", Object[].class)
                .setParameter(1, tenantId).setParameter(2, payerId).getSingleResult())
                .map(row -> new int[] {((Number) row[0]).intValue(), ((Number) row[1]).intValue()});
    }

    public Uni<CreditAnalysisEntity> analysis(String tenantId, UUID id) {
        return Panache.getSession().chain(s -> s.createQuery("from CreditAnalysisEntity where tenantId = ?1 and id = ?2", CreditAnalysisEntity.class)
                .setParameter(1, tenantId).setParameter(2, id).getSingleResultOrNull());
    }

    public Uni<List<CreditAnalysisEntity>> analyses(String tenantId, String taxIdDigits, int limit) {
        String hql = "from CreditAnalysisEntity where tenantId = ?1" + (taxIdDigits == null ? "" : " and taxId = ?2") + " order by decidedAt desc";
        return Panache.getSession().chain(s -> {
            var q = s.createQuery(hql, CreditAnalysisEntity.class).setParameter(1, tenantId);
            if (taxIdDigits != null) {
                q.setParameter(2, taxIdDigits);
            }
            return q.setMaxResults(limit).getResultList();
        });
    }

    public Uni<List<CreditConsultationEntity>> consultations(String tenantId, String taxIdDigits, int limit) {
        String hql = "from CreditConsultationEntity where tenantId = ?1" + (taxIdDigits == null ? "" : " and taxId = ?2") + " order by consultedAt desc";
        return Panache.getSession().chain(s -> {
            var q = s.createQuery(hql, CreditConsultationEntity.class).setParameter(1, tenantId);
            if (taxIdDigits != null) {
                q.setParameter(2, taxIdDigits);
            }
            return q.setMaxResults(limit).getResultList();
        });
    }

    /** The latest APPROVED or APPROVED_WITH_LOWER_LIMIT analysis of this tax id in the tenant. */
    public Uni<CreditAnalysisEntity> latestApproved(String tenantId, String taxIdDigits) {
        return Panache.getSession().chain(s -> s.createQuery("from CreditAnalysisEntity where tenantId = ?1 and taxId = ?2 "
                        + "and decision in ('APPROVED', 'APPROVED_WITH_LOWER_LIMIT') order by decidedAt desc", CreditAnalysisEntity.class)
                .setParameter(1, tenantId).setParameter(2, taxIdDigits).setMaxResults(1).getResultList())
                .map(list -> list.isEmpty() ? null : list.get(0));
    }

    /** The payer's tax id as billing registered it. */
    public Uni<String> taxIdOfPayer(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select tax_id from payer_profile where tenant_id = ?1 and payer_id = ?2", String.class)
                .setParameter(1, tenantId).setParameter(2, payerId).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    public Uni<CreditPolicyEntity> policy(String tenantId) {
        return Panache.getSession().chain(s -> s.find(CreditPolicyEntity.class, tenantId));
    }

    public Uni<Void> persist(Object entity) {
        return Panache.getSession().chain(s -> s.persist(entity));
    }

    private static Instant toInstant(Object value) {
        return switch (value) {
            case OffsetDateTime o -> o.toInstant();
            case java.time.LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
            case Instant i -> i;
            default -> Instant.parse(value.toString());
        };
    }
}
