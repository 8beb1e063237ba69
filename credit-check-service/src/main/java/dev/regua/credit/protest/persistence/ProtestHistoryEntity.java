package dev.regua.credit.protest.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "protest_history")
public class ProtestHistoryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "protest_id")
    public UUID protestId;
    @Column(name = "tenant_id")
    public String tenantId;
    public String state;
    @Column(name = "previous_state")
    public String previousState;
    public String reason;
    @Column(name = "command_key")
    public String commandKey;
    @Column(name = "occurred_at")
    public Instant occurredAt;
}
