package dev.regua.credit.bureau.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What credit-check needs from a credit bureau, whichever it is. Calls are synchronous and carry the caller's
 * idempotency key, so a retry after a timeout never acts twice at the bureau. Failures are {@link BureauException}s
 * that say whether retrying can help.
 */
public interface BureauPort {

    BureauName name();

    /** Asks the bureau to send the debtor the written prior notice (CDC art. 43 §2, STJ Súmula 359). */
    NoticeReceipt sendNotice(DebtToRegister debt, String idempotencyKey);

    /** Registers (negativa) the debt; {@code noticeProtocol} is the protocol of the notice sent before. */
    RegistrationReceipt register(DebtToRegister debt, String noticeProtocol, String idempotencyKey);

    /** Removes (dá baixa em) a registration. */
    RemovalReceipt remove(String registrationProtocol, RemovalReason reason, String idempotencyKey);

    /** The bureau's score and the restrictions other creditors registered for a CPF/CNPJ. */
    CreditReport report(String taxId);

    /** The debtor as the bureau needs them: the notice letter goes to this address. */
    record Debtor(String name, String taxId, String street, String number, String complement, String district,
                  String city, String state, String postalCode) {
    }

    /** One debt to notify or register: the creditor's CNPJ, a contract reference, the oldest due date, the amount. */
    record DebtToRegister(String creditorCnpj, String creditorName, Debtor debtor, String contract,
                          LocalDate dueDate, BigDecimal amount) {
    }

    record NoticeReceipt(String protocol, Instant sentAt, String trackingCode) {
    }

    record RegistrationReceipt(String protocol, Instant registeredAt) {
    }

    record RemovalReceipt(String protocol, Instant removedAt) {
    }

    /** A restriction as the bureau reports it. */
    record Restriction(String creditor, BigDecimal amount, LocalDate since) {
    }

    record CreditReport(BureauName bureau, int score, List<Restriction> restrictions, BigDecimal restrictedAmount) {
    }

    enum RemovalReason {
        PAYMENT, RENEGOTIATION, CANCELLATION, DISPUTE
    }
}
