package dev.regua.billing.receivable.application;

import dev.regua.billing.receivable.domain.Contract;
import dev.regua.billing.receivable.domain.Installment;
import dev.regua.billing.receivable.persistence.ContractEntity;
import dev.regua.billing.receivable.persistence.ReceivableRepository;
import dev.regua.contract.RegisteredEvent;
import dev.regua.support.outbox.OutboxWriter;
import dev.regua.support.problem.ResourceNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Activate, suspend and cancel contracts. The contract row is locked while it changes; the new state, the changed
 * installments and the events commit together. Callers own the transaction.
 */
@ApplicationScoped
public class ContractLifecycle {
    private final ReceivableRepository receivables;
    private final ReceivableService service;
    private final OutboxWriter outbox;
    private final Clock clock;

    public ContractLifecycle(ReceivableRepository receivables, ReceivableService service, OutboxWriter outbox, Clock clock) {
        this.receivables = receivables;
        this.service = service;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A contract with its installments. */
    public record ContractWithInstallments(Contract contract, ContractEntity row, List<Installment> installments) {
    }

    public Uni<ContractWithInstallments> get(String tenantId, UUID contractId) {
        return receivables.findContractEntity(tenantId, contractId, false).chain(row -> {
            if (row == null) {
                throw new ResourceNotFoundException("contract " + contractId + " not found");
            }
            return receivables.installmentsOfContract(tenantId, contractId)
                    .map(list -> new ContractWithInstallments(ReceivableRepository.toDomain(row), row, list));
        });
    }

    /** A suspended contract takes effect again; a monthly fee is generated again from the current month on. */
    public Uni<ContractWithInstallments> activate(String tenantId, UUID contractId) {
        return change(tenantId, contractId, (contract, row, today) -> {
            var event = contract.activate(today);
            if (contract.kind() == Contract.Kind.MONTHLY_FEE) {
                // the months of the suspension are not charged: generation resumes with the current month
                LocalDate skipThrough = YearMonth.from(today).minusMonths(1).atDay(1);
                if (row.generatedThrough == null || row.generatedThrough.isBefore(skipThrough)) {
                    row.generatedThrough = skipThrough.isBefore(row.startMonth) ? null : skipThrough;
                }
            }
            return Uni.createFrom().item(List.<RegisteredEvent>of(event));
        });
    }

    public Uni<ContractWithInstallments> suspend(String tenantId, UUID contractId, String reason) {
        return change(tenantId, contractId, (contract, row, today) ->
                Uni.createFrom().item(List.<RegisteredEvent>of(contract.suspend(reason, today))));
    }

    /** Cancels the contract and its installments that are not yet overdue and not paid at all. */
    public Uni<ContractWithInstallments> cancel(String tenantId, UUID contractId, String reason) {
        return change(tenantId, contractId, (contract, row, today) ->
                receivables.lockInstallmentsOfContract(tenantId, contractId).chain(installments -> {
                    List<RegisteredEvent> events = contract.cancel(reason, today, installments);
                    Uni<Void> writes = Uni.createFrom().voidItem();
                    for (Installment i : installments) {
                        writes = writes.chain(() -> receivables.update(i, clock.instant()));
                    }
                    return writes.replaceWith(events);
                }));
    }

    private interface Change {
        Uni<List<RegisteredEvent>> apply(Contract contract, ContractEntity row, LocalDate today);
    }

    private Uni<ContractWithInstallments> change(String tenantId, UUID contractId, Change change) {
        return service.settings(tenantId).chain(settings -> receivables.findContractEntity(tenantId, contractId, true).chain(row -> {
            if (row == null) {
                throw new ResourceNotFoundException("contract " + contractId + " not found");
            }
            Contract contract = ReceivableRepository.toDomain(row);
            LocalDate today = service.today(settings);
            return change.apply(contract, row, today).chain(events -> {
                ReceivableRepository.copy(contract, row);
                return outbox.appendAll(new ArrayList<>(events));
            }).chain(() -> receivables.installmentsOfContract(tenantId, contractId))
                    .map(list -> new ContractWithInstallments(contract, row, list));
        }));
    }
}
