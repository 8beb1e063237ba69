package dev.regua.dunning.regua.application;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.dunning.AgencyHandoffRequested;
import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.contract.dunning.ServiceRestrictionChanged;
import dev.regua.contract.dunning.StepExecuted;
import dev.regua.contract.dunning.WriteOffRequested;
import dev.regua.dunning.regua.domain.ContactHours;
import dev.regua.dunning.regua.domain.InstallmentFacts;
import dev.regua.dunning.regua.domain.InstallmentFacts.BillingStatus;
import dev.regua.dunning.regua.domain.PolicyStep;
import dev.regua.dunning.regua.domain.Promise;
import dev.regua.dunning.regua.domain.ReguaPolicy;
import dev.regua.dunning.regua.domain.Schedule;
import dev.regua.dunning.regua.domain.StepAction;
import dev.regua.dunning.regua.persistence.AgreementFactEntity;
import dev.regua.dunning.regua.persistence.CaseEntity;
import dev.regua.dunning.regua.persistence.CaseRepository;
import dev.regua.dunning.regua.persistence.DunningRepository;
import dev.regua.dunning.regua.persistence.InstallmentFactEntity;
import dev.regua.dunning.regua.persistence.PayerEntity;
import dev.regua.dunning.regua.persistence.PromiseEntity;
import dev.regua.dunning.regua.persistence.ScheduledStepEntity;
import dev.regua.dunning.regua.persistence.StaffTaskEntity;
import dev.regua.dunning.regua.persistence.TenantProfileEntity;
import dev.regua.support.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Executes scheduled steps whose time has come: claims due rows (SKIP LOCKED), re-checks the facts and the step's
 * conditions, and performs its action — a notification command, a staff task, a service restriction, a bureau
 * command, an agency handoff or a write-off request — with its step-executed event and timeline entry. Claim,
 * command and the step's new status commit together, so a restart loses and repeats nothing.
 */
@ApplicationScoped
public class StepRunner {
    private static final Logger LOG = Logger.getLogger(StepRunner.class);
    private final DunningRepository repository;
    private final CaseRepository caseRepository;
    private final Policies policies;
    private final Cases cases;
    private final FactsProjector projector;
    private final Commands commands;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final int batchSize;

