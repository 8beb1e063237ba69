package dev.regua.credit.negativation.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A call to make to a bureau (NOTICE, REGISTER, REMOVE), retried from this row until the bureau answers. */
@Entity
@Table(name = "bureau_attempt")
public class BureauAttemptEntity {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "negativation_id")
    public UUID negativationId;
    public String operation;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "completed_at")
    public Instant completedAt;
}
