package dev.regua.dunning.regua.application;

import dev.regua.dunning.regua.persistence.AgreementFactEntity;
import dev.regua.dunning.regua.persistence.InstallmentFactEntity;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.AmountDue;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.charges.LateChargeCalculator;
import dev.regua.kernel.charges.PunctualityDiscount;
import dev.regua.kernel.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Figures of a payer's debts as of a day, from the facts and the shared late-charge calculator, on the tenant's bank
 * calendar (national + state + city holidays, {@link Calendars#of}) — the one billing moves due dates with, so an
 * amount here is the amount billing quotes.
 */
public final class CaseMath {

    private CaseMath() {
    }

    public static AmountDue due(InstallmentFactEntity i, LocalDate day, BankCalendar calendar) {
        ChargeTerms terms = terms(i);
        Money alreadyPaid = i.paidAmount == null ? Money.ZERO : Money.of(i.paidAmount);
        return LateChargeCalculator.amountDue(Money.of(i.nominal), i.originalDueDate, terms, calendar, day, alreadyPaid);
    }

    /** The installment's agreed terms as billing sent them, its punctuality discount included. */
    static ChargeTerms terms(InstallmentFactEntity i) {
        ChargeTerms terms = ChargeTerms.of(i.finePercent, i.monthlyInterestPercent).withGraceDays(i.graceDays);
        return i.punctualityDiscountPercent == null || i.punctualityDiscountUntil == null ? terms
                : terms.withPunctualityDiscount(PunctualityDiscount.percent(i.punctualityDiscountPercent, i.punctualityDiscountUntil));
    }

    /** Agreements still standing (created, neither paid nor broken). */
    public static Set<UUID> activeAgreements(List<AgreementFactEntity> agreements) {
        return agreements.stream().filter(a -> "CREATED".equals(a.status)).map(a -> a.agreementId).collect(Collectors.toSet());
    }

    public static Set<UUID> paidAgreements(List<AgreementFactEntity> agreements) {
        return agreements.stream().filter(a -> "PAID".equals(a.status)).map(a -> a.agreementId).collect(Collectors.toSet());
    }

    /** Overdue and collected on its own (not replaced by a standing or paid agreement). */
    public static boolean collectible(InstallmentFactEntity i, List<AgreementFactEntity> agreements) {
        return "OVERDUE".equals(i.status) && !renegotiated(i, agreements);
    }

    public static boolean renegotiated(InstallmentFactEntity i, List<AgreementFactEntity> agreements) {
        if (i.agreementId == null) {
            return false;
        }
        return agreements.stream().noneMatch(a -> a.agreementId.equals(i.agreementId) && "BROKEN".equals(a.status));
    }

    public static boolean inStandingAgreement(InstallmentFactEntity i, List<AgreementFactEntity> agreements) {
        return i.agreementId != null && activeAgreements(agreements).contains(i.agreementId);
    }

    public static BigDecimal overdueAmount(List<InstallmentFactEntity> installments, List<AgreementFactEntity> agreements, LocalDate day,
                                           BankCalendar calendar) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (InstallmentFactEntity i : installments) {
            if (collectible(i, agreements)) {
                sum = sum.add(due(i, day, calendar).total().amount());
            }
        }
        return sum;
    }

    public static LocalDate oldestOverdue(List<InstallmentFactEntity> installments, List<AgreementFactEntity> agreements) {
        return installments.stream().filter(i -> collectible(i, agreements)).map(i -> i.dueDate).min(LocalDate::compareTo).orElse(null);
    }

    /** Percentage of the payer's paid installments paid by their due date plus grace (100 when none was paid). */
    public static int punctuality(List<InstallmentFactEntity> installments, BankCalendar calendar) {
        List<InstallmentFactEntity> paid = installments.stream().filter(i -> "PAID".equals(i.status) && i.paidOn != null).toList();
        if (paid.isEmpty()) {
            return 100;
        }
        long onTime = paid.stream().filter(i -> !i.paidOn.isAfter(LateChargeCalculator.lastDayWithoutCharges(i.originalDueDate,
                terms(i), calendar))).count();
        return (int) (onTime * 100 / paid.size());
    }

    /** What the payer still owes in nominal terms (unsettled installments minus partial payments). */
    public static BigDecimal outstanding(List<InstallmentFactEntity> installments) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (InstallmentFactEntity i : installments) {
            if (Set.of("OPEN", "DUE", "PARTIALLY_PAID", "OVERDUE").contains(i.status)) {
                sum = sum.add(i.nominal.subtract(i.paidAmount == null ? BigDecimal.ZERO : i.paidAmount));
            }
        }
        return sum;
    }

    public static String brl(BigDecimal amount) {
        return "R$ " + amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
