package dev.regua.contract.billing;

import dev.regua.contract.MoneyAmount;
import java.time.LocalDate;

/**
 * An installment as billing sees it when an event is published. {@code dueDate} is the original due date moved to
 * the next bank business day; {@code terms} are the late-charge terms the payer agreed to; {@code paidAmount} is
 * what was paid so far (partial payments included).
 */
public record InstallmentView(String installmentId, String contractId, int number, int count, MoneyAmount nominal,
                              LocalDate originalDueDate, LocalDate dueDate, ChargeTermsView terms, String status,
                              MoneyAmount paidAmount) {
}
