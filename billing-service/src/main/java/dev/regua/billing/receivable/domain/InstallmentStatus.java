package dev.regua.billing.receivable.domain;

/**
 * Where an installment stands. OPEN → DUE (in its billing window) → OVERDUE, PARTIALLY_PAID on the way; PAID ends
 * it. CANCELLED (its contract was cancelled or an agreement broke), RENEGOTIATED (replaced by an agreement) and
 * WRITTEN_OFF (a loss, baixa por perda) take it out of collection too.
 */
public enum InstallmentStatus {
    OPEN, DUE, OVERDUE, PARTIALLY_PAID, PAID, CANCELLED, RENEGOTIATED, WRITTEN_OFF;

    /** Nothing more is collected on it. */
    public boolean isSettled() {
        return this == PAID || this == CANCELLED || this == RENEGOTIATED || this == WRITTEN_OFF;
    }
}
