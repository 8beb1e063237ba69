package dev.regua.dunning.regua.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

@Entity
@Table(name = "scheduled_step")
public class ScheduledStepEntity {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "payer_id")
    public UUID payerId;
    @Column(name = "installment_id")
    public UUID installmentId;
    @Column(name = "step_code")
    public String stepCode;
    @Column(name = "effective_local")
    public LocalDateTime effectiveLocal;
    @Column(name = "not_after_local")
    public LocalDateTime notAfterLocal;
    /** PENDING, EXECUTED, SKIPPED or CANCELLED. */
    public String status;
    public String outcome;
    @Column(name = "policy_code")
    public String policyCode;
    @Column(name = "policy_version")
    public Integer policyVersion;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "executed_at")
    public Instant executedAt;
}
