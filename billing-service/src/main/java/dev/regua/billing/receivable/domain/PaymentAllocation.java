package dev.regua.billing.receivable.domain;

import dev.regua.contract.RegisteredEvent;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Spreads money over installments: each target in the given order (oldest due date first unless the payer named
 * the installments) receives, from the sources in order (older credit first, then the new payment), what is still
 * due on the payment date by the late-charge calculator. What no target needs stays with its source: the payer's
 * credit.
 */
public final class PaymentAllocation {
    private PaymentAllocation() {
    }

    /** Money available to allocate: a payment (new, or earlier with unallocated credit). */
    public record Source(UUID paymentId, String method, Money available) {
    }

    /** {@code amount} of payment {@code paymentId} applied to installment {@code installmentId}. */
    public record Applied(UUID paymentId, UUID installmentId, Money amount) {
    }

    /** What was applied, the events of the installments, and what each source has left. */
    public record Result(List<Applied> applied, List<RegisteredEvent> events, Map<UUID, Money> left) {
        public Money leftOf(UUID paymentId) {
            return left.getOrDefault(paymentId, Money.ZERO);
        }
    }

    public static Result allocate(List<Source> sources, List<Installment> targets, LocalDate on, BankCalendar calendar) {
        Map<UUID, Money> left = new LinkedHashMap<>();
        for (Source s : sources) {
            left.merge(s.paymentId(), s.available(), Money::plus);
        }
        List<Applied> applied = new ArrayList<>();
        List<RegisteredEvent> events = new ArrayList<>();
        for (Installment target : targets) {
            for (Source source : sources) {
                if (target.status().isSettled()) {
                    break;
                }
                Money available = left.get(source.paymentId());
                Money due = target.outstandingOn(on, calendar);
                if (!available.isPositive() || !due.isPositive()) {
                    continue;
                }
                Money take = available.min(due);
                events.addAll(target.pay(source.paymentId(), take, on, source.method(), calendar));
                applied.add(new Applied(source.paymentId(), target.id(), take));
                left.put(source.paymentId(), available.minus(take));
            }
        }
        return new Result(List.copyOf(applied), List.copyOf(events), Map.copyOf(left));
    }
}
