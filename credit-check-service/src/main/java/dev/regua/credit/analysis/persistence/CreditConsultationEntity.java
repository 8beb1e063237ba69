package dev.regua.credit.analysis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** LGPD audit: one row per use of a person's credit data (a bureau call or a cached answer). */
@Entity
@Table(name = "credit_consultation")
public class CreditConsultationEntity {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "tax_id")
    public String taxId;
    public String bureau;
    /** BUREAU (a call was made), CACHE (a recent answer was reused) or FAILED (the bureau did not answer). */
    public String source;
    public String purpose;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "analysis_id")
    public UUID analysisId;
    @Column(name = "consulted_at")
    public Instant consultedAt;
}
