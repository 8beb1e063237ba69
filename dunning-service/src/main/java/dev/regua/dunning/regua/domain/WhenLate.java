package dev.regua.dunning.regua.domain;

/**
 * What a step does when it could only run after its useful moment (after downtime, or a "due in 3 days" reminder
 * after the due date): {@link #RUN} it anyway, or {@link #SKIP} it.
 */
public enum WhenLate {
    RUN, SKIP
}
