package dev.regua.billing.tenant.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A city holiday a tenant listed: yearly on {@code monthDay} (MM-DD) or once {@code onDate}. */
@Entity
@Table(name = "tenant_holiday")
public class TenantHolidayEntity {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "month_day")
    public String monthDay;
    @Column(name = "on_date")
    public LocalDate onDate;
    public String name;
}
