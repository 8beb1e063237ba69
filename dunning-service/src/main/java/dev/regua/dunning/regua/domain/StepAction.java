package dev.regua.dunning.regua.domain;

/** What a step does. This slice executes {@link #SEND_MESSAGE}; the others are part of the dunning issue. */
public enum StepAction {
    SEND_MESSAGE
}
