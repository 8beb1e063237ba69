package dev.regua.dunning.regua.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A staff task (a call, a visit) on a case: created by a step or by staff ({@code step_code} manual-&lt;id&gt;). */
@Entity
@Table(name = "staff_task")
public class StaffTaskEntity {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "payer_id")
    public UUID payerId;
    @Column(name = "step_code")
    public String stepCode;
    /** CALL or VISIT. */
    public String kind;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @Column(name = "assigned_to")
    public String assignedTo;
    /** OPEN or DONE. */
    public String status;
    public String outcome;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "done_at")
    public Instant doneAt;
    /** What the task is for (manual tasks). */
    public String note;
    /** Who created it: {@code system} for a step, else the staff member. */
    @Column(name = "created_by")
    public String createdBy;

    public boolean manual() {
        return stepCode != null && stepCode.startsWith("manual-");
    }
}