    public StepRunner(DunningRepository repository, CaseRepository caseRepository, Policies policies, Cases cases,
                      FactsProjector projector, Commands commands, OutboxWriter outbox, Clock clock,
                      @ConfigProperty(name = "regua.dunning.batch-size", defaultValue = "100") int batchSize) {
        this.repository = repository;
        this.caseRepository = caseRepository;
        this.policies = policies;
        this.cases = cases;
        this.projector = projector;
        this.commands = commands;
        this.outbox = outbox;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Scheduled(every = "${regua.dunning.poll-interval:10s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return runDue().onFailure().invoke(e -> LOG.warn("step runner failed; it will run again", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Runs one batch of due steps; answers how many were claimed. */
    public Uni<Integer> runDue() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> repository.claimDue(now, batchSize).chain(steps -> {
            // several message steps of one installment came due together (after downtime or a clock jump): the payer
            // gets only the most advanced message, not a burst; other actions run once each, in order
            Map<UUID, ScheduledStepEntity> latestMessage = new LinkedHashMap<>();
            Map<String, ReguaPolicy> policyCache = new HashMap<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ScheduledStepEntity step : steps) {
                chain = chain.chain(() -> policyOf(step, policyCache).invoke(policy -> {
                    PolicyStep d = policy == null ? null : policy.step(step.stepCode).orElse(null);
                    if (d != null && d.action() == StepAction.SEND_MESSAGE) {
                        latestMessage.put(step.installmentId, step);
                    }
                }).replaceWithVoid());
            }
            for (ScheduledStepEntity step : steps) {
                chain = chain.chain(() -> !"PENDING".equals(step.status)
                        ? Uni.createFrom().voidItem() // settled earlier in this batch (its case moved to another policy)
                        : policyOf(step, policyCache).chain(policy -> {
                    PolicyStep d = policy == null ? null : policy.step(step.stepCode).orElse(null);
                    ScheduledStepEntity newest = latestMessage.get(step.installmentId);
                    if (d != null && d.action() == StepAction.SEND_MESSAGE && newest != null && newest != step) {
                        return finish(step, null, d, "SKIPPED", "superseded by " + newest.stepCode + ", due at the same time", now);
                    }
                    return execute(step, policy, now);
                }));
            }
            return chain.replaceWith(steps.size());
        }));
    }

    private Uni<ReguaPolicy> policyOf(ScheduledStepEntity step, Map<String, ReguaPolicy> cache) {
        String key = step.tenantId + "/" + step.policyCode;
        if (cache.containsKey(key)) {
            return Uni.createFrom().item(cache.get(key));
        }
        return policies.currentOrNull(step.tenantId, step.policyCode)
                .chain(p -> p != null ? Uni.createFrom().item(p) : repository.tenant(step.tenantId).map(t -> ReguaPolicy.defaultFor(t == null ? null : t.vertical)))
                .invoke(p -> cache.put(key, p));
    }

    /** Everything a decision needs, loaded once. */
    private record Ctx(ScheduledStepEntity step, ReguaPolicy policy, TenantProfileEntity tenant, InstallmentFactEntity installment,
                       PayerEntity payer, PromiseEntity promise, CaseEntity kase, List<InstallmentFactEntity> all,
                       List<AgreementFactEntity> agreements, ZoneId zone, LocalDateTime nowLocal, Instant now) {
        LocalDate today() {
            return nowLocal.toLocalDate();
        }
    }

    private Uni<Void> execute(ScheduledStepEntity step, ReguaPolicy policy, Instant now) {
        return repository.tenant(step.tenantId).chain(tenant -> repository.installment(step.tenantId, step.installmentId)
                .chain(installment -> repository.payer(step.tenantId, step.payerId)
                        .chain(payer -> repository.openPromise(step.tenantId, step.payerId)
                                .chain(promise -> caseRepository.openCase(step.tenantId, step.payerId)
                                        .chain(kase -> caseRepository.installmentsOfPayer(step.tenantId, step.payerId)
                                                .chain(all -> caseRepository.agreementsOfPayer(step.tenantId, step.payerId)
                                                        .chain(agreements -> {
                                                            ZoneId zone = ZoneId.of(tenant.timeZone);
                                                            return decide(new Ctx(step, policy, tenant, installment, payer, promise,
                                                                    kase, all, agreements, zone, LocalDateTime.ofInstant(now, zone), now));
                                                        })))))));
    }

    private Uni<Void> decide(Ctx c) {
        ScheduledStepEntity step = c.step();
        PolicyStep d = c.policy().step(step.stepCode).orElse(null);
        if (d == null || !d.timed()) {
            return finish(step, c.kase(), null, "CANCELLED", "step no longer in policy " + c.policy().code() + " v" + c.policy().version(), c.now());
        }
        if (c.installment() == null || c.payer() == null) {
            LOG.debugf("step %s waits: billing facts not yet known", step.id);
            return Uni.createFrom().voidItem();
        }
        if (c.kase() != null && !"CLOSED".equals(c.kase().state)) {
            // the segment may choose another policy now (the payer's tags or punctuality, the amount, the tenant's
            // segments changed): the running case moves to it at this step
            return cases.selectNow(step.tenantId, c.tenant(), c.payer(), c.all(), c.agreements()).chain(selected ->
                    selected.code().equals(c.kase().policyCode) ? decideInPolicy(c, d) : switchPolicy(c, selected));
        }
        return decideInPolicy(c, d);
    }

    private Uni<Void> decideInPolicy(Ctx c, PolicyStep d) {
        ScheduledStepEntity step = c.step();
        if (step.policyVersion == null || step.policyVersion != c.policy().version()) {
            // the policy was edited: this running case moves to the new version at this step
            LocalDateTime planned = Schedule.plan(d, c.installment().dueDate, Calendars.of(c.tenant())).effectiveLocal();
            Integer from = step.policyVersion;
            step.policyVersion = c.policy().version();
            step.notAfterLocal = Schedule.plan(d, c.installment().dueDate, Calendars.of(c.tenant())).notAfterLocal();
            Uni<Void> moved = movedCase(c, from);
            if (planned.isAfter(c.nowLocal())) {
                step.effectiveLocal = planned;
                step.outcome = "moved to " + c.policy().code() + " v" + c.policy().version();
                return moved.chain(() -> projector.reschedule(c.installment()));
            }
            return moved.chain(() -> projector.reschedule(c.installment())).chain(() -> decideCurrent(c, d));
        }
        return decideCurrent(c, d);
    }

    /**
     * Moves the case to the policy its segment now selects: every pending step of the payer that the new policy also
     * has is re-planned under it, the others are cancelled; the new policy's steps are added — those whose moment
     * passed before the move as SKIPPED (no burst of catch-up actions), the rest pending. The claimed step runs now
     * if the new policy has it and its time has come.
     */
    private Uni<Void> switchPolicy(Ctx c, ReguaPolicy selected) {
        CaseEntity k = c.kase();
        String from = k.policyCode + " v" + k.policyVersion;
        String to = selected.code() + " v" + selected.version();
        k.policyCode = selected.code();
        k.policyVersion = selected.version();
        k.updatedAt = c.now();
        Map<UUID, InstallmentFactEntity> facts = new HashMap<>();
        c.all().forEach(i -> facts.put(i.installmentId, i));
        String passed = "its moment passed before the case moved to " + to;
        Uni<Void> chain = cases.timeline(k, c.now(), "POLICY_CHANGED", "moved from " + from + " to " + to
                + " at its next step: its segment now selects it", null, "system", "policy-changed:" + k.id + ":" + c.step().id);
        chain = chain.chain(() -> repository.pendingStepsOfPayer(c.step().tenantId, c.step().payerId).invoke(pending -> {
            for (ScheduledStepEntity s : pending) {
                InstallmentFactEntity f = facts.get(s.installmentId);
                PolicyStep nd = selected.step(s.stepCode).filter(PolicyStep::timed).orElse(null);
                if (nd == null || f == null) {
                    s.status = "CANCELLED";
                    s.outcome = "not in " + to + ": the case moved to it";
                    s.executedAt = c.now();
                    continue;
                }
                Schedule.Planned planned = Schedule.plan(nd, f.dueDate, Calendars.of(c.tenant()));
                s.policyCode = selected.code();
                s.policyVersion = selected.version();
                s.effectiveLocal = planned.effectiveLocal();
                s.notAfterLocal = planned.notAfterLocal();
                s.outcome = "moved to " + to;
                if (s != c.step() && planned.effectiveLocal().isBefore(c.nowLocal())) {
                    s.status = "SKIPPED";
                    s.outcome = passed;
                    s.executedAt = c.now();
                }
            }
        }).replaceWithVoid());
        for (InstallmentFactEntity f : c.all()) {
            InstallmentFacts installment = new InstallmentFacts(f.installmentId.toString(), f.tenantId, f.payerId.toString(), f.dueDate,
                    BillingStatus.valueOf(f.status));
            Schedule.Plan plan = Schedule.recompute(selected, installment, Calendars.of(c.tenant()));
            if (plan.cancelPending() || CaseMath.renegotiated(f, c.agreements())) {
                continue;
            }
            for (Schedule.Planned planned : plan.ensure()) {
                boolean past = planned.effectiveLocal().isBefore(c.nowLocal());
                chain = chain.chain(() -> repository.ensureStep(f.tenantId, f.payerId, f.installmentId, planned, selected.code(),
                        selected.version(), c.now(), past ? "SKIPPED" : "PENDING", past ? passed : null));
            }
        }
        return chain.chain(() -> {
            ScheduledStepEntity step = c.step();
            if (!"PENDING".equals(step.status)) {
                return Uni.createFrom().voidItem();
            }
            PolicyStep d = selected.step(step.stepCode).orElseThrow();
            if (step.effectiveLocal.isAfter(c.nowLocal())) {
                return Uni.createFrom().voidItem(); // its time under the new policy has not come yet
            }
            return decideCurrent(new Ctx(step, selected, c.tenant(), c.installment(), c.payer(), c.promise(), k, c.all(),
                    c.agreements(), c.zone(), c.nowLocal(), c.now()), d);
        });
    }

    private Uni<Void> movedCase(Ctx c, Integer from) {
        CaseEntity k = c.kase();
        if (k == null || !k.policyCode.equals(c.policy().code()) || k.policyVersion == c.policy().version()) {
            return Uni.createFrom().voidItem();
        }
        int old = k.policyVersion;
        k.policyVersion = c.policy().version();
        k.updatedAt = c.now();
        return cases.timeline(k, c.now(), "POLICY_VERSION", "moved from " + k.policyCode + " v" + old + " to v" + k.policyVersion
                + " at its next step", null, "system", "policy:" + k.id + ":" + k.policyVersion);
    }

    private Uni<Void> decideCurrent(Ctx c, PolicyStep d) {
        ScheduledStepEntity step = c.step();
        InstallmentFactEntity i = c.installment();
        BillingStatus status = BillingStatus.valueOf(i.status);
        if (status.settled()) {
            return finish(step, c.kase(), d, "CANCELLED", "installment " + status.name().toLowerCase().replace('_', ' '), c.now());
        }
        if (Schedule.stale(step.notAfterLocal, c.nowLocal())) {
            return finish(step, c.kase(), d, "SKIPPED", "came late: its moment passed at " + step.notAfterLocal, c.now());
        }
        if (!d.beforeDue() && status != BillingStatus.OVERDUE) {
            return finish(step, c.kase(), d, "CANCELLED", "installment is not overdue", c.now());
        }
        if (CaseMath.inStandingAgreement(i, c.agreements())) {
            return hold(step, c.today().plusDays(1).atTime(d.sendAt()), "paused: the installment is in an agreement");
        }
        if (CaseMath.renegotiated(i, c.agreements())) {
            return finish(step, c.kase(), d, "CANCELLED", "installment settled by an agreement", c.now());
        }
        if (c.kase() != null && c.kase().manualPause) {
            return hold(step, c.today().plusDays(1).atTime(d.sendAt()), "paused by staff: " + c.kase().pauseReason);
        }
        if (c.promise() != null && d.conditions().holdWhilePromiseOpen()) {
            Promise promise = new Promise(c.promise().promisedDate, c.promise().graceDays);
            if (!promise.brokenBy(c.today())) {
                // a promise to pay is open: the régua waits until the morning it would be broken
                return hold(step, promise.resumeAt(d.sendAt()), "waiting for the promise to pay by " + c.promise().promisedDate);
            }
        }
        BigDecimal overdue = CaseMath.overdueAmount(c.all(), c.agreements(), c.today(), Calendars.of(c.tenant()));
        if (!d.beforeDue()) {
            LocalDate oldest = CaseMath.oldestOverdue(c.all(), c.agreements());
            long days = oldest == null ? 0 : c.today().toEpochDay() - oldest.toEpochDay();
            String unmet = d.conditions().unmetBy(overdue, days);
            if (unmet != null) {
                return finish(step, c.kase(), d, "SKIPPED", unmet, c.now());
            }
        }
        if (d.action().contactsPayer()) {
            ContactHours.Slot slot = ContactHours.of(c.payer().state).firstSlot(c.nowLocal(), d.windowStart(), d.windowEnd());
            if (slot.start().isAfter(c.nowLocal())) {
                if (Schedule.stale(step.notAfterLocal, slot.start())) {
                    return finish(step, c.kase(), d, "SKIPPED", "came late: no contact hours for " + c.payer().state
                            + " before " + step.notAfterLocal, c.now());
                }
                return hold(step, slot.start(), "waiting for contact hours (" + ContactHours.of(c.payer().state).state()
                        + ContactHours.calendarOf(c.payer().state).holidayOn(c.nowLocal().toLocalDate()).map(h -> ", holiday: " + h.name())
                        .orElse("") + ")");
            }
            return message(c, d, slot);
        }
        if (c.kase() == null) {
            return finish(step, null, d, "SKIPPED", d.action() + " needs an open case", c.now());
        }
        if (d.action() == StepAction.BUREAU_REGISTRATION) {
            LocalDate noticeOn = c.kase().noticeRequestedOn;
            if (noticeOn == null) {
                return finish(step, c.kase(), d, "SKIPPED", "no bureau notice was requested for this case (CDC art. 43 §2)", c.now());
            }
            int days = policies.noticeDaysFor(c.payer().state);
            LocalDate earliest = noticeOn.plusDays(days);
            if (c.today().isBefore(earliest)) {
                return hold(step, earliest.atTime(d.sendAt()), "waiting: registration only " + days + " days after the notice of "
                        + noticeOn + " (payer in " + c.payer().state + ")");
            }
        }
        return caseRepository.markCaseStep(step.tenantId, c.kase().id, d.code(), c.now()).chain(first -> first
                ? caseAction(c, d)
                : finish(step, c.kase(), d, "SKIPPED", "already done for this case", c.now()));
    }

    private Uni<Void> hold(ScheduledStepEntity step, LocalDateTime until, String why) {
        step.effectiveLocal = until;
        step.outcome = why;
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> message(Ctx c, PolicyStep d, ContactHours.Slot slot) {
        ScheduledStepEntity step = c.step();
        List<String> channels = Commands.reachable(d.channels(), c.payer());
        if (channels.isEmpty()) {
            return finish(step, c.kase(), d, "SKIPPED", "payer has no address on the step's channels " + d.channels(), c.now());
        }
        String key = Commands.installmentKey(step.tenantId, step.installmentId, step.stepCode);
        LocalDateTime until = step.notAfterLocal != null && step.notAfterLocal.isBefore(slot.end()) ? step.notAfterLocal : slot.end();
        Map<String, String> variables = Commands.variables(c.installment(), c.today(), Calendars.of(c.tenant()));
        NotificationRequested command = commands.message(step.tenantId, step.payerId, step.installmentId, key, d, channels,
                c.payer(), c.tenant(), variables, c.now(), until.atZone(c.zone()).toInstant());
        Uni<Void> chain = outbox.append(command)
                .chain(() -> caseRepository.recordMessage(step.tenantId, key, c.kase() == null ? null : c.kase().id, step.payerId,
                        step.stepCode, c.now()));
        if (c.kase() != null) {
            chain = chain.chain(() -> cases.timeline(c.kase(), c.now(), "MESSAGE_REQUESTED", d.code() + " for installment "
                    + c.installment().number + "/" + c.installment().count + ": " + d.template() + " via " + String.join(">", channels)
                    + ", " + CaseMath.brl(new BigDecimal(variables.get("amountDue"))), key, "system", "message:" + key));
        }
        return chain.chain(() -> finish(step, c.kase(), d, "EXECUTED", "notification requested: " + command.template(), c.now()));
    }

    private Uni<Void> caseAction(Ctx c, PolicyStep d) {
        CaseEntity k = c.kase();
        ScheduledStepEntity step = c.step();
        Instant now = c.now();
        List<InstallmentFactEntity> debts = c.all().stream().filter(i -> CaseMath.collectible(i, c.agreements())).toList();
        BigDecimal amount = CaseMath.overdueAmount(c.all(), c.agreements(), c.today(), Calendars.of(c.tenant()));
        String key = Commands.caseKey(step.tenantId, k.id, d.code());
        Uni<Void> done = switch (d.action()) {
            case CREATE_TASK -> {
                StaffTaskEntity t = new StaffTaskEntity();
                t.id = UUID.randomUUID();
                t.tenantId = step.tenantId;
                t.caseId = k.id;
                t.payerId = k.payerId;
                t.stepCode = d.code();
                t.kind = d.taskKind() == null ? "CALL" : d.taskKind();
                t.dueOn = c.today();
                t.assignedTo = k.collector;
                t.createdAt = now;
                yield caseRepository.createTask(t).chain(() -> cases.timeline(k, now, "TASK_CREATED", t.kind.toLowerCase()
                        + " task for " + (k.collector == null ? "the team" : k.collector) + ", " + CaseMath.brl(amount) + " overdue",
                        t.id.toString(), "system", "task:" + k.id + ":" + d.code()));
            }
            case RESTRICT_SERVICE -> {
                String kind = d.restriction() != null ? d.restriction() : verticalRestriction(c.tenant().vertical);
                k.restrictionKind = kind;
                yield outbox.append(new ServiceRestrictionChanged(UUID.randomUUID().toString(), step.tenantId, k.payerId.toString(),
                                k.id.toString(), true, kind, d.code() + ": " + CaseMath.brl(amount) + " overdue", now))
                        .chain(() -> cases.timeline(k, now, "RESTRICTION", "restriction applied: " + kind, key, "system", "restrict:" + key));
            }
            case BUREAU_NOTICE, BUREAU_REGISTRATION, PROTEST -> {
                String action = switch (d.action()) {
                    case BUREAU_NOTICE -> "NOTICE";
                    case BUREAU_REGISTRATION -> "REGISTER";
                    default -> "PROTEST";
                };
                if (c.payer().taxId == null || commands.address(c.payer()) == null) {
                    yield finish(step, k, d, "SKIPPED", "the payer's tax id or postal address is unknown: no bureau command", now);
                }
                if (d.action() == StepAction.BUREAU_NOTICE) {
                    k.noticeRequestedOn = c.today();
                } else if (d.action() == StepAction.BUREAU_REGISTRATION) {
                    k.bureauState = "REGISTER_REQUESTED";
                    k.bureauInstallments = String.join(",", debts.stream().map(i -> i.installmentId.toString()).toList());
                } else {
                    k.protestState = "REQUESTED";
                }
                yield outbox.append(commands.bureau(action, key, k.id, c.payer(), c.tenant(), debts, c.today(), now))
                        .chain(() -> cases.timeline(k, now, "BUREAU_COMMAND", action + " requested for " + debts.size() + " debt(s), "
                                + CaseMath.brl(amount), key, "system", "bureau:" + key));
            }
            case AGENCY_HANDOFF -> {
                String agency = d.agency() == null ? "default" : d.agency();
                yield outbox.append(new AgencyHandoffRequested(UUID.randomUUID().toString(), step.tenantId, k.payerId.toString(),
                                k.id.toString(), agency, key, debts.stream().map(i -> i.installmentId.toString()).toList(),
                                MoneyAmount.brl(amount), now))
                        .chain(() -> cases.timeline(k, now, "AGENCY_HANDOFF", "handed to agency " + agency + ", " + CaseMath.brl(amount),
                                key, "system", "agency:" + key));
            }
            case WRITE_OFF -> outbox.append(new WriteOffRequested(UUID.randomUUID().toString(), step.tenantId, k.payerId.toString(),
                            k.id.toString(), key, debts.stream().map(i -> i.installmentId.toString()).toList(),
                            "régua step " + d.code(), now))
                    .chain(() -> cases.timeline(k, now, "WRITE_OFF", "write-off requested for " + debts.size() + " installment(s), "
                            + CaseMath.brl(amount), key, "system", "writeoff:" + key));
            default -> Uni.createFrom().voidItem();
        };
        return done.chain(() -> "PENDING".equals(step.status)
                ? finish(step, k, d, "EXECUTED", d.action().name().toLowerCase().replace('_', ' ') + " done for the case", now)
                : Uni.createFrom().voidItem());
    }

    static String verticalRestriction(String vertical) {
        return switch (ReguaPolicy.family(vertical)) {
            case "CLINIC" -> "HOLD_ELECTIVE_APPOINTMENTS";
            case "OTICA" -> "HOLD_LENS_DELIVERY";
            case "SCHOOL" -> "BLOCK_REENROLMENT";
            default -> "HOLD_NEW_SALES";
        };
    }

    /** Ends a step; for a case, records it on the timeline and publishes StepExecuted (executed or skipped). */
    private Uni<Void> finish(ScheduledStepEntity step, CaseEntity k, PolicyStep d, String status, String outcome, Instant now) {
        step.status = status;
        step.outcome = outcome.length() > 300 ? outcome.substring(0, 300) : outcome;
        step.executedAt = now;
        if (k == null || "CANCELLED".equals(status)) {
            return Uni.createFrom().voidItem();
        }
        if ("EXECUTED".equals(status)) {
            k.currentStep = step.stepCode;
            k.updatedAt = now;
        }
        String action = d == null ? "SEND_MESSAGE" : d.action().name();
        return outbox.append(new StepExecuted(UUID.randomUUID().toString(), step.tenantId, step.payerId.toString(), k.id.toString(),
                        step.stepCode, action, status, step.outcome, step.installmentId.toString(), now))
                .chain(() -> "SKIPPED".equals(status)
                        ? cases.timeline(k, now, "STEP_SKIPPED", step.stepCode + " skipped: " + step.outcome, step.installmentId.toString(),
                        "system", "step:" + step.installmentId + ":" + step.stepCode)
                        : cases.timeline(k, now, "STEP_EXECUTED", step.stepCode + " (" + action + ")", step.installmentId.toString(),
                        "system", "step:" + step.installmentId + ":" + step.stepCode));
    }
}
