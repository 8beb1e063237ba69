package dev.regua.credit.analysis.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payer's credit limit with the tenant: granted by the latest approved analysis (valid for a while), used by
 * whatever the payer still owes on open installments; {@code available} is what a new crediário may take.
 */
public record CreditLimit(Status status, BigDecimal limit, BigDecimal used, BigDecimal available, Instant grantedAt,
                          Instant validUntil) {

    public enum Status {
        /** No approved analysis: ask for one first. */
        NO_ANALYSIS,
        /** The last approved analysis is older than the validity: analyse again. */
        EXPIRED,
        ACTIVE
    }

    public static CreditLimit of(BigDecimal granted, Instant grantedAt, Instant validUntil, BigDecimal used, Instant now) {
        BigDecimal u = used.setScale(2);
        if (granted == null) {
            return new CreditLimit(Status.NO_ANALYSIS, null, u, BigDecimal.ZERO.setScale(2), null, null);
        }
        if (now.isAfter(validUntil)) {
            return new CreditLimit(Status.EXPIRED, granted, u, BigDecimal.ZERO.setScale(2), grantedAt, validUntil);
        }
        BigDecimal available = granted.subtract(u).max(BigDecimal.ZERO).setScale(2);
        return new CreditLimit(Status.ACTIVE, granted, u, available, grantedAt, validUntil);
    }

    /** Whether a new plan of {@code amount} fits. */
    public boolean allows(BigDecimal amount) {
        return status == Status.ACTIVE && available.compareTo(amount) >= 0;
    }
}
