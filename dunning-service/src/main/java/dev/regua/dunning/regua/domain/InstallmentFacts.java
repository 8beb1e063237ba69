package dev.regua.dunning.regua.domain;

import java.time.LocalDate;

/** What dunning knows of an installment from billing's events. */
public record InstallmentFacts(String installmentId, String tenantId, String payerId, LocalDate dueDate,
                               BillingStatus status) {

    /**
     * Billing's statuses, ranked so that a late or duplicated event never moves an installment backwards (only a
     * payment reversal does, explicitly).
     */
    public enum BillingStatus {
        OPEN(0), DUE(1), PARTIALLY_PAID(1), OVERDUE(2), PAID(3), CANCELLED(3), WRITTEN_OFF(3);

        private final int rank;

        BillingStatus(int rank) {
            this.rank = rank;
        }

        /** The status after learning {@code reported}: the later of the two in the installment's life. */
        public BillingStatus merge(BillingStatus reported) {
            if (this == OVERDUE && reported == PARTIALLY_PAID) {
                return OVERDUE;
            }
            return reported.rank >= rank ? reported : this;
        }

        public boolean settled() {
            return rank == 3;
        }
    }
}
