package dev.regua.credit.negativation.domain;

/**
 * Where a negativação stands. NOTICE_REQUESTED and REGISTRATION_REQUESTED wait for the bureau's answer;
 * REFUSED and REMOVED are final; SUSPENDED is where a dispute leaves it.
 */
public enum NegativationState {
    NOTICE_REQUESTED, NOTICE_SENT, REGISTRATION_REQUESTED, REGISTERED, REFUSED, REMOVAL_REQUESTED, REMOVED, DISPUTED,
    SUSPENDED;

    public boolean isFinal() {
        return this == REFUSED || this == REMOVED || this == SUSPENDED;
    }

    /** Nothing is at the bureau yet: a settled debt simply stops the negativação (REFUSED, DEBT_PAID). */
    public boolean beforeRegistration() {
        return this == NOTICE_REQUESTED || this == NOTICE_SENT || this == REGISTRATION_REQUESTED;
    }
}
