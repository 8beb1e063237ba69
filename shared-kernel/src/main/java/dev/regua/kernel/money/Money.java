package dev.regua.kernel.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An immutable amount of money: a {@link BigDecimal} with exactly two decimal places plus an ISO 4217
 * currency code. Régua only deals in Brazilian reais ({@value #BRL}); the currency is kept so that
 * mixing currencies fails loudly instead of silently.
 *
 * <p><b>Exactness.</b> Factories refuse amounts that would lose precision (more than two significant
 * decimal places): round explicitly before creating a {@code Money}. Trailing zeros are fine
 * ({@code 1.500} becomes {@code 1.50}).
 *
 * <p><b>Rounding.</b> Operations whose exact result may have more than two decimals ({@link #times},
 * {@link #percent}) round {@link RoundingMode#HALF_UP HALF_UP} to the cent, the convention of Brazilian
 * banks and of the BCB Pix/boleto specs (half a cent goes up), not banker's rounding.
 *
 * <p><b>Sign.</b> Amounts may be negative (e.g. the result of {@link #minus}); use {@link #isPositive()}
 * and friends where a sign matters.
 *
 * <p>{@link #equals} and {@link #compareTo} agree: {@code 1.5} and {@code 1.50} are the same money.
 */
public final class Money implements Comparable<Money> {

    /** ISO 4217 code of the Brazilian real. */
    public static final String BRL = "BRL";

    /** Scale of every {@code Money} amount: cents. */
    public static final int SCALE = 2;

    /** Rounding used for every computed money result. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    /** Zero reais. */
    public static final Money ZERO = new Money(BigDecimal.ZERO.setScale(SCALE), BRL);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private final BigDecimal amount;
    private final String currency;

    private Money(BigDecimal amount, String currency) {
        this.amount = amount;
        this.currency = currency;
    }

    /**
     * Parses a plain decimal in reais with a dot as decimal separator, e.g. {@code "150"}, {@code "150.00"},
     * {@code "-0.5"}. Brazilian formatting ({@code "1.234,56"}, {@code "R$"}) is not accepted here.
     *
     * @throws IllegalArgumentException if the text is not a plain decimal or has more than two decimals
     */
    public static Money of(String amount) {
        Objects.requireNonNull(amount, "amount");
        String trimmed = amount.strip();
        if (!PLAIN_DECIMAL.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(
                    "Not a money amount: \"" + amount + "\" (expected a plain decimal such as 1234.56)");
        }
        return of(new BigDecimal(trimmed));
    }

    /**
     * Creates an amount in reais.
     *
     * @throws IllegalArgumentException if the amount has more than two significant decimal places
     */
    public static Money of(BigDecimal amount) {
        return of(amount, BRL);
    }

    /**
     * Creates an amount in the given currency.
     *
     * @param currency ISO 4217 code, three upper-case letters (only {@value #BRL} is used by Régua)
     * @throws IllegalArgumentException if the amount has more than two significant decimal places or the
     *                                  currency code is malformed
     */
    public static Money of(BigDecimal amount, String currency) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (!CURRENCY_CODE.matcher(currency).matches()) {
            throw new IllegalArgumentException("Currency must be an ISO 4217 code such as BRL, got \"" + currency + "\"");
        }
        BigDecimal scaled;
        try {
            scaled = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Money amount " + amount.toPlainString()
                    + " has more than " + SCALE + " decimal places; round it explicitly to cents first");
        }
        return new Money(scaled, currency);
    }

    /** Creates an amount in reais from a number of cents, e.g. {@code ofCents(15000)} is {@code 150.00}. */
    public static Money ofCents(long cents) {
        return new Money(BigDecimal.valueOf(cents, SCALE), BRL);
    }

    /** Sum of the given amounts, {@link #ZERO} when empty. All must share one currency. */
    public static Money sum(Iterable<Money> amounts) {
        Money total = null;
        for (Money m : amounts) {
            total = total == null ? m : total.plus(m);
        }
        return total == null ? ZERO : total;
    }

    /** The amount, always with scale 2. */
    public BigDecimal amount() {
        return amount;
    }

    /** The ISO 4217 currency code. */
    public String currency() {
        return currency;
    }

    /** The amount in cents, e.g. {@code 150.00 -> 15000} (boleto and CNAB fields use cents). */
    public long cents() {
        return amount.movePointRight(SCALE).longValueExact();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** Multiplies by an arbitrary factor, rounding {@code HALF_UP} to the cent. */
    public Money times(BigDecimal factor) {
        Objects.requireNonNull(factor, "factor");
        return new Money(amount.multiply(factor).setScale(SCALE, ROUNDING), currency);
    }

    /** Multiplies by a whole number (exact). */
    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /**
     * The given percentage of this amount, rounded {@code HALF_UP} to the cent:
     * {@code Money.of("300.00").percent(new BigDecimal("2"))} is {@code 6.00}.
     */
    public Money percent(BigDecimal percent) {
        Objects.requireNonNull(percent, "percent");
        return new Money(amount.multiply(percent).divide(HUNDRED).setScale(SCALE, ROUNDING), currency);
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /** The larger of this and {@code other}. */
    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** The smaller of this and {@code other}. */
    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /**
     * Splits this amount into {@code n} parts that add up exactly to it. Every part gets the amount divided
     * by {@code n} truncated to the cent; the remaining cents (fewer than {@code n}) all go to one part, the
     * first or the last, as Brazilian installment plans usually do: R$ 100,00 in 6 with {@code FIRST} is
     * 16,70 + 5 × 16,66.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public List<Money> splitEvenly(int n, RemainderPolicy policy) {
        if (n < 1) {
            throw new IllegalArgumentException("Cannot split money into " + n + " parts; need at least 1");
        }
        Objects.requireNonNull(policy, "policy");
        long total = cents();
        long base = total / n; // truncates towards zero, so the remainder has the sign of the total
        long remainder = total - base * n;
        Money regular = new Money(BigDecimal.valueOf(base, SCALE), currency);
        List<Money> parts = new ArrayList<>(Collections.nCopies(n, regular));
        int index = policy == RemainderPolicy.FIRST ? 0 : n - 1;
        parts.set(index, new Money(BigDecimal.valueOf(base + remainder, SCALE), currency));
        return List.copyOf(parts);
    }

    /**
     * Brazilian Portuguese presentation, e.g. {@code R$ 1.234,56} and {@code -R$ 0,50}. The separator after
     * {@code R$} is a normal space (U+0020), not the no-break space some JDK locales emit, so the output is
     * stable across JDK versions and safe in SMS, e-mail and WhatsApp templates. For currencies other than
     * BRL the ISO code is used as the symbol.
     */
    public String formatPtBr() {
        String symbol = BRL.equals(currency) ? "R$" : currency;
        String plain = amount.abs().toPlainString(); // scale 2: "1234.56"
        int dot = plain.indexOf('.');
        String integer = plain.substring(0, dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(integer.charAt(i));
        }
        return (isNegative() ? "-" : "") + symbol + " " + grouped + "," + plain.substring(dot + 1);
    }

    /**
     * Compares amounts of the same currency.
     *
     * @throws IllegalArgumentException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && amount.equals(m.amount) && currency.equals(m.currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount, currency);
    }

    /** The plain amount with two decimals, e.g. {@code 150.00} (no currency, no grouping). */
    @Override
    public String toString() {
        return amount.toPlainString();
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }
}
