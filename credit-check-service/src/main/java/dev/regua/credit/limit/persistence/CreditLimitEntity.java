package dev.regua.credit.limit.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The limit a tenant's staff set for a payer (one per tenant and payer). */
@Entity
@Table(name = "credit_limit")
public class CreditLimitEntity {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "payer_id")
    public UUID payerId;
    public BigDecimal amount;
    public String reason;
    @Column(name = "set_by")
    public String setBy;
    @Column(name = "set_at")
    public Instant setAt;
    /** Optimistic locking: two staff changing one limit at once do not overwrite each other silently. */
    @Version
    public int version;
}
