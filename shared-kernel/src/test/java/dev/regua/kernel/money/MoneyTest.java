package dev.regua.kernel.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "150,      150.00",
            "150.0,    150.00",
            "150.00,   150.00",
            "1.500,    1.50",
            "-0.5,     -0.50",
            "0,        0.00",
            "' 42.10 ', 42.10",
    })
    void normalisesAmountsToTwoDecimals(String input, String expected) {
        Money money = Money.of(input);

        assertThat(money.toString()).isEqualTo(expected);
        assertThat(money.amount().scale()).isEqualTo(2);
        assertThat(money.currency()).isEqualTo(Money.BRL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.234", "0.001", "150.005"})
    void refusesAmountsWithMoreThanTwoDecimals(String input) {
        assertThatThrownBy(() -> Money.of(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 2 decimal places");
        assertThatThrownBy(() -> Money.of(new BigDecimal(input)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("round it explicitly");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.234,56", "R$ 10,00", "abc", "", "1e3", "10."})
    void refusesTextThatIsNotAPlainDecimal(String input) {
        assertThatThrownBy(() -> Money.of(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a money amount");
    }

    @Test
    void refusesMalformedCurrencyCode() {
        assertThatThrownBy(() -> Money.of(BigDecimal.TEN, "real"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO 4217");
    }

    @Test
    void addsAndSubtractsExactly() {
        Money a = Money.of("0.10");
        Money b = Money.of("0.20");

        assertThat(a.plus(b)).isEqualTo(Money.of("0.30"));
        assertThat(a.minus(b)).isEqualTo(Money.of("-0.10"));
        assertThat(a.minus(b).isNegative()).isTrue();
        assertThat(a.minus(b).negate()).isEqualTo(a);
    }

    @Test
    void refusesToCombineDifferentCurrencies() {
        Money reais = Money.of("1.00");
        Money dollars = Money.of(BigDecimal.ONE, "USD");

        assertThatThrownBy(() -> reais.plus(dollars)).hasMessageContaining("Cannot combine BRL with USD");
        assertThatThrownBy(() -> reais.compareTo(dollars)).isInstanceOf(IllegalArgumentException.class);
        assertThat(reais).isNotEqualTo(dollars);
    }

    @ParameterizedTest(name = "{1} % of {0} = {2}")
    @CsvSource({
            "300.00, 2,    6.00",
            "100.25, 2,    2.01", // 2.005: HALF_UP goes up (HALF_EVEN would give 2.00)
            "0.05,   50,   0.03", // 0.025
            "0.05,   30,   0.02", // 0.015 -> 0.02 both ways
            "123.45, 2,    2.47", // 2.469
            "10.00,  0,    0.00",
            "-100.25, 2,   -2.01", // HALF_UP rounds away from zero
    })
    void takesPercentagesRoundingHalfUp(String amount, String percent, String expected) {
        assertThat(Money.of(amount).percent(new BigDecimal(percent))).isEqualTo(Money.of(expected));
    }

    @ParameterizedTest(name = "{0} x {1} = {2}")
    @CsvSource({
            "10.00, 0.333, 3.33",
            "10.00, 0.3335, 3.34", // 3.335
            "10.00, 3,     30.00",
    })
    void multipliesRoundingHalfUp(String amount, String factor, String expected) {
        assertThat(Money.of(amount).times(new BigDecimal(factor))).isEqualTo(Money.of(expected));
    }

    @Test
    void multipliesByWholeNumbersExactly() {
        assertThat(Money.of("33.33").times(3)).isEqualTo(Money.of("99.99"));
    }

    @Test
    void comparesByValueIgnoringScale() {
        assertThat(Money.of(new BigDecimal("1.5"))).isEqualTo(Money.of("1.50")).hasSameHashCodeAs(Money.of("1.50"));
        assertThat(Money.of("2.00")).isGreaterThan(Money.of("1.99"));
        assertThat(Money.of("2.00").isGreaterThan(Money.of("1.99"))).isTrue();
        assertThat(Money.of("1.99").isLessThan(Money.of("2.00"))).isTrue();
        assertThat(Money.of("1.99").max(Money.of("2.00"))).isEqualTo(Money.of("2.00"));
        assertThat(Money.of("1.99").min(Money.of("2.00"))).isEqualTo(Money.of("1.99"));
    }

    @Test
    void reportsSign() {
        assertThat(Money.of("0.01").isPositive()).isTrue();
        assertThat(Money.ZERO.isZero()).isTrue();
        assertThat(Money.ZERO.isPositive()).isFalse();
        assertThat(Money.of("-0.01").isNegative()).isTrue();
    }

    @Test
    void convertsToAndFromCents() {
        assertThat(Money.ofCents(15000)).isEqualTo(Money.of("150.00"));
        assertThat(Money.of("1234.56").cents()).isEqualTo(123456L);
        assertThat(Money.ofCents(-5).toString()).isEqualTo("-0.05");
    }

    @Test
    void sumsAListAndTreatsEmptyAsZero() {
        assertThat(Money.sum(List.of(Money.of("1.10"), Money.of("2.20")))).isEqualTo(Money.of("3.30"));
        assertThat(Money.sum(List.of())).isEqualTo(Money.ZERO);
    }

    @ParameterizedTest(name = "{0} / {1} {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            100.00 | 3 | FIRST | 33.34 33.33 33.33
            100.00 | 3 | LAST  | 33.33 33.33 33.34
            100.00 | 6 | FIRST | 16.70 16.66 16.66 16.66 16.66 16.66
            100.00 | 6 | LAST  | 16.66 16.66 16.66 16.66 16.66 16.70
            90.00  | 3 | FIRST | 30.00 30.00 30.00
            0.01   | 3 | FIRST | 0.01 0.00 0.00
            0.01   | 3 | LAST  | 0.00 0.00 0.01
            150.00 | 1 | LAST  | 150.00
            -100.00| 3 | FIRST | -33.34 -33.33 -33.33
            """)
    void splitsIntoPartsThatAddUpExactlyWithRemainderOnOnePart(String amount, int n, RemainderPolicy policy,
                                                               String expected) {
        List<Money> parts = Money.of(amount).splitEvenly(n, policy);

        assertThat(parts).containsExactlyElementsOf(Arrays.stream(expected.split(" ")).map(Money::of).toList());
        assertThat(Money.sum(parts)).isEqualTo(Money.of(amount));
    }

    @Test
    void splitsAlwaysAddUpToTheOriginal() {
        for (long cents = 0; cents < 2_000; cents += 7) {
            for (int n = 1; n <= 24; n++) {
                Money amount = Money.ofCents(cents);
                assertThat(Money.sum(amount.splitEvenly(n, RemainderPolicy.LAST))).isEqualTo(amount);
                assertThat(amount.splitEvenly(n, RemainderPolicy.FIRST)).hasSize(n);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void refusesToSplitIntoFewerThanOnePart(int n) {
        assertThatThrownBy(() -> Money.of("10.00").splitEvenly(n, RemainderPolicy.FIRST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1234.56    | R$ 1.234,56
            0.50       | R$ 0,50
            0          | R$ 0,00
            100        | R$ 100,00
            999.99     | R$ 999,99
            1000       | R$ 1.000,00
            1234567.89 | R$ 1.234.567,89
            -0.50      | -R$ 0,50
            -1234.56   | -R$ 1.234,56
            """)
    void formatsInBrazilianPortugueseWithANormalSpace(String amount, String expected) {
        String formatted = Money.of(amount).formatPtBr();

        assertThat(formatted).isEqualTo(expected);
        assertThat(formatted).doesNotContain("\u00A0");
    }

    @Test
    void printsPlainAmountAsToString() {
        assertThat(Money.of("150")).hasToString("150.00");
    }
}
