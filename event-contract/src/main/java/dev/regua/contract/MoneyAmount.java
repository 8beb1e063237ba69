package dev.regua.contract;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Money on the wire: the amount as a decimal string with two places (never a binary float) and the ISO currency.
 */
public record MoneyAmount(String amount, String currency) {
    public MoneyAmount {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static MoneyAmount brl(BigDecimal value) {
        return new MoneyAmount(value.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString(), "BRL");
    }

    public BigDecimal value() {
        return new BigDecimal(amount);
    }
}
