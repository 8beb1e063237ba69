package dev.regua.dunning.regua.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "installment_fact")
public class InstallmentFactEntity {
    @Id
    @Column(name = "installment_id")
    public UUID installmentId;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "payer_id")
    public UUID payerId;
    @Column(name = "contract_id")
    public UUID contractId;
    public int number;
    public int count;
    public BigDecimal nominal;
    @Column(name = "original_due_date")
    public LocalDate originalDueDate;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "fine_percent")
    public BigDecimal finePercent;
    @Column(name = "monthly_interest_percent")
    public BigDecimal monthlyInterestPercent;
    @Column(name = "grace_days")
    public int graceDays;
    /** The punctuality discount's percent and last day, both null when the installment has none. */
    @Column(name = "punctuality_discount_percent")
    public BigDecimal punctualityDiscountPercent;
    @Column(name = "punctuality_discount_until")
    public LocalDate punctualityDiscountUntil;
    public String status;
    @Column(name = "paid_amount")
    public BigDecimal paidAmount;
    @Column(name = "overdue_since")
    public LocalDate overdueSince;
    @Column(name = "paid_on")
    public LocalDate paidOn;
    @Column(name = "agreement_id")
    public UUID agreementId;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
