package dev.regua.credit.tenant.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** credit-check's copy of billing's tenant profile: zone, state and city for dates and the bank calendar. */
@Entity
@Table(name = "tenant_profile")
public class TenantProfileEntity {
    @Id
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "legal_name")
    public String legalName;
    @Column(name = "time_zone")
    public String timeZone;
    public String state;
    @Column(name = "city_ibge_code")
    public String cityIbgeCode;
    /** The last {@code tenant-profile.updated} payload as JSON (the calendar is rebuilt from it). */
    public String profile;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
