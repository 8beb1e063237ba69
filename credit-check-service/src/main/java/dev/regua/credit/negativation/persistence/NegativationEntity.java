package dev.regua.credit.negativation.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "negativation")
public class NegativationEntity {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "payer_id")
    public UUID payerId;
    @Column(name = "case_id")
    public String caseId;
    public String bureau;
    public String state;
    public String reason;
    @Column(name = "debtor_name")
    public String debtorName;
    @Column(name = "debtor_tax_id")
    public String debtorTaxId;
    @Column(name = "debtor_street")
    public String debtorStreet;
    @Column(name = "debtor_number")
    public String debtorNumber;
    @Column(name = "debtor_complement")
    public String debtorComplement;
    @Column(name = "debtor_district")
    public String debtorDistrict;
    @Column(name = "debtor_city")
    public String debtorCity;
    @Column(name = "debtor_state")
    public String debtorState;
    @Column(name = "debtor_postal_code")
    public String debtorPostalCode;
    @Column(name = "creditor_name")
    public String creditorName;
    @Column(name = "creditor_cnpj")
    public String creditorCnpj;
    public BigDecimal amount;
    public String currency;
    @Column(name = "oldest_due_date")
    public LocalDate oldestDueDate;
    @Column(name = "notice_protocol")
    public String noticeProtocol;
    @Column(name = "notice_tracking_code")
    public String noticeTrackingCode;
    @Column(name = "notice_sent_at")
    public Instant noticeSentAt;
    @Column(name = "notice_sent_on")
    public LocalDate noticeSentOn;
    @Column(name = "registration_protocol")
    public String registrationProtocol;
    @Column(name = "registered_at")
    public Instant registeredAt;
    @Column(name = "removal_reason")
    public String removalReason;
    @Column(name = "removal_requested_at")
    public Instant removalRequestedAt;
    @Column(name = "removal_deadline")
    public LocalDate removalDeadline;
    @Column(name = "removed_at")
    public Instant removedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Optimistic locking: concurrent changes of one row do not overwrite each other silently. */
    @Version
    public int version;
}
