package dev.regua.dunning.regua.application;

import dev.regua.dunning.regua.persistence.CaseEntity;
import dev.regua.dunning.regua.persistence.CaseRepository;
import dev.regua.dunning.regua.persistence.DunningRepository;
import dev.regua.dunning.regua.persistence.StaffTaskEntity;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Staff work on a case besides what the steps create: a call or a visit planned by hand for a collector and a day
 * (it appears on the agenda from that day), and the outcome of a call or visit — a promise to pay made on the call
 * is recorded exactly as the promise endpoint records it, in the same transaction. Runs inside the caller's
 * transaction.
 */
@ApplicationScoped
public class StaffTasks {
    public static final String PROMISED_TO_PAY = "PROMISED_TO_PAY";
    private final Cases cases;
    private final Promises promises;
    private final CaseRepository repository;
    private final DunningRepository dunning;
    private final Clock clock;

    public StaffTasks(Cases cases, Promises promises, CaseRepository repository, DunningRepository dunning, Clock clock) {
        this.cases = cases;
        this.promises = promises;
        this.repository = repository;
        this.dunning = dunning;
        this.clock = clock;
    }

    /** Plans a call or visit on an open or paused case; the collector defaults to the case's. */
    public Uni<StaffTaskEntity> create(String tenantId, UUID caseId, String kind, LocalDate dueOn, String collector, String note,
                                       String actor) {
        return cases.get(tenantId, caseId).chain(c -> dunning.tenant(tenantId).chain(tenant -> {
            if ("CLOSED".equals(c.state)) {
                throw new BusinessRuleException("case-closed", "a closed case takes no new tasks");
            }
            LocalDate today = LocalDate.now(clock.withZone(Cases.zone(tenant)));
            if (dueOn.isBefore(today)) {
                throw new InvalidInputException("dueOn", "must not be in the past (today is " + today + ")");
            }
            StaffTaskEntity t = new StaffTaskEntity();
            t.id = UUID.randomUUID();
            t.tenantId = tenantId;
            t.caseId = c.id;
            t.payerId = c.payerId;
            t.stepCode = "manual-" + t.id;
            t.kind = kind;
            t.dueOn = dueOn;
            t.assignedTo = collector != null && !collector.isBlank() ? collector : c.collector;
            t.status = "OPEN";
            t.note = note;
            t.createdBy = actor;
            t.createdAt = clock.instant();
            return repository.createTask(t)
                    .chain(() -> cases.timeline(c, t.createdAt, "TASK_CREATED", kind.toLowerCase() + " task for "
                            + (t.assignedTo == null ? "the team" : t.assignedTo) + " on " + dueOn
                            + (note == null || note.isBlank() ? "" : ": " + note), t.id.toString(), actor, "task:" + t.id))
                    .replaceWith(t);
        }));
    }

    public Uni<List<StaffTaskEntity>> ofCase(String tenantId, UUID caseId) {
        return cases.get(tenantId, caseId).chain(c -> repository.tasksOfCase(tenantId, caseId));
    }

    /**
     * The outcome of a call or visit (closing the task it answers, when given). PROMISED_TO_PAY records the promise
     * (date and amount) with the same rules as the promise endpoint: not in the past, within the allowed days, one
     * open promise per payer.
     */
    public Uni<Void> outcome(String tenantId, UUID caseId, UUID taskId, String outcome, String note, LocalDate promisedDate,
                             BigDecimal amount, String actor) {
        return cases.get(tenantId, caseId).chain(c -> promise(c, outcome, promisedDate, amount, actor)
                .chain(() -> cases.callOutcome(tenantId, caseId, taskId, outcome, note, actor)));
    }

    private Uni<Void> promise(CaseEntity c, String outcome, LocalDate promisedDate, BigDecimal amount, String actor) {
        if (!PROMISED_TO_PAY.equals(outcome)) {
            return Uni.createFrom().voidItem();
        }
        return promises.record(c.tenantId, c.payerId, promisedDate, amount, actor).replaceWithVoid();
    }
}
