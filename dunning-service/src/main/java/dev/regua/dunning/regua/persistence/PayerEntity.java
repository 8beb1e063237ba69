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
    @Column(name = "tax_id")
    public String taxId;
    public String whatsapp;
    /** The postal address as JSON (the contract's Address). */
    public String address;
    /** Comma-separated tags. */
    public String tags = "";
    /** Comma-separated channels the payer opted out of. */
    @Column(name = "opted_out_channels")
    public String optedOutChannels = "";
    @Column(name = "whatsapp_opt_in")
    public boolean whatsappOptIn;
    @Column(name = "responsible_name")
    public String responsibleName;
    @Column(name = "responsible_email")
    public String responsibleEmail;
    @Column(name = "responsible_mobile")
    public String responsibleMobile;
    @Column(name = "broken_promises")
    public int brokenPromises;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
