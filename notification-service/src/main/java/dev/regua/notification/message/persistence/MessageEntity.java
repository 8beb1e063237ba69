package dev.regua.notification.message.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "message")
public class MessageEntity {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "payer_id")
    public UUID payerId;
    @Column(name = "installment_id")
    public UUID installmentId;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "step_code")
    public String stepCode;
    public String channel;
    public String template;
    public String recipient;
    /** The command as received (JSON), rendered when the message is sent. */
    public String command;
    public String status;
    public int attempts;
    @Column(name = "not_before")
    public Instant notBefore;
    @Column(name = "not_after")
    public Instant notAfter;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
}
