package dev.regua.credit.bureau.domain;

import java.time.Instant;

/**
 * Protest at a notary office (Lei 9.492/1997) through the offices' central (CRA): protest a title, register the
 * creditor's consent to cancellation (the carta de anuência) after payment, and request the cancellation. Writes
 * carry the caller's idempotency key; failures are {@link BureauException}s.
 */
public interface NotaryPort {

    ProtestReceipt protest(BureauPort.DebtToRegister debt, String idempotencyKey);

    ConsentReceipt consent(String protestProtocol, String idempotencyKey);

    CancellationReceipt cancel(String protestProtocol, String idempotencyKey);

    record ProtestReceipt(String protocol, String notaryOffice, Instant protestedAt) {
    }

    /** The carta de anuência: its number and when it was issued. */
    record ConsentReceipt(String letterNumber, Instant issuedAt) {
    }

    record CancellationReceipt(Instant cancelledAt) {
    }
}
