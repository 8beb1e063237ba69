package dev.regua.billing.receivable.domain;

import dev.regua.kernel.money.Money;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which money of a payment a reversal (estorno) takes back, in whole or in part: first what the payment left as the
 * payer's credit (applied to nothing yet), then its allocations newest first. An allocation taken back in part is
 * undone and its kept part applied again to the same installment, so the history shows both.
 */
public final class PaymentReversal {
    private PaymentReversal() {
    }

    /** One live allocation of the payment to an installment. */
    public record Allocation(UUID id, UUID installmentId, Money amount) {
    }

    /** An allocation taken back: {@code taken} of it, {@code kept} still applied (zero when undone whole). */
    public record Undo(Allocation allocation, Money taken, Money kept) {
    }

    /** What the reversal takes: from the payment's credit, and from each allocation (newest first). */
    public record Plan(Money amount, Money fromCredit, List<Undo> undone) {
        /** Per installment, how much of its paid amount goes back, in the order the allocations were made. */
        public Map<UUID, Money> byInstallment() {
            Map<UUID, Money> sums = new LinkedHashMap<>();
            for (int i = undone.size() - 1; i >= 0; i--) {
                Undo u = undone.get(i);
                sums.merge(u.allocation().installmentId(), u.taken(), Money::plus);
            }
            return sums;
        }
    }

    /**
     * @param requested       the amount to reverse, or null for everything not yet reversed
     * @param paymentAmount   the payment's amount
     * @param alreadyReversed what earlier partial reversals took back
     * @param oldestFirst     the payment's live allocations in the order they were made
     */
    public static Plan plan(Money requested, Money paymentAmount, Money alreadyReversed, List<Allocation> oldestFirst) {
        Money reversible = paymentAmount.minus(alreadyReversed);
        Money amount = requested == null ? reversible : requested;
        if (!amount.isPositive()) {
            throw new InvalidInputException("amount", "must be greater than zero");
        }
        if (amount.isGreaterThan(reversible)) {
            throw new BusinessRuleException("reversal-exceeds-payment", "only " + reversible
                    + " of the payment is left to reverse, not " + amount);
        }
        Money allocated = Money.sum(oldestFirst.stream().map(Allocation::amount).toList());
        Money credit = reversible.minus(allocated).max(Money.ZERO);
        Money fromCredit = amount.min(credit);
        Money rest = amount.minus(fromCredit);
        List<Undo> undone = new ArrayList<>();
        for (int i = oldestFirst.size() - 1; i >= 0 && rest.isPositive(); i--) {
            Allocation a = oldestFirst.get(i);
            Money take = rest.min(a.amount());
            undone.add(new Undo(a, take, a.amount().minus(take)));
            rest = rest.minus(take);
        }
        return new Plan(amount, fromCredit, List.copyOf(undone));
    }
}
