package dev.regua.dunning.regua.application;

import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.dunning.regua.domain.InstallmentFacts.BillingStatus;
import dev.regua.dunning.regua.domain.PolicyStep;
import dev.regua.dunning.regua.domain.Promise;
import dev.regua.dunning.regua.domain.ReguaPolicy;
import dev.regua.dunning.regua.domain.Schedule;
import dev.regua.dunning.regua.persistence.DunningRepository;
import dev.regua.dunning.regua.persistence.InstallmentFactEntity;
import dev.regua.dunning.regua.persistence.PayerEntity;
import dev.regua.dunning.regua.persistence.ScheduledStepEntity;
import dev.regua.dunning.regua.persistence.TenantProfileEntity;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.AmountDue;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.charges.LateChargeCalculator;
import dev.regua.kernel.money.Money;
import dev.regua.support.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Executes scheduled steps whose time has come: claims due rows (SKIP LOCKED), re-checks the facts, and for a
 * message step writes a notification command to the outbox with the amount updated to the day by the shared
 * late-charge calculator. Claim, command and the step's new status commit together.
 */
@ApplicationScoped
public class StepRunner {
    private static final Logger LOG = Logger.getLogger(StepRunner.class);
    private final DunningRepository repository;
    private final PolicyProvider policies;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final int batchSize;
    private final BankCalendar calendar = BankCalendar.national();

    public StepRunner(DunningRepository repository, PolicyProvider policies, OutboxWriter outbox, Clock clock,
                      @ConfigProperty(name = "regua.dunning.batch-size", defaultValue = "100") int batchSize) {
        this.repository = repository;
        this.policies = policies;
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
            Map<UUID, ScheduledStepEntity> latest = new LinkedHashMap<>();
            for (ScheduledStepEntity step : steps) {
                latest.put(step.installmentId, step); // claimed in effective-time order: the last one wins
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ScheduledStepEntity step : steps) {
                ScheduledStepEntity newest = latest.get(step.installmentId);
                if (newest != step) {
                    // several steps of one installment came due together (after downtime or a clock jump): the
                    // payer gets only the most advanced message, not a burst of them
                    chain = chain.chain(() -> close(step, "SKIPPED", "superseded by " + newest.stepCode + ", due at the same time", now));
                } else {
                    chain = chain.chain(() -> execute(step, now));
                }
            }
            return chain.replaceWith(steps.size());
        }));
    }

    private Uni<Void> execute(ScheduledStepEntity step, Instant now) {
        return repository.tenant(step.tenantId).chain(tenant -> repository.installment(step.tenantId, step.installmentId)
                .chain(installment -> repository.payer(step.tenantId, step.payerId)
                        .chain(payer -> repository.openPromise(step.tenantId, step.payerId)
                                .chain(promise -> decide(step, tenant, installment, payer, promise, now)))));
    }

    private Uni<Void> decide(ScheduledStepEntity step, TenantProfileEntity tenant, InstallmentFactEntity installment,
                             PayerEntity payer, dev.regua.dunning.regua.persistence.PromiseEntity open, Instant now) {
        ReguaPolicy policy = policies.policyFor(step.tenantId);
        PolicyStep definition = policy.step(step.stepCode).orElse(null);
        ZoneId zone = ZoneId.of(tenant.timeZone);
        LocalDateTime nowLocal = LocalDateTime.ofInstant(now, zone);
        if (definition == null) {
            return close(step, "CANCELLED", "step no longer in policy " + policy.code() + " v" + policy.version(), now);
        }
        if (installment == null || payer == null) {
            LOG.debugf("step %s waits: billing facts not yet known", step.id);
            return Uni.createFrom().voidItem();
        }
        BillingStatus status = BillingStatus.valueOf(installment.status);
        if (status.settled()) {
            return close(step, "CANCELLED", "installment " + status.name().toLowerCase(), now);
        }
        if (Schedule.stale(step.notAfterLocal, nowLocal)) {
            return close(step, "SKIPPED", "came late: its moment passed at " + step.notAfterLocal, now);
        }
        if (!definition.beforeDue() && status != BillingStatus.OVERDUE) {
            return close(step, "CANCELLED", "installment is not overdue", now);
        }
        if (open != null) {
            Promise promise = new Promise(open.promisedDate, open.graceDays);
            if (!promise.brokenBy(nowLocal.toLocalDate())) {
                // a promise to pay is open: the régua waits until the morning it would be broken
                step.effectiveLocal = promise.resumeAt(definition.sendAt());
                step.outcome = "waiting for the promise to pay by " + open.promisedDate;
                return Uni.createFrom().voidItem();
            }
        }
        if (payer.email == null || payer.email.isBlank()) {
            return close(step, "SKIPPED", "payer has no address on the step's channels " + definition.channels(), now);
        }
        NotificationRequested command = command(step, definition, tenant, installment, payer, nowLocal, now);
        return outbox.append(command).chain(() -> close(step, "EXECUTED", "notification requested: " + command.template(), now));
    }

    private NotificationRequested command(ScheduledStepEntity step, PolicyStep definition, TenantProfileEntity tenant,
                                          InstallmentFactEntity i, PayerEntity payer, LocalDateTime nowLocal, Instant now) {
        ChargeTerms terms = ChargeTerms.of(i.finePercent, i.monthlyInterestPercent).withGraceDays(i.graceDays);
        Money alreadyPaid = i.paidAmount == null ? Money.ZERO : Money.of(i.paidAmount);
        AmountDue due = LateChargeCalculator.amountDue(Money.of(i.nominal), i.originalDueDate, terms, calendar,
                nowLocal.toLocalDate(), alreadyPaid);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("installmentNumber", String.valueOf(i.number));
        variables.put("installmentCount", String.valueOf(i.count));
        variables.put("nominalAmount", due.nominal().amount().toPlainString());
        variables.put("fine", due.fine().amount().toPlainString());
        variables.put("interest", due.interest().amount().toPlainString());
        variables.put("alreadyPaid", due.alreadyPaid().amount().toPlainString());
        variables.put("amountDue", due.total().amount().toPlainString());
        variables.put("originalDueDate", i.originalDueDate.toString());
        variables.put("dueDate", i.dueDate.toString());
        variables.put("daysLate", String.valueOf(due.daysLate()));
        variables.put("asOf", nowLocal.toLocalDate().toString());
        String key = "dunning:" + step.tenantId + ":" + step.installmentId + ":" + step.stepCode;
        Instant notAfter = step.notAfterLocal != null ? step.notAfterLocal.atZone(ZoneId.of(tenant.timeZone)).toInstant()
                : now.plus(Duration.ofDays(3));
        return new NotificationRequested(UUID.randomUUID().toString(), step.tenantId, step.payerId.toString(),
                step.installmentId.toString(), key, step.stepCode, definition.channels(), definition.template(),
                new NotificationRequested.Recipient(payer.name, payer.email, payer.mobile, payer.state),
                new NotificationRequested.Creditor(tenant.legalName, tenant.tradeName, tenant.cnpj, tenant.addressLine),
                variables, now, notAfter);
    }

    private Uni<Void> close(ScheduledStepEntity step, String status, String outcome, Instant now) {
        step.status = status;
        step.outcome = outcome.length() > 300 ? outcome.substring(0, 300) : outcome;
        step.executedAt = now;
        return Uni.createFrom().voidItem();
    }

    /** Visible for the timeline: the statuses a step can end in. */
    public static List<String> finalStatuses() {
        return List.of("EXECUTED", "SKIPPED", "CANCELLED");
    }
}
