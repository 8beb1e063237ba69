package dev.regua.dunning.regua.domain;

/** What a step does. */
public enum StepAction {
    SEND_MESSAGE, CREATE_TASK, RESTRICT_SERVICE, BUREAU_NOTICE, BUREAU_REGISTRATION, PROTEST, AGENCY_HANDOFF, WRITE_OFF,
    THANK_YOU;

    /** Actions that talk to the payer and so obey the contact-hour laws. */
    public boolean contactsPayer() {
        return this == SEND_MESSAGE || this == THANK_YOU;
    }

    /** Actions done once per case, whichever of its installments reaches the step first. */
    public boolean perCase() {
        return this != SEND_MESSAGE && this != THANK_YOU;
    }
}
