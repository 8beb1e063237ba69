package dev.regua.notification.webhook.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One HTTP request made for a delivery: the delivery log. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttemptEntity {
    @Id
    public UUID id;
    @Column(name = "delivery_id")
    public UUID deliveryId;
    @Column(name = "tenant_id")
    public String tenantId;
    public int number;
    /** SCHEDULED or REPLAY. */
    public String trigger;
    @Column(name = "attempted_at")
    public Instant attemptedAt;
    @Column(name = "webhook_timestamp")
    public long webhookTimestamp;
    @Column(name = "status_code")
    public Integer statusCode;
    @Column(name = "latency_ms")
    public long latencyMs;
    public String error;
    @Column(name = "response_snippet")
    public String responseSnippet;
    /** When the next attempt was scheduled after this one failed; null when none was. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
}
