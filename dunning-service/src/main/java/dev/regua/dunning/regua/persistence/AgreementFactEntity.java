package dev.regua.dunning.regua.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An agreement (acordo) as billing reported it: CREATED, then PAID or BROKEN. */
@Entity
@Table(name = "agreement_fact")
public class AgreementFactEntity {
    @Id
    @Column(name = "agreement_id")
    public UUID agreementId;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "payer_id")
    public UUID payerId;
    @Column(name = "contract_id")
    public UUID contractId;
    public String status;
    /** Comma-separated ids of the installments the agreement replaced. */
    @Column(name = "original_ids")
    public String originalIds = "";
    public BigDecimal total;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
