package dev.regua.contract.dunning;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.LocalDate;

/** A promise to pay passed its date plus grace with installments still overdue: the régua resumes. */
public record PromiseBroken(String eventId, String tenantId, String payerId, String promiseId, LocalDate promisedDate,
                            MoneyAmount amount, LocalDate brokenOn) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "promise/" + promiseId;
    }
}
