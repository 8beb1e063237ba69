package dev.regua.billing.agreement.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "agreement")
public class AgreementEntity {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "payer_id")
    public UUID payerId;
    @Column(name = "contract_id")
    public UUID contractId;
    /** ACTIVE, PAID or BROKEN. */
    public String status;
    @Column(name = "original_debt")
    public BigDecimal originalDebt;
    public BigDecimal discount;
    public BigDecimal total;
    @Column(name = "down_payment")
    public BigDecimal downPayment;
    @Column(name = "installment_count")
    public int installmentCount;
    @Column(name = "down_payment_deadline")
    public LocalDate downPaymentDeadline;
    @Column(name = "down_payment_confirmed")
    public boolean downPaymentConfirmed;
    @Column(name = "created_on")
    public LocalDate createdOn;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Column(name = "created_at")
    public Instant createdAt;
}
