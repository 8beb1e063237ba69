package dev.regua.billing.receivable.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "payment")
public class PaymentEntity {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "installment_id")
    public UUID installmentId;
    @Column(name = "payer_id")
    public UUID payerId;
    public BigDecimal amount;
    public String currency;
    public String method;
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "paid_on")
    public LocalDate paidOn;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "reversed_on")
    public LocalDate reversedOn;
    @Column(name = "reversal_reason")
    public String reversalReason;
    /** What reversals took back so far (the whole amount once {@code reversedOn} is set). */
    @Column(name = "reversed_amount")
    public BigDecimal reversedAmount = BigDecimal.ZERO.setScale(2);
}
