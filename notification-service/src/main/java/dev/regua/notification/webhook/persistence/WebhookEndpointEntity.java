package dev.regua.notification.webhook.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpointEntity {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    public String url;
    public String description;
    /** Subscribed types and wildcards, space-separated. */
    @Column(name = "event_types")
    public String eventTypes;
    public boolean enabled;
    @Column(name = "disabled_reason")
    public String disabledReason;
    @Column(name = "disabled_at")
    public Instant disabledAt;
    /** AES-GCM ciphertext of the current {@code whsec_…} secret. */
    @Column(name = "secret_ciphertext")
    public String secretCiphertext;
    /** The secret before the last rotation, still signing until {@link #previousSecretExpiresAt}. */
    @Column(name = "previous_secret_ciphertext")
    public String previousSecretCiphertext;
    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;
    @Column(name = "consecutive_failures")
    public int consecutiveFailures;
    @Column(name = "failing_since")
    public Instant failingSince;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> eventTypeList() {
        return eventTypes == null || eventTypes.isBlank() ? List.of() : Arrays.asList(eventTypes.split(" "));
    }
}
