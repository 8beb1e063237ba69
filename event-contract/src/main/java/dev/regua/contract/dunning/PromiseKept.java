package dev.regua.contract.dunning;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.LocalDate;

/** Nothing is overdue any more while a promise to pay was open: the promise was kept. */
public record PromiseKept(String eventId, String tenantId, String payerId, String promiseId, LocalDate promisedDate,
                          MoneyAmount amount, LocalDate keptOn) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "promise/" + promiseId;
    }
}
