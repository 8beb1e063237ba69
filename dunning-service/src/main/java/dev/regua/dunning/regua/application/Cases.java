package dev.regua.dunning.regua.application;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.dunning.CaseClosed;
import dev.regua.contract.dunning.CaseOpened;
import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.contract.dunning.ServiceRestrictionChanged;
import dev.regua.dunning.regua.domain.ContactHours;
import dev.regua.dunning.regua.domain.PolicyStep;
import dev.regua.dunning.regua.domain.ReguaPolicy;
import dev.regua.dunning.regua.domain.Segment;
import dev.regua.dunning.regua.persistence.AgreementFactEntity;
import dev.regua.dunning.regua.persistence.CaseEntity;
import dev.regua.dunning.regua.persistence.CaseRepository;
import dev.regua.dunning.regua.persistence.DunningRepository;
import dev.regua.dunning.regua.persistence.InstallmentFactEntity;
import dev.regua.dunning.regua.persistence.PayerEntity;
import dev.regua.dunning.regua.persistence.TenantProfileEntity;
import dev.regua.support.outbox.OutboxWriter;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.ResourceNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Collection cases, recomputed from the facts after every change of a payer's installments: a case opens when
 * something is collectible overdue, pauses while only an agreement's originals are overdue, and closes when nothing
 * is overdue — lifting a service restriction, requesting the bureau removal and thanking the payer as the policy
 * says. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class Cases {
    static final String DEFAULT_ZONE = "America/Sao_Paulo";
    private final CaseRepository cases;
    private final DunningRepository dunning;
    private final Policies policies;
    private final Commands commands;
    private final OutboxWriter outbox;
    private final Clock clock;

    public Cases(CaseRepository cases, DunningRepository dunning, Policies policies, Commands commands, OutboxWriter outbox, Clock clock) {
        this.cases = cases;
        this.dunning = dunning;
        this.policies = policies;
        this.commands = commands;
        this.outbox = outbox;
        this.clock = clock;
    }

    public static ZoneId zone(TenantProfileEntity t) {
        return ZoneId.of(t == null ? DEFAULT_ZONE : t.timeZone);
    }

    /** Recomputes the payer's case; {@code closeReason} says why it would close now (PAID when null). */
    public Uni<Void> recompute(String tenantId, UUID payerId, String closeReason) {
        return dunning.tenant(tenantId).chain(tenant -> cases.installmentsOfPayer(tenantId, payerId)
                .chain(installments -> cases.agreementsOfPayer(tenantId, payerId)
                        .chain(agreements -> cases.openCase(tenantId, payerId)
                                .chain(open -> recompute(tenantId, payerId, tenant, installments, agreements, open, closeReason)))));
    }

    private Uni<Void> recompute(String tenantId, UUID payerId, TenantProfileEntity tenant, List<InstallmentFactEntity> installments,
                                List<AgreementFactEntity> agreements, CaseEntity open, String closeReason) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(zone(tenant)));
        List<InstallmentFactEntity> collectible = installments.stream().filter(i -> CaseMath.collectible(i, agreements)).toList();
        boolean agreementPending = installments.stream().anyMatch(i -> "OVERDUE".equals(i.status) && CaseMath.inStandingAgreement(i, agreements))
                || agreements.stream().anyMatch(a -> "CREATED".equals(a.status));
        if (open == null) {
            if (collectible.isEmpty()) {
                return bureauCheckLatest(tenantId, payerId, tenant, installments, today, now);
            }
            return openCase(tenantId, payerId, tenant, installments, agreements, collectible, today, now);
        }
        if (collectible.isEmpty() && !agreementPending) {
            return close(open, tenant, installments, closeReason == null ? "PAID" : closeReason, today, now);
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (collectible.isEmpty() && "OPEN".equals(open.state)) {
            open.state = "PAUSED";
            open.pauseReason = "agreement: the originals wait while it stands";
            open.updatedAt = now;
            chain = timeline(open, now, "CASE_PAUSED", "case paused: an agreement replaced the overdue installments", null,
                    "system", "paused:" + open.id + ":" + agreementKey(agreements));
        } else if (!collectible.isEmpty() && "PAUSED".equals(open.state) && !open.manualPause) {
            open.state = "OPEN";
            open.pauseReason = null;
            open.updatedAt = now;
            chain = timeline(open, now, "CASE_RESUMED", "case resumed: " + collectible.size() + " installment(s) overdue again",
                    null, "system", "resumed:" + open.id + ":" + agreementKey(agreements));
        }
        return chain.chain(() -> bureauCheck(open, tenant, installments, today, now));
    }

    private static String agreementKey(List<AgreementFactEntity> agreements) {
        return agreements.stream().map(a -> a.agreementId + "=" + a.status).sorted().reduce("", String::concat);
    }

    private Uni<Void> openCase(String tenantId, UUID payerId, TenantProfileEntity tenant, List<InstallmentFactEntity> installments,
                               List<AgreementFactEntity> agreements, List<InstallmentFactEntity> collectible, LocalDate today,
                               Instant now) {
        InstallmentFactEntity oldest = collectible.get(0);
        return dunning.payer(tenantId, payerId).chain(payer -> cases.contract(tenantId, oldest.contractId).chain(contract -> {
            Segment.Facts facts = new Segment.Facts(contract == null ? null : (String) contract[0],
                    contract == null ? null : (String) contract[1], CaseMath.outstanding(installments),
                    payer == null ? List.of() : tags(payer), CaseMath.punctuality(installments, Calendars.of(tenant)));
            return policies.select(tenantId, tenant == null ? null : tenant.vertical, facts);
        })).chain(policy -> {
            CaseEntity c = new CaseEntity();
            c.id = UUID.randomUUID();
            c.tenantId = tenantId;
            c.payerId = payerId;
            c.state = "OPEN";
            c.policyCode = policy.code();
            c.policyVersion = policy.version();
            c.openedAt = now;
            c.openedOn = today;
            c.updatedAt = now;
            var amount = CaseMath.overdueAmount(installments, agreements, today, Calendars.of(tenant));
            LocalDate oldestDue = CaseMath.oldestOverdue(installments, agreements);
            return dunning.persist(c)
                    .chain(() -> outbox.append(new CaseOpened(UUID.randomUUID().toString(), tenantId, payerId.toString(),
                            c.id.toString(), policy.code(), policy.version(), MoneyAmount.brl(amount), oldestDue, now)))
                    .chain(() -> timeline(c, now, "CASE_OPENED", "case opened under " + policy.code() + " v" + policy.version()
                            + ": " + collectible.size() + " installment(s) overdue, " + CaseMath.brl(amount), null, "system",
                            "opened:" + c.id));
        });
    }

    /**
     * The policy the payer's segment selects now (the same choice as when a case opens: the contract of the oldest
     * collectible installment, the outstanding amount, the payer's tags and punctuality band).
     */
    public Uni<ReguaPolicy> selectNow(String tenantId, TenantProfileEntity tenant, PayerEntity payer,
                                      List<InstallmentFactEntity> installments, List<AgreementFactEntity> agreements) {
        InstallmentFactEntity oldest = installments.stream().filter(i -> CaseMath.collectible(i, agreements)).findFirst()
                .orElse(installments.isEmpty() ? null : installments.get(0));
        return (oldest == null ? Uni.createFrom().<Object[]>nullItem() : cases.contract(tenantId, oldest.contractId)).chain(contract -> {
            Segment.Facts facts = new Segment.Facts(contract == null ? null : (String) contract[0],
                    contract == null ? null : (String) contract[1], CaseMath.outstanding(installments),
                    payer == null ? List.of() : tags(payer), CaseMath.punctuality(installments, Calendars.of(tenant)));
            return policies.select(tenantId, tenant == null ? null : tenant.vertical, facts);
        });
    }

    static List<String> tags(PayerEntity p) {
        return p.tags == null || p.tags.isBlank() ? List.of() : Arrays.asList(p.tags.split(","));
    }

    private Uni<Void> close(CaseEntity c, TenantProfileEntity tenant, List<InstallmentFactEntity> installments, String reason,
                            LocalDate today, Instant now) {
        c.state = "CLOSED";
        c.closeReason = reason;
        c.closedAt = now;
        c.updatedAt = now;
        Uni<Void> chain = outbox.append(new CaseClosed(UUID.randomUUID().toString(), c.tenantId, c.payerId.toString(),
                        c.id.toString(), reason, now))
                .chain(() -> timeline(c, now, "CASE_CLOSED", "case closed: " + reason.toLowerCase().replace('_', ' '), null,
                        "system", "closed:" + c.id));
        if (c.restrictionKind != null) {
            String kind = c.restrictionKind;
            c.restrictionKind = null;
            chain = chain.chain(() -> outbox.append(new ServiceRestrictionChanged(UUID.randomUUID().toString(), c.tenantId,
                            c.payerId.toString(), c.id.toString(), false, kind, "debt settled (" + reason.toLowerCase() + ")", now)))
                    .chain(() -> timeline(c, now, "RESTRICTION", "restriction lifted: " + kind, null, "system", "lifted:" + c.id));
        }
        if ("PAID".equals(reason)) {
            chain = chain.chain(() -> thankYou(c, tenant, installments, today, now));
        }
        return chain.chain(() -> bureauCheck(c, tenant, installments, today, now));
    }

    private Uni<Void> thankYou(CaseEntity c, TenantProfileEntity tenant, List<InstallmentFactEntity> installments, LocalDate today,
                               Instant now) {
        if (tenant == null) {
            return Uni.createFrom().voidItem();
        }
        return policies.currentOrNull(c.tenantId, c.policyCode).chain(policy -> {
            ReguaPolicy p = policy != null ? policy : ReguaPolicy.defaultFor(tenant.vertical);
            PolicyStep step = p.thankYou().orElse(null);
            if (step == null) {
                return Uni.createFrom().voidItem();
            }
            return dunning.payer(c.tenantId, c.payerId).chain(payer -> {
                List<String> channels = payer == null ? List.of() : Commands.reachable(step.channels(), payer);
                if (channels.isEmpty()) {
                    return timeline(c, now, "STEP_SKIPPED", step.code() + " skipped: no reachable channel in " + step.channels(),
                            null, "system", "step:" + c.id + ":" + step.code());
                }
                InstallmentFactEntity last = installments.stream().filter(i -> "PAID".equals(i.status))
                        .max(java.util.Comparator.comparing((InstallmentFactEntity i) -> i.paidOn == null ? LocalDate.MIN : i.paidOn)
                                .thenComparing(i -> i.number)).orElse(null);
                var variables = last == null ? new java.util.LinkedHashMap<String, String>() : Commands.variables(last, today, Calendars.of(tenant));
                variables.put("asOf", today.toString());
                String key = Commands.caseKey(c.tenantId, c.id, step.code());
                ZoneId zone = zone(tenant);
                ContactHours.Slot slot = ContactHours.of(payer.state).firstSlot(LocalDateTime.ofInstant(now, zone),
                        step.windowStart(), step.windowEnd());
                NotificationRequested command = commands.message(c.tenantId, c.payerId, last == null ? null : last.installmentId,
                        key, step, channels, payer, tenant, variables, slot.start().atZone(zone).toInstant(),
                        slot.end().atZone(zone).toInstant());
                return outbox.append(command)
                        .chain(() -> cases.recordMessage(c.tenantId, key, c.id, c.payerId, step.code(), now))
                        .chain(() -> timeline(c, now, "MESSAGE_REQUESTED", step.code() + ": " + step.template() + " via "
                                + String.join(">", channels), key, "system", "message:" + key));
            });
        });
    }

    /** The payer's latest case, for facts that arrive after it closed (a registration confirmed after payment). */
    private Uni<Void> bureauCheckLatest(String tenantId, UUID payerId, TenantProfileEntity tenant,
                                        List<InstallmentFactEntity> installments, LocalDate today, Instant now) {
        return cases.latestCase(tenantId, payerId).chain(c -> c == null ? Uni.createFrom().voidItem()
                : bureauCheck(c, tenant, installments, today, now));
    }

    /**
     * If the payer is (or is being) registered at a bureau and every registered debt is settled, the removal is
     * requested at once (STJ Súmula 548 allows 5 business days; Régua does it the same day); a protest gets its
     * cancellation consent.
     */
    Uni<Void> bureauCheck(CaseEntity c, TenantProfileEntity tenant, List<InstallmentFactEntity> installments, LocalDate today,
                          Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        boolean registered = "REGISTER_REQUESTED".equals(c.bureauState) || "REGISTERED".equals(c.bureauState);
        if (registered && tenant != null && settled(c.bureauInstallments, installments)) {
            c.bureauState = "REMOVAL_REQUESTED";
            c.updatedAt = now;
            chain = chain.chain(() -> sendBureau(c, tenant, "REMOVE", installmentsIn(c.bureauInstallments, installments), today, now));
        }
        boolean protested = "REQUESTED".equals(c.protestState) || "PROTESTED".equals(c.protestState);
        if (protested && tenant != null && installments.stream().noneMatch(i -> "OVERDUE".equals(i.status))) {
            c.protestState = "CANCELLATION_REQUESTED";
            c.updatedAt = now;
            chain = chain.chain(() -> sendBureau(c, tenant, "CANCEL_PROTEST", List.of(), today, now));
        }
        return chain;
    }

    private Uni<Void> sendBureau(CaseEntity c, TenantProfileEntity tenant, String action, List<InstallmentFactEntity> debts,
                                 LocalDate today, Instant now) {
        String key = Commands.caseKey(c.tenantId, c.id, action.toLowerCase().replace('_', '-'));
        return dunning.payer(c.tenantId, c.payerId).chain(payer -> outbox.append(commands.bureau(action, key, c.id, payer, tenant,
                        debts, today, now))
                .chain(() -> timeline(c, now, "BUREAU_COMMAND", action + " requested for " + debts.size() + " debt(s)", key,
                        "system", "bureau:" + key)));
    }

    static boolean settled(String ids, List<InstallmentFactEntity> installments) {
        List<InstallmentFactEntity> covered = installmentsIn(ids, installments);
        return !covered.isEmpty() && covered.stream().allMatch(i -> "PAID".equals(i.status) || "CANCELLED".equals(i.status));
    }

    static List<InstallmentFactEntity> installmentsIn(String ids, List<InstallmentFactEntity> installments) {
        if (ids == null || ids.isBlank()) {
            return List.of();
        }
        List<String> list = Arrays.asList(ids.split(","));
        return installments.stream().filter(i -> list.contains(i.installmentId.toString())).toList();
    }

    /** Credit-check reports a negativação state: REGISTERED marks the case (and removes at once when already paid). */
    public Uni<Void> negativation(String tenantId, UUID payerId, String commandKey, String state, String bureau, String reason,
                                  String dedup, Instant occurredAt) {
        return caseFor(tenantId, payerId, commandKey).chain(c -> {
            if (c == null) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            if ("REGISTERED".equals(state) && !"REMOVAL_REQUESTED".equals(c.bureauState) && !"REMOVED".equals(c.bureauState)) {
                c.bureauState = "REGISTERED";
            } else if ("REMOVED".equals(state)) {
                c.bureauState = "REMOVED";
            } else if ("REFUSED".equals(state) && "REGISTER_REQUESTED".equals(c.bureauState)) {
                c.bureauState = "REFUSED";
            }
            c.updatedAt = now;
            return timeline(c, occurredAt, "BUREAU_STATUS", "negativação " + state + (bureau == null ? "" : " at " + bureau)
                            + (reason == null ? "" : " (" + reason + ")"), commandKey, "credit-check", dedup)
                    .chain(() -> dunning.tenant(tenantId).chain(tenant -> cases.installmentsOfPayer(tenantId, payerId)
                            .chain(installments -> bureauCheck(c, tenant, installments,
                                    LocalDate.now(clock.withZone(zone(tenant))), now))));
        });
    }

    public Uni<Void> protest(String tenantId, UUID payerId, String commandKey, String state, String office, String reason,
                             String dedup, Instant occurredAt) {
        return caseFor(tenantId, payerId, commandKey).chain(c -> {
            if (c == null) {
                return Uni.createFrom().voidItem();
            }
            if ("PROTESTED".equals(state) || "CANCELLED".equals(state) || "REFUSED".equals(state)) {
                c.protestState = state;
            }
            return timeline(c, occurredAt, "PROTEST_STATUS", "protest " + state + (office == null ? "" : " at " + office)
                    + (reason == null ? "" : " (" + reason + ")"), commandKey, "credit-check", dedup);
        });
    }

    /** The case a command key names ({@code dunning:<tenant>:<case>:<what>}), else the payer's latest case. */
    public Uni<CaseEntity> caseFor(String tenantId, UUID payerId, String commandKey) {
        if (commandKey != null && commandKey.startsWith("dunning:" + tenantId + ":")) {
            String[] parts = commandKey.split(":");
            try {
                UUID caseId = UUID.fromString(parts[2]);
                return cases.byId(tenantId, caseId).chain(c -> c != null ? Uni.createFrom().item(c) : cases.latestCase(tenantId, payerId));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                // not a case key: fall through
            }
        }
        return cases.latestCase(tenantId, payerId);
    }

    /** Adds to the payer's latest case's timeline, if the payer has a case. */
    public Uni<Void> onLatest(String tenantId, UUID payerId, Instant at, String kind, String detail, String ref, String actor,
                              String dedup) {
        return cases.latestCase(tenantId, payerId).chain(c -> c == null ? Uni.createFrom().voidItem()
                : timeline(c, at, kind, detail, ref, actor, dedup));
    }

    public Uni<Void> timeline(CaseEntity c, Instant at, String kind, String detail, String ref, String actor, String dedup) {
        return cases.addTimeline(c.tenantId, c.id, c.payerId, at, kind, detail, ref, actor, dedup);
    }

    // ---- staff operations ----

    public Uni<CaseEntity> get(String tenantId, UUID caseId) {
        return cases.byId(tenantId, caseId).map(c -> {
            if (c == null) {
                throw new ResourceNotFoundException("case " + caseId + " not found");
            }
            return c;
        });
    }

    public Uni<CaseEntity> assign(String tenantId, UUID caseId, String collector, String actor) {
        return get(tenantId, caseId).chain(c -> {
            c.collector = collector;
            c.updatedAt = clock.instant();
            return cases.assignOpenTasks(tenantId, caseId, collector)
                    .chain(() -> timeline(c, clock.instant(), "COLLECTOR_ASSIGNED", "assigned to " + collector, null, actor,
                            "assign:" + UUID.randomUUID()))
                    .replaceWith(c);
        });
    }

    public Uni<CaseEntity> pause(String tenantId, UUID caseId, String reason, String actor) {
        return get(tenantId, caseId).chain(c -> {
            if ("CLOSED".equals(c.state)) {
                throw new BusinessRuleException("case-closed", "a closed case cannot be paused");
            }
            c.manualPause = true;
            c.state = "PAUSED";
            c.pauseReason = reason;
            c.updatedAt = clock.instant();
            return timeline(c, clock.instant(), "CASE_PAUSED", "paused by staff: " + reason, null, actor, "pause:" + UUID.randomUUID())
                    .replaceWith(c);
        });
    }

    public Uni<CaseEntity> resume(String tenantId, UUID caseId, String actor) {
        return get(tenantId, caseId).chain(c -> {
            if (!c.manualPause) {
                throw new BusinessRuleException("case-not-paused", "the case is not paused by staff");
            }
            c.manualPause = false;
            c.state = "OPEN";
            c.pauseReason = null;
            c.updatedAt = clock.instant();
            return timeline(c, clock.instant(), "CASE_RESUMED", "resumed by staff", null, actor, "resume:" + UUID.randomUUID())
                    .chain(() -> recompute(tenantId, c.payerId, null)).replaceWith(c);
        });
    }

    public Uni<Void> note(String tenantId, UUID caseId, String text, String actor) {
        return get(tenantId, caseId).chain(c -> timeline(c, clock.instant(), "NOTE", text, null, actor, "note:" + UUID.randomUUID()));
    }

    /** A call's outcome; closes the task it answers when given. */
    public Uni<Void> callOutcome(String tenantId, UUID caseId, UUID taskId, String outcome, String note, String actor) {
        return get(tenantId, caseId).chain(c -> {
            Uni<Void> task = taskId == null ? Uni.createFrom().voidItem() : cases.task(tenantId, taskId).invoke(t -> {
                if (t == null || !t.caseId.equals(caseId)) {
                    throw new ResourceNotFoundException("task " + taskId + " not found in this case");
                }
                if (!"OPEN".equals(t.status)) {
                    throw new BusinessRuleException("task-done", "the task was already completed (" + t.outcome + ")");
                }
                t.status = "DONE";
                t.outcome = outcome;
                t.doneAt = clock.instant();
            }).replaceWithVoid();
            return task.chain(() -> timeline(c, clock.instant(), "CALL_OUTCOME", outcome + (note == null || note.isBlank() ? "" : ": " + note),
                    taskId == null ? null : taskId.toString(), actor, "call:" + UUID.randomUUID()));
        });
    }
}
