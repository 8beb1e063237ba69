package dev.regua.billing.tenant.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "tenant")
public class TenantEntity {
    @Id
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "legal_name")
    public String legalName;
    @Column(name = "trade_name")
    public String tradeName;
    public String cnpj;
    public String street;
    public String number;
    public String complement;
    public String district;
    public String city;
    public String state;
    @Column(name = "postal_code")
    public String postalCode;
    @Column(name = "time_zone")
    public String timeZone;
    public String vertical;
    @Column(name = "fine_percent")
    public BigDecimal finePercent;
    @Column(name = "monthly_interest_percent")
    public BigDecimal monthlyInterestPercent;
    @Column(name = "grace_days")
    public int graceDays;
    @Column(name = "due_lead_days")
    public int dueLeadDays;
    /** The last business date the due/overdue sweep fully processed for this tenant. */
    @Column(name = "swept_through")
    public LocalDate sweptThrough;
    @Column(name = "holiday_state")
    public String holidayState;
    @Column(name = "holiday_city")
    public String holidayCity;
    @Column(name = "city_ibge_code")
    public String cityIbgeCode;
    @Column(name = "punctuality_discount_percent")
    public BigDecimal punctualityDiscountPercent;
    @Column(name = "punctuality_discount_days")
    public Integer punctualityDiscountDays;
    @Column(name = "remainder_policy")
    public String remainderPolicy;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
