package dev.regua.credit.analysis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "credit_analysis")
public class CreditAnalysisEntity {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "payer_id")
    public UUID payerId;
    @Column(name = "tax_id")
    public String taxId;
    public BigDecimal amount;
    public int installments;
    public String purpose;
    public String decision;
    @Column(name = "approved_limit")
    public BigDecimal approvedLimit;
    /** One reason per line. */
    public String reasons;
    public String bureau;
    public Integer score;
    @Column(name = "restricted_amount")
    public BigDecimal restrictedAmount;
    @Column(name = "amount_overdue")
    public BigDecimal amountOverdue;
    @Column(name = "on_time_share")
    public BigDecimal onTimeShare;
    @Column(name = "broken_agreements")
    public int brokenAgreements;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
}
