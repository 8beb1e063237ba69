package dev.regua.dunning.regua.domain;

/** How a step's offset from the due date is counted: calendar days, or bank business days. */
public enum DayCount {
    CALENDAR, BUSINESS
}
