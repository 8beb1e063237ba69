package dev.regua.billing.receivable.domain;

/** Where an installment stands. OPEN → DUE (in its billing window) → OVERDUE; PAID ends it. */
public enum InstallmentStatus {
    OPEN, DUE, OVERDUE, PARTIALLY_PAID, PAID, CANCELLED;

    public boolean isSettled() {
        return this == PAID || this == CANCELLED;
    }
}
