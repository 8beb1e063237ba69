package dev.regua.billing.agreement.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
@Table(name = "renegotiation_policy")
public class RenegotiationPolicyEntity {
    @Id
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "max_installments")
    public int maxInstallments;
    @Column(name = "min_down_payment_percent")
    public BigDecimal minDownPaymentPercent;
    @Column(name = "fine_discount_percent")
    public BigDecimal fineDiscountPercent;
    @Column(name = "interest_discount_percent")
    public BigDecimal interestDiscountPercent;
    @Column(name = "down_payment_days")
    public int downPaymentDays;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
