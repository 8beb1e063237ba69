package dev.regua.dunning.regua.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A collection case: one open per payer, grouping their overdue installments. */
@Entity
@Table(name = "dunning_case")
public class CaseEntity {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "payer_id")
    public UUID payerId;
    /** OPEN, PAUSED or CLOSED. */
    public String state;
    @Column(name = "policy_code")
    public String policyCode;
    @Column(name = "policy_version")
    public int policyVersion;
    @Column(name = "current_step")
    public String currentStep;
    public String collector;
    @Column(name = "manual_pause")
    public boolean manualPause;
    @Column(name = "pause_reason")
    public String pauseReason;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "opened_on")
    public LocalDate openedOn;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "close_reason")
    public String closeReason;
    @Column(name = "notice_requested_on")
    public LocalDate noticeRequestedOn;
    /** null, REGISTER_REQUESTED, REGISTERED, REMOVAL_REQUESTED or REMOVED. */
    @Column(name = "bureau_state")
    public String bureauState;
    /** Comma-separated installment ids the registration covers. */
    @Column(name = "bureau_installments")
    public String bureauInstallments;
    @Column(name = "protest_state")
    public String protestState;
    @Column(name = "restriction_kind")
    public String restrictionKind;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
