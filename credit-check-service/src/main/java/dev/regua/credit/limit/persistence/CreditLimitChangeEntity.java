package dev.regua.credit.limit.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One change of a managed limit: from what, to what (null: cleared), why, by whom, when. */
@Entity
@Table(name = "credit_limit_change")
public class CreditLimitChangeEntity {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "payer_id")
    public UUID payerId;
    @Column(name = "previous_amount")
    public BigDecimal previousAmount;
    public BigDecimal amount;
    public String reason;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public Instant changedAt;
}
