package dev.regua.billing.receivable.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "contract")
public class ContractEntity {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "payer_id")
    public UUID payerId;
    public String kind;
    public String description;
    @Column(name = "total_amount")
    public BigDecimal totalAmount;
    public String currency;
    @Column(name = "installment_count")
    public int installmentCount;
    @Column(name = "fine_percent")
    public BigDecimal finePercent;
    @Column(name = "monthly_interest_percent")
    public BigDecimal monthlyInterestPercent;
    @Column(name = "grace_days")
    public int graceDays;
    @Column(name = "punctuality_discount_percent")
    public BigDecimal punctualityDiscountPercent;
    @Column(name = "punctuality_discount_days")
    public Integer punctualityDiscountDays;
    public String status;
    /** Monthly fees only: the due day, the first and last month (first day of each), generated through (month). */
    @Column(name = "due_day")
    public Integer dueDay;
    @Column(name = "start_month")
    public java.time.LocalDate startMonth;
    @Column(name = "end_month")
    public java.time.LocalDate endMonth;
    @Column(name = "generated_through")
    public java.time.LocalDate generatedThrough;
    @Column(name = "created_at")
    public Instant createdAt;
    public String segment;
    @Column(name = "signed_on")
    public java.time.LocalDate signedOn;
    @Column(name = "evidence_ref")
    public String evidenceRef;
    @Column(name = "activated_on")
    public java.time.LocalDate activatedOn;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "status_changed_on")
    public java.time.LocalDate statusChangedOn;
    @Column(name = "down_payment")
    public BigDecimal downPayment;
}
