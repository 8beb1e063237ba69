package dev.regua.credit.history.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "payer_installment")
public class PayerInstallmentEntity {
    @Id
    @Column(name = "installment_id")
    public UUID installmentId;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "payer_id")
    public UUID payerId;
    public BigDecimal nominal;
    @Column(name = "due_date")
    public LocalDate dueDate;
    public String status;
    @Column(name = "overdue_since")
    public LocalDate overdueSince;
    @Column(name = "paid_on")
    public LocalDate paidOn;
    /** The contract (plan) the installment belongs to, as billing named it. */
    @Column(name = "contract_id")
    public String contractId;
    /** What was paid so far (partial payments included), from the installment's latest event. */
    @Column(name = "paid_amount")
    public BigDecimal paidAmount = BigDecimal.ZERO;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
