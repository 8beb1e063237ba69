package dev.regua.credit.negativation.domain;

import dev.regua.kernel.calendar.BankCalendar;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The law on negativação, as plain functions (brazil-rules.md): registration only after the notice has had time
 * to arrive (10 days; 15 for São Paulo residents), only for an open debt, within 5 years counted from the day after
 * the due date (CDC art. 43 §1), above the tenant's minimum; removal within 5 business days of payment (STJ Súmula
 * 548), which Régua requests the same day.
 */
public final class NegativationRules {
    public static final String NOTICE_TOO_RECENT = "NOTICE_TOO_RECENT";
    public static final String NO_NOTICE = "NO_NOTICE";
    public static final String DEBT_PAID = "DEBT_PAID";
    public static final String OLDER_THAN_FIVE_YEARS = "OLDER_THAN_FIVE_YEARS";
    public static final String BELOW_MINIMUM = "BELOW_MINIMUM";
    public static final String NO_ADDRESS = "NO_ADDRESS";
    public static final String DISPUTED = "DISPUTED";
    /** Staff upheld the debtor's dispute: the negativação ends. */
    public static final String DISPUTE_UPHELD = "DISPUTE_UPHELD";
    /** Staff rejected the debtor's dispute: the registration is restored. */
    public static final String DISPUTE_REJECTED = "DISPUTE_REJECTED";

    private NegativationRules() {
    }

    /** The tenant's thresholds. */
    public record Policy(BigDecimal minimumAmount, int noticeWaitDays, int noticeWaitDaysSaoPaulo) {
        public int waitDaysFor(String debtorState) {
            return "SP".equalsIgnoreCase(debtorState) ? noticeWaitDaysSaoPaulo : noticeWaitDays;
        }
    }

    /** A debt of the negativação as the read model sees it today. */
    public record Debt(LocalDate originalDueDate, BigDecimal amount, boolean open) {
    }

    /** The first day registration is allowed after a notice sent on {@code noticeSentOn}. */
    public static LocalDate registrationAllowedFrom(LocalDate noticeSentOn, String debtorState, Policy policy) {
        return noticeSentOn.plusDays(policy.waitDaysFor(debtorState));
    }

    /** The last day a debt due on {@code dueDate} may stay registered: 5 years counted from the day after. */
    public static LocalDate lastDayOnRecord(LocalDate dueDate) {
        return dueDate.plusDays(1).plusYears(5).minusDays(1);
    }

    /** Why a notice may not be sent for these debts today, if there is a reason. */
    public static Optional<String> refuseNotice(List<Debt> debts, BigDecimal total, String debtorState, LocalDate today,
                                                Policy policy) {
        if (debtorState == null || debtorState.isBlank()) {
            return Optional.of(NO_ADDRESS);
        }
        return refuseDebt(debts, total, today, policy);
    }

    /** Why registration may not happen today, if there is a reason. */
    public static Optional<String> refuseRegistration(LocalDate noticeSentOn, String debtorState, List<Debt> debts,
                                                      BigDecimal total, LocalDate today, Policy policy) {
        if (noticeSentOn == null) {
            return Optional.of(NO_NOTICE);
        }
        Optional<String> debt = refuseDebt(debts, total, today, policy);
        if (debt.isPresent()) {
            return debt;
        }
        if (today.isBefore(registrationAllowedFrom(noticeSentOn, debtorState, policy))) {
            return Optional.of(NOTICE_TOO_RECENT);
        }
        return Optional.empty();
    }

    private static Optional<String> refuseDebt(List<Debt> debts, BigDecimal total, LocalDate today, Policy policy) {
        List<Debt> open = debts.stream().filter(Debt::open).toList();
        if (open.isEmpty()) {
            return Optional.of(DEBT_PAID);
        }
        LocalDate oldest = open.stream().map(Debt::originalDueDate).min(LocalDate::compareTo).orElseThrow();
        if (today.isAfter(lastDayOnRecord(oldest))) {
            return Optional.of(OLDER_THAN_FIVE_YEARS);
        }
        if (total.compareTo(policy.minimumAmount()) < 0) {
            return Optional.of(BELOW_MINIMUM);
        }
        return Optional.empty();
    }

    /** Only a NOTICE_TOO_RECENT refusal leaves the negativação waiting for a later REGISTER; the others end it. */
    public static boolean endsTheNegativation(String refusal) {
        return !NOTICE_TOO_RECENT.equals(refusal) && !NO_NOTICE.equals(refusal);
    }

    /**
     * The legal deadline for removal after payment on {@code paidOn}: 5 business days, the first being the first
     * business day after the payment (STJ Súmula 548).
     */
    public static LocalDate removalDeadline(LocalDate paidOn, BankCalendar calendar) {
        return calendar.plusBusinessDays(paidOn, 5);
    }

    /** The day Régua itself requests removal: the same day when it is a business day, else the next one. */
    public static LocalDate removalTarget(LocalDate today, BankCalendar calendar) {
        return calendar.nextBusinessDayOnOrAfter(today);
    }

    /** Wait before attempt {@code attempts + 1}: doubles from {@code base}, never more than {@code max}. */
    public static Duration backoff(int attempts, Duration base, Duration max) {
        Duration d = base.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return d.compareTo(max) > 0 ? max : d;
    }
}
