package dev.regua.credit.negativation.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
@Table(name = "negativation_policy")
public class NegativationPolicyEntity {
    @Id
    @Column(name = "tenant_id")
    public String tenantId;
    public String bureau;
    @Column(name = "minimum_amount")
    public BigDecimal minimumAmount;
    @Column(name = "notice_wait_days")
    public int noticeWaitDays;
    @Column(name = "notice_wait_days_sao_paulo")
    public int noticeWaitDaysSaoPaulo;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
