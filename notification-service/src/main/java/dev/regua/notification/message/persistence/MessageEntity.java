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
    /** The channels the command allows, in fallback order, comma-separated; {@link #channel} is the current one. */
    public String channels;
    @Column(name = "channel_index")
    public int channelIndex;
    public String provider;
    @Column(name = "provider_message_id")
    public String providerMessageId;
    @Column(name = "payer_state")
    public String payerState;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "read_at")
    public Instant readAt;
    @Column(name = "dead_lettered_at")
    public Instant deadLetteredAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** The reference of a send claimed and not yet recorded (null when none is in flight). */
    @Column(name = "in_flight_ref")
    public UUID inFlightRef;
    @Column(name = "in_flight_at")
    public Instant inFlightAt;
    @Column(name = "in_flight_provider")
    public String inFlightProvider;

    public void clearInFlight() {
        inFlightRef = null;
        inFlightAt = null;
        inFlightProvider = null;
    }

    public java.util.List<String> channelList() {
        return java.util.Arrays.stream(channels.split(",")).filter(c -> !c.isBlank()).toList();
    }
}
