package dev.regua.dunning.regua.application;

import dev.regua.dunning.regua.domain.PolicyValidator;
import dev.regua.dunning.regua.domain.Promise;
import dev.regua.dunning.regua.domain.ReguaPolicy;
import dev.regua.dunning.regua.domain.Simulation;
import dev.regua.dunning.regua.persistence.CaseRepository;
import dev.regua.dunning.regua.persistence.DunningRepository;
import dev.regua.dunning.regua.persistence.InstallmentFactEntity;
import dev.regua.dunning.regua.persistence.PayerEntity;
import dev.regua.dunning.regua.persistence.PromiseEntity;
import dev.regua.support.problem.InvalidInputException;
import dev.regua.support.problem.ResourceNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Simulates a draft policy on the tenant's current unsettled installments: reads the read model and writes nothing
 * (no step, no case, no outbox row).
 */
@ApplicationScoped
public class PolicySimulation {
    public static final int MAX_DAYS = 90;
    private final DunningRepository dunning;
    private final CaseRepository cases;
    private final Policies policies;
    private final Clock clock;

    public PolicySimulation(DunningRepository dunning, CaseRepository cases, Policies policies, Clock clock) {
        this.dunning = dunning;
        this.cases = cases;
        this.policies = policies;
        this.clock = clock;
    }

    public record Outcome(List<PolicyValidator.Violation> violations, Simulation.Result result) {
    }

    public Uni<Outcome> simulate(String tenantId, String code, ReguaPolicy.Definition draft, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("days", "must be between 1 and " + MAX_DAYS);
        }
        return policies.validate(tenantId, code == null ? "draft" : code, draft).chain(violations -> {
            violations.stream().filter(v -> !v.legal()).findFirst().ifPresent(v -> {
                throw new InvalidInputException(v.field(), v.message());
            });
            return dunning.tenant(tenantId).chain(tenant -> {
                if (tenant == null) {
                    throw new ResourceNotFoundException("no billing facts for this tenant yet");
                }
                LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(tenant.timeZone)));
                return cases.unsettledInstallments(tenantId).chain(installments -> items(tenantId, installments))
                        .map(items -> new Outcome(violations, Simulation.run(draft.as(code == null ? "draft" : code, 0), items,
                                today, days, Calendars.of(tenant))));
            });
        });
    }

    private Uni<List<Simulation.Item>> items(String tenantId, List<InstallmentFactEntity> installments) {
        Map<UUID, PayerEntity> payers = new HashMap<>();
        Map<UUID, PromiseEntity> promises = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID payerId : installments.stream().map(i -> i.payerId).distinct().toList()) {
            chain = chain.chain(() -> dunning.payer(tenantId, payerId).invoke(p -> payers.put(payerId, p))
                    .chain(() -> dunning.openPromise(tenantId, payerId)).invoke(p -> promises.put(payerId, p)).replaceWithVoid());
        }
        return chain.map(v -> {
            List<Simulation.Item> items = new ArrayList<>();
            for (InstallmentFactEntity i : installments) {
                PayerEntity p = payers.get(i.payerId);
                if (p == null || i.agreementId != null) {
                    continue;
                }
                PromiseEntity promise = promises.get(i.payerId);
                items.add(new Simulation.Item(i.payerId.toString(), p.name, i.installmentId.toString(), i.nominal, i.paidAmount,
                        i.originalDueDate, i.dueDate, i.finePercent, i.monthlyInterestPercent, i.graceDays, "OVERDUE".equals(i.status),
                        Commands.reachable(List.of("EMAIL", "SMS", "WHATSAPP"), p),
                        promise == null ? null : new Promise(promise.promisedDate, promise.graceDays).brokenOn()));
            }
            return items;
        });
    }
}
