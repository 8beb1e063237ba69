package dev.regua.credit.analysis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
@Table(name = "credit_policy")
public class CreditPolicyEntity {
    @Id
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "deny_below_score")
    public int denyBelowScore;
    @Column(name = "review_below_score")
    public int reviewBelowScore;
    @Column(name = "max_restricted_amount")
    public BigDecimal maxRestrictedAmount;
    @Column(name = "max_overdue_with_tenant")
    public BigDecimal maxOverdueWithTenant;
    @Column(name = "min_on_time_share")
    public BigDecimal minOnTimeShare;
    @Column(name = "max_installments")
    public int maxInstallments;
    @Column(name = "limit_per_thousand_score")
    public BigDecimal limitPerThousandScore;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
