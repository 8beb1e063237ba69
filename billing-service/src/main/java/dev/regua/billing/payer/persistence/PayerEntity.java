package dev.regua.billing.payer.persistence;

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
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    public String name;
    @Column(name = "tax_id")
    public String taxId;
    public String email;
    public String mobile;
    public String state;
    @Column(name = "created_at")
    public Instant createdAt;
}
