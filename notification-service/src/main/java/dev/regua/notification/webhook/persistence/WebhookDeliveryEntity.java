package dev.regua.notification.webhook.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "webhook_delivery")
public class WebhookDeliveryEntity {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "endpoint_id")
    public UUID endpointId;
    /** The event's CloudEvents id: the {@code webhook-id} of every attempt. */
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "event_type")
    public String eventType;
    /** The exact bytes sent and signed on every attempt. */
    public String body;
    public String status;
    public int attempts;
    /** The attempt number after which a failure is final (eleven; a replay allows one more). */
    @Column(name = "final_attempt")
    public int finalAttempt;
    @Column(name = "replay_pending")
    public boolean replayPending;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "created_at")
    public Instant createdAt;
}
