package dev.regua.credit.limit.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A payer's credit limit with the tenant and what its open plans use of it. The limit staff set
 * ({@link Source#MANAGED}) wins; without one, the latest approved analysis grants its {@code approvedLimit} for a
 * while ({@link Source#ANALYSIS}); {@code available} = limit − used is what a new crediário may take.
 */
public record CreditLimit(Status status, Source source, BigDecimal limit, BigDecimal used, BigDecimal available,
                          Instant grantedAt, Instant validUntil) {

    public enum Status {
        /** No limit set and no approved analysis: ask for one first. */
        NO_ANALYSIS,
        /** The last approved analysis is older than the validity and no limit is set: analyse again. */
        EXPIRED,
        ACTIVE
    }

    /** Where the limit comes from. */
    public enum Source {
        /** Set by the tenant's staff; no expiry. */
        MANAGED,
        /** The latest approved analysis' approved limit, valid for a while. */
        ANALYSIS,
        NONE
    }

    /** Whether a new plan fits, and why (each reason is {@code CODE: explanation}). */
    public record Availability(boolean fits, List<String> reasons) {
    }

    /** A limit staff set. */
    public static CreditLimit managed(BigDecimal amount, Instant setAt, BigDecimal used) {
        BigDecimal u = used.setScale(2);
        return new CreditLimit(Status.ACTIVE, Source.MANAGED, amount.setScale(2), u,
                amount.subtract(u).max(BigDecimal.ZERO).setScale(2), setAt, null);
    }

    /** The limit an approved analysis granted ({@code granted} null: none). */
    public static CreditLimit of(BigDecimal granted, Instant grantedAt, Instant validUntil, BigDecimal used, Instant now) {
        BigDecimal u = used.setScale(2);
        if (granted == null) {
            return new CreditLimit(Status.NO_ANALYSIS, Source.NONE, null, u, BigDecimal.ZERO.setScale(2), null, null);
        }
        if (now.isAfter(validUntil)) {
            return new CreditLimit(Status.EXPIRED, Source.ANALYSIS, granted, u, BigDecimal.ZERO.setScale(2), grantedAt, validUntil);
        }
        BigDecimal available = granted.subtract(u).max(BigDecimal.ZERO).setScale(2);
        return new CreditLimit(Status.ACTIVE, Source.ANALYSIS, granted, u, available, grantedAt, validUntil);
    }

    /** Whether a new plan of {@code amount} fits. */
    public boolean allows(BigDecimal amount) {
        return status == Status.ACTIVE && available.compareTo(amount) >= 0;
    }

    /** Whether a new plan of {@code amount} fits, with the reasons. */
    public Availability check(BigDecimal amount) {
        return switch (status) {
            case NO_ANALYSIS -> new Availability(false, List.of("NO_LIMIT: no limit was set by staff and no analysis approved one"));
            case EXPIRED -> new Availability(false, List.of("LIMIT_EXPIRED: the approved analysis of " + grantedAt
                    + " was valid until " + validUntil + "; analyse again or set a limit"));
            case ACTIVE -> {
                String figures = "limit " + limit.toPlainString() + " (" + source.name().toLowerCase() + ") − open plans "
                        + used.toPlainString() + " = " + available.toPlainString() + " available";
                yield allows(amount)
                        ? new Availability(true, List.of("WITHIN_LIMIT: " + amount.toPlainString() + " fits; " + figures))
                        : new Availability(false, List.of("ABOVE_AVAILABLE: " + amount.toPlainString() + " is more than is available; "
                        + figures));
            }
        };
    }
}
