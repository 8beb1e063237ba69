package dev.regua.contract.dunning;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import dev.regua.contract.billing.Address;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A command from dunning to credit-check: send a bureau notice, register (negativar), remove a registration,
 * protest or cancel a protest for these debts. {@code idempotencyKey} identifies the side effect: a command
 * delivered any number of times acts once. {@code action} is NOTICE, REGISTER, REMOVE, PROTEST or CANCEL_PROTEST.
 */
public record BureauActionRequested(String eventId, String tenantId, String payerId, String caseId, String action,
                                    String idempotencyKey, Debtor debtor, NotificationRequested.Creditor creditor,
                                    List<Debt> debts, MoneyAmount total, Instant requestedAt)
        implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "payer/" + payerId;
    }

    /** The debtor as the bureau needs them: name, CPF/CNPJ, postal address (the notice letter goes there), e-mail. */
    public record Debtor(String name, String taxId, Address address, String email) {
    }

    /** One overdue debt: the installment, its original due date and the amount (updated to the day). */
    public record Debt(String installmentId, String contractId, LocalDate originalDueDate, MoneyAmount amount) {
    }
}
