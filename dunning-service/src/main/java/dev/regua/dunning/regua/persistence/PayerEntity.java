package dev.regua.dunning.regua.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "payer")
public class PayerEntity {
    @Id
    @Column(name = "payer_id")
    public UUID payerId;
    @Column(name = "tenant_id")
    public String tenantId;
    public String name;
    public String email;
    public String mobile;
    public String state;
    @Column(name = "broken_promises")
    public int brokenPromises;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
