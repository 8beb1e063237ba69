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
    public String whatsapp;
    @Column(name = "address_street")
    public String addressStreet;
    @Column(name = "address_number")
    public String addressNumber;
    @Column(name = "address_complement")
    public String addressComplement;
    @Column(name = "address_district")
    public String addressDistrict;
    @Column(name = "address_city")
    public String addressCity;
    @Column(name = "address_state")
    public String addressState;
    @Column(name = "address_postal_code")
    public String addressPostalCode;
    /** Comma-separated channel names, e.g. "EMAIL,SMS"; empty when none. */
    @Column(name = "opted_out_channels")
    public String optedOutChannels;
    @Column(name = "whatsapp_opt_in_at")
    public Instant whatsappOptInAt;
    @Column(name = "whatsapp_opt_in_how")
    public String whatsappOptInHow;
    @Column(name = "whatsapp_opt_in_reference")
    public String whatsappOptInReference;
    @Column(name = "responsible_name")
    public String responsibleName;
    @Column(name = "responsible_tax_id")
    public String responsibleTaxId;
    @Column(name = "responsible_email")
    public String responsibleEmail;
    @Column(name = "responsible_mobile")
    public String responsibleMobile;
    /** Comma-separated tags (a tag never contains a comma); empty when none. */
    public String tags;
    /** Registration order, assigned by the database; the payer list's sort key. */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;
    @Column(name = "created_at")
    public Instant createdAt;
}
