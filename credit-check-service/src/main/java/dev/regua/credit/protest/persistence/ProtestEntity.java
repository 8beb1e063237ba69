package dev.regua.credit.protest.persistence;

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
@Table(name = "protest")
public class ProtestEntity {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "payer_id")
    public UUID payerId;
    @Column(name = "case_id")
    public String caseId;
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
    @Column(name = "oldest_due_date")
    public LocalDate oldestDueDate;
    /** Comma-separated installment ids. */
    @Column(name = "installment_ids")
    public String installmentIds;
    @Column(name = "contract_id")
    public String contractId;
    @Column(name = "notary_office")
    public String notaryOffice;
    public String protocol;
    /** The day the notary registered the title and notified the debtor (apontamento, intimação). */
    @Column(name = "notified_on")
    public LocalDate notifiedOn;
    /** The debtor's last day to pay at the notary office before the protest (3 business days, Lei 9.492/1997). */
    @Column(name = "payment_deadline")
    public LocalDate paymentDeadline;
    @Column(name = "protested_at")
    public Instant protestedAt;
    @Column(name = "protested_on")
    public LocalDate protestedOn;
    @Column(name = "consent_letter")
    public String consentLetter;
    @Column(name = "consent_issued_at")
    public Instant consentIssuedAt;
    @Column(name = "cancellation_requested")
    public boolean cancellationRequested;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Optimistic locking: concurrent changes of one row do not overwrite each other silently. */
    @Version
    public int version;
}
