package dev.regua.credit.bureau.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Protest at a notary office (Lei 9.492/1997) through the offices' central (CRA). A title is presented
 * (apontamento) and the office notifies the debtor (intimação), who may pay until the third business day after it;
 * unpaid, the title is then protested. The creditor asks where a title stands on its own business date (the CRA's
 * daily return), may withdraw it before the protest (desistência), registers its consent to cancellation after
 * payment (the carta de anuência) and requests the cancellation. Writes carry the caller's idempotency key;
 * failures are {@link BureauException}s.
 */
public interface NotaryPort {

    /** Presents the title on {@code presentedOn} (the creditor's business date). */
    TitleReceipt present(BureauPort.DebtToRegister debt, LocalDate presentedOn, String idempotencyKey);

    /** Where the title stands on {@code referenceDate}. */
    TitleReceipt status(String protocol, LocalDate referenceDate);

    /** Withdraws a title not yet protested; a rejection with {@link #ALREADY_PROTESTED} means it was too late. */
    TitleReceipt withdraw(String protocol, LocalDate referenceDate, String idempotencyKey);

    ConsentReceipt consent(String protestProtocol, String idempotencyKey);

    CancellationReceipt cancel(String protestProtocol, String idempotencyKey);

    /** The central's code for a withdrawal that came after the protest. */
    String ALREADY_PROTESTED = "TITULO_JA_PROTESTADO";

    enum TitleState {
        /** Registered and the debtor notified; may still pay until the deadline. */
        NOTIFIED,
        PROTESTED,
        WITHDRAWN,
        CONSENT_GIVEN,
        CANCELLED
    }

    /** A title at the notary: its protocol and office, where it stands, the last day to pay and the protest date. */
    record TitleReceipt(String protocol, String notaryOffice, TitleState state, LocalDate paymentDeadline, LocalDate protestedOn) {
    }

    /** The carta de anuência: its number and when it was issued. */
    record ConsentReceipt(String letterNumber, Instant issuedAt) {
    }

    record CancellationReceipt(Instant cancelledAt) {
    }
}
