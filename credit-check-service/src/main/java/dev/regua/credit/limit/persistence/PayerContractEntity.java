package dev.regua.credit.limit.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A payer's contract (plan) from billing's contract.activated / suspended / cancelled events. */
@Entity
@Table(name = "payer_contract")
public class PayerContractEntity {
    @Id
    @Column(name = "contract_id")
    public String contractId;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "payer_id")
    public UUID payerId;
    public String kind;
    /** ACTIVE, SUSPENDED or CANCELLED. */
    public String status;
    public BigDecimal total;
    @Column(name = "installment_count")
    public int installmentCount;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
