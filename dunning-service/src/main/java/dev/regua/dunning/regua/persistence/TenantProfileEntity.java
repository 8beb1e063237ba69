package dev.regua.dunning.regua.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "tenant_profile")
public class TenantProfileEntity {
    @Id
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "legal_name")
    public String legalName;
    @Column(name = "trade_name")
    public String tradeName;
    public String cnpj;
    @Column(name = "address_line")
    public String addressLine;
    @Column(name = "time_zone")
    public String timeZone;
    public String vertical;
    public String state;
    /** The state whose bank holidays the tenant's calendar counts (from the profile event). */
    @Column(name = "calendar_state")
    public String calendarState;
    /** The tenant's city holidays as the profile event carries them (JSON array), or null. */
    @Column(name = "city_holidays")
    public String cityHolidays;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
