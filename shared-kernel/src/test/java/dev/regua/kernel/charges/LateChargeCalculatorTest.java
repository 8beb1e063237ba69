package dev.regua.kernel.charges;

import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.Optional;

import static dev.regua.kernel.charges.LateChargeCalculator.amountDue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LateChargeCalculatorTest {

    private static final BankCalendar NATIONAL = BankCalendar.national();
    private static final Money R$300 = Money.of("300.00");
    private static final LocalDate TUE_2026_03_10 = LocalDate.of(2026, 3, 10);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                    | nominal | due        | paid       | fine% | month% | grace | fine | interest | total  | days | effective due
            paid on the due date                      | 300.00  | 2026-03-10 | 2026-03-10 | 2     | 1      | 0     | 0.00 | 0.00     | 300.00 | 0    | 2026-03-10
            paid before the due date                  | 300.00  | 2026-03-10 | 2026-03-01 | 2     | 1      | 0     | 0.00 | 0.00     | 300.00 | 0    | 2026-03-10
            one day late                              | 300.00  | 2026-03-10 | 2026-03-11 | 2     | 1      | 0     | 6.00 | 0.10     | 306.10 | 1    | 2026-03-10
            thirty days late                          | 300.00  | 2026-03-10 | 2026-04-09 | 2     | 1      | 0     | 6.00 | 3.00     | 309.00 | 30   | 2026-03-10
            one year late, simple not compound        | 300.00  | 2026-03-10 | 2027-03-10 | 2     | 1      | 0     | 6.00 | 36.50    | 342.50 | 365  | 2026-03-10
            due Sunday, paid Monday: moved, on time   | 300.00  | 2026-05-10 | 2026-05-11 | 2     | 1      | 0     | 0.00 | 0.00     | 300.00 | 0    | 2026-05-11
            due Sunday, paid Tuesday: 1 day late      | 300.00  | 2026-05-10 | 2026-05-12 | 2     | 1      | 0     | 6.00 | 0.10     | 306.10 | 1    | 2026-05-11
            due Saturday month end, paid Monday       | 300.00  | 2026-01-31 | 2026-02-02 | 2     | 1      | 0     | 0.00 | 0.00     | 300.00 | 0    | 2026-02-02
            due Saturday month end, paid Tuesday      | 300.00  | 2026-01-31 | 2026-02-03 | 2     | 1      | 0     | 6.00 | 0.10     | 306.10 | 1    | 2026-02-02
            due 30 April, paid after May Day weekend  | 300.00  | 2026-04-30 | 2026-05-04 | 2     | 1      | 0     | 6.00 | 0.40     | 306.40 | 4    | 2026-04-30
            due 31 December, paid after New Year      | 300.00  | 2026-12-31 | 2027-01-04 | 2     | 1      | 0     | 6.00 | 0.40     | 306.40 | 4    | 2026-12-31
            leap year: late across 29 February        | 300.00  | 2028-02-25 | 2028-03-01 | 2     | 1      | 0     | 6.00 | 0.50     | 306.50 | 5    | 2028-02-25
            common year: same dates, one day fewer    | 300.00  | 2027-02-25 | 2027-03-01 | 2     | 1      | 0     | 6.00 | 0.40     | 306.40 | 4    | 2027-02-25
            due 29 Feb 2028 (Carnival), paid Ash Wed  | 300.00  | 2028-02-29 | 2028-03-01 | 2     | 1      | 0     | 0.00 | 0.00     | 300.00 | 0    | 2028-03-01
            due 29 Feb 2028 (Carnival), paid Thursday | 300.00  | 2028-02-29 | 2028-03-02 | 2     | 1      | 0     | 6.00 | 0.10     | 306.10 | 1    | 2028-03-01
            due Carnival Monday, paid Ash Wednesday   | 300.00  | 2026-02-16 | 2026-02-18 | 2     | 1      | 0     | 0.00 | 0.00     | 300.00 | 0    | 2026-02-18
            due Carnival Monday, paid Thursday        | 300.00  | 2026-02-16 | 2026-02-19 | 2     | 1      | 0     | 6.00 | 0.10     | 306.10 | 1    | 2026-02-18
            due Saturday before Carnival, paid Ash Wed| 300.00  | 2026-02-14 | 2026-02-18 | 2     | 1      | 0     | 0.00 | 0.00     | 300.00 | 0    | 2026-02-18
            due Good Friday, paid Tuesday             | 300.00  | 2026-04-03 | 2026-04-07 | 2     | 1      | 0     | 6.00 | 0.10     | 306.10 | 1    | 2026-04-06
            due Corpus Christi, paid Friday           | 300.00  | 2026-06-04 | 2026-06-05 | 2     | 1      | 0     | 0.00 | 0.00     | 300.00 | 0    | 2026-06-05
            no interest agreed                        | 300.00  | 2026-03-10 | 2026-03-20 | 2     | 0      | 0     | 6.00 | 0.00     | 306.00 | 10   | 2026-03-10
            no fine agreed                            | 300.00  | 2026-03-10 | 2026-03-20 | 0     | 1      | 0     | 0.00 | 1.00     | 301.00 | 10   | 2026-03-10
            no charges agreed                         | 300.00  | 2026-03-10 | 2026-03-20 | 0     | 0      | 0     | 0.00 | 0.00     | 300.00 | 10   | 2026-03-10
            interest rounds half up (0.005)           | 7.50    | 2026-03-10 | 2026-03-12 | 2     | 1      | 0     | 0.15 | 0.01     | 7.66   | 2    | 2026-03-10
            fine and interest round half up           | 123.45  | 2026-03-10 | 2026-03-17 | 2     | 1      | 0     | 2.47 | 0.29     | 126.21 | 7    | 2026-03-10
            fractional rates                          | 100.25  | 2026-03-10 | 2026-03-20 | 2     | 1.5    | 0     | 2.01 | 0.50     | 102.76 | 10   | 2026-03-10
            within grace days                         | 300.00  | 2026-03-10 | 2026-03-13 | 2     | 1      | 3     | 0.00 | 0.00     | 300.00 | 0    | 2026-03-10
            grace exceeded: interest from due date    | 300.00  | 2026-03-10 | 2026-03-14 | 2     | 1      | 3     | 6.00 | 0.40     | 306.40 | 4    | 2026-03-10
            grace ending Saturday extends to Monday   | 300.00  | 2026-03-12 | 2026-03-16 | 2     | 1      | 2     | 0.00 | 0.00     | 300.00 | 0    | 2026-03-12
            grace ending Saturday, paid Tuesday       | 300.00  | 2026-03-12 | 2026-03-17 | 2     | 1      | 2     | 6.00 | 0.50     | 306.50 | 5    | 2026-03-12
            grace counted from the moved due date     | 300.00  | 2026-05-10 | 2026-05-12 | 2     | 1      | 1     | 0.00 | 0.00     | 300.00 | 0    | 2026-05-11
            grace from moved due date exceeded        | 300.00  | 2026-05-10 | 2026-05-13 | 2     | 1      | 1     | 6.00 | 0.20     | 306.20 | 2    | 2026-05-11
            """)
    void computesTheAmountDueOnAPaymentDate(String description, String nominal, LocalDate due, LocalDate paid,
                                            BigDecimal finePercent, BigDecimal monthlyPercent, int graceDays,
                                            String fine, String interest, String total, int daysLate,
                                            LocalDate effectiveDue) {
        ChargeTerms terms = ChargeTerms.of(finePercent, monthlyPercent).withGraceDays(graceDays);

        AmountDue result = amountDue(Money.of(nominal), due, terms, NATIONAL, paid);

        assertThat(result.nominal()).isEqualTo(Money.of(nominal));
        assertThat(result.discount()).isEqualTo(Money.ZERO);
        assertThat(result.fine()).isEqualTo(Money.of(fine));
        assertThat(result.interest()).isEqualTo(Money.of(interest));
        assertThat(result.total()).isEqualTo(Money.of(total));
        assertThat(result.daysLate()).isEqualTo(daysLate);
        assertThat(result.effectiveDueDate()).isEqualTo(effectiveDue);
        assertThat(result.total()).isEqualTo(result.nominal().minus(result.discount()).plus(result.fine()).plus(result.interest()));
        assertThat(result.isLate()).isEqualTo(daysLate > 0);
    }

    @ParameterizedTest(name = "paid {0}")
    @CsvSource({"2026-03-11", "2026-03-12", "2026-04-20", "2027-03-10"})
    void chargesFineOnceOnNominalValueWhenPaidAfterDueDate(LocalDate paid) {
        AmountDue due = amountDue(R$300, TUE_2026_03_10, ChargeTerms.standard(), NATIONAL, paid);

        assertThat(due.fine()).isEqualTo(Money.of("6.00"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                | paid       | discount | fine | interest | total
            on the discount deadline              | 2026-03-05 | 15.00    | 0.00 | 0.00     | 285.00
            well before the deadline              | 2026-02-20 | 15.00    | 0.00 | 0.00     | 285.00
            after the deadline, before due date   | 2026-03-06 | 0.00     | 0.00 | 0.00     | 300.00
            on the due date                       | 2026-03-10 | 0.00     | 0.00 | 0.00     | 300.00
            late: fine on nominal, not discounted | 2026-03-11 | 0.00     | 6.00 | 0.10     | 306.10
            """)
    void grantsPercentPunctualityDiscountOnlyUntilItsDeadline(String description, LocalDate paid, String discount,
                                                              String fine, String interest, String total) {
        ChargeTerms terms = ChargeTerms.standard()
                .withPunctualityDiscount(PunctualityDiscount.percent(new BigDecimal("5"), LocalDate.of(2026, 3, 5)));

        AmountDue due = amountDue(R$300, TUE_2026_03_10, terms, NATIONAL, paid);

        assertThat(due.discount()).isEqualTo(Money.of(discount));
        assertThat(due.fine()).isEqualTo(Money.of(fine));
        assertThat(due.interest()).isEqualTo(Money.of(interest));
        assertThat(due.total()).isEqualTo(Money.of(total));
        assertThat(due.isDiscounted()).isEqualTo(Money.of(discount).isPositive());
    }

    @Test
    void grantsFixedPunctualityDiscountUpToTheDueDate() {
        ChargeTerms terms = ChargeTerms.standard()
                .withPunctualityDiscount(PunctualityDiscount.fixed(Money.of("20.00"), TUE_2026_03_10));

        assertThat(amountDue(R$300, TUE_2026_03_10, terms, NATIONAL, TUE_2026_03_10).total())
                .isEqualTo(Money.of("280.00"));
        assertThat(amountDue(R$300, TUE_2026_03_10, terms, NATIONAL, LocalDate.of(2026, 3, 11)).total())
                .isEqualTo(Money.of("306.10"));
    }

    @Test
    void extendsADiscountDeadlineOnAWeekendToTheNextBusinessDay() {
        ChargeTerms terms = ChargeTerms.standard()
                .withPunctualityDiscount(PunctualityDiscount.percent(BigDecimal.TEN, LocalDate.of(2026, 3, 7))); // Saturday

        assertThat(amountDue(R$300, TUE_2026_03_10, terms, NATIONAL, LocalDate.of(2026, 3, 9)).discount())
                .isEqualTo(Money.of("30.00"));
        assertThat(amountDue(R$300, TUE_2026_03_10, terms, NATIONAL, LocalDate.of(2026, 3, 10)).discount())
                .isEqualTo(Money.ZERO);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                              | due        | deadline   | paid       | discount | total
            deadline on Tiradentes (Tue), paid that day         | 2026-04-24 | 2026-04-21 | 2026-04-21 | 30.00    | 270.00
            deadline on Tiradentes, paid the next business day  | 2026-04-24 | 2026-04-21 | 2026-04-22 | 30.00    | 270.00
            deadline on Tiradentes, paid two days after         | 2026-04-24 | 2026-04-21 | 2026-04-23 | 0.00     | 300.00
            deadline Carnival Monday, paid Ash Wednesday        | 2026-02-20 | 2026-02-16 | 2026-02-18 | 30.00    | 270.00
            deadline Carnival Monday, paid Thursday             | 2026-02-20 | 2026-02-16 | 2026-02-19 | 0.00     | 300.00
            deadline Sunday, due the same Sunday, paid Monday   | 2026-05-10 | 2026-05-10 | 2026-05-11 | 30.00    | 270.00
            deadline Sunday, due the same Sunday, paid Tuesday  | 2026-05-10 | 2026-05-10 | 2026-05-12 | 0.00     | 306.10
            deadline Friday before a weekend, paid Saturday     | 2026-03-10 | 2026-03-06 | 2026-03-07 | 0.00     | 300.00
            deadline New Year's Day (Fri), paid Monday 4 Jan    | 2027-01-05 | 2027-01-01 | 2027-01-04 | 30.00    | 270.00
            deadline New Year's Day (Fri), paid Tuesday 5 Jan   | 2027-01-05 | 2027-01-01 | 2027-01-05 | 0.00     | 300.00
            """)
    void movesADiscountDeadlineOnAHolidayOrWeekendToTheNextBusinessDayOnly(String description, LocalDate due,
                                                                            LocalDate deadline, LocalDate paid,
                                                                            String discount, String total) {
        ChargeTerms terms = ChargeTerms.standard()
                .withPunctualityDiscount(PunctualityDiscount.percent(BigDecimal.TEN, deadline));

        AmountDue result = amountDue(R$300, due, terms, NATIONAL, paid);

        assertThat(result.discount()).isEqualTo(Money.of(discount));
        assertThat(result.total()).isEqualTo(Money.of(total));
    }

    @Test
    void refusesADiscountDeadlineAfterTheDueDate() {
        ChargeTerms terms = ChargeTerms.standard()
                .withPunctualityDiscount(PunctualityDiscount.percent(BigDecimal.ONE, LocalDate.of(2026, 3, 11)));

        assertThatThrownBy(() -> amountDue(R$300, TUE_2026_03_10, terms, NATIONAL, TUE_2026_03_10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deadline 2026-03-11 is after the due date 2026-03-10");
    }

    @Test
    void refusesAFixedDiscountAboveTheNominalValue() {
        ChargeTerms terms = ChargeTerms.standard()
                .withPunctualityDiscount(PunctualityDiscount.fixed(Money.of("300.01"), TUE_2026_03_10));

        assertThatThrownBy(() -> amountDue(R$300, TUE_2026_03_10, terms, NATIONAL, LocalDate.of(2026, 3, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds the nominal value");
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "100.01"})
    void refusesPercentDiscountsOutsideZeroToHundred(BigDecimal percent) {
        assertThatThrownBy(() -> PunctualityDiscount.percent(percent, TUE_2026_03_10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 100 %");
    }

    @ParameterizedTest
    @CsvSource({"2.01", "2.5", "10"})
    void refusesFinesAboveTheTwoPercentCapOfTheConsumerCode(BigDecimal finePercent) {
        assertThatThrownBy(() -> ChargeTerms.of(finePercent, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds the 2 % limit")
                .hasMessageContaining("CDC")
                .hasMessageContaining("art. 52 §1");
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "2", "2.00"})
    void acceptsFinesUpToTwoPercent(BigDecimal finePercent) {
        assertThat(ChargeTerms.of(finePercent, BigDecimal.ONE).finePercent()).isEqualByComparingTo(finePercent);
    }

    @Test
    void treatsRatesWithDifferentScalesAsEqualTerms() {
        assertThat(ChargeTerms.of("2.00", "1.0")).isEqualTo(ChargeTerms.of("2", "1")).isEqualTo(ChargeTerms.standard());
        assertThat(PunctualityDiscount.percent(new BigDecimal("5.0"), TUE_2026_03_10))
                .isEqualTo(PunctualityDiscount.percent(new BigDecimal("5"), TUE_2026_03_10));
    }

    @Test
    void refusesNegativeRatesAndGraceDays() {
        assertThatThrownBy(() -> ChargeTerms.of("-1", "1")).hasMessageContaining("Fine must not be negative");
        assertThatThrownBy(() -> ChargeTerms.of("2", "-0.1")).hasMessageContaining("Monthly interest must not be negative");
        assertThatThrownBy(() -> ChargeTerms.standard().withGraceDays(-1)).hasMessageContaining("Grace days must not be negative");
    }

    @Test
    void defaultsToNoDiscountAndNoGraceDays() {
        ChargeTerms terms = new ChargeTerms(BigDecimal.ONE, BigDecimal.ONE, null, 0);

        assertThat(terms.punctualityDiscount()).isEmpty();
        assertThat(ChargeTerms.standard())
                .isEqualTo(new ChargeTerms(new BigDecimal("2"), BigDecimal.ONE, Optional.empty(), 0));
        assertThat(ChargeTerms.standard().withPunctualityDiscount(PunctualityDiscount.percent(BigDecimal.ONE, TUE_2026_03_10))
                .withoutPunctualityDiscount()).isEqualTo(ChargeTerms.standard());
    }

    @Test
    void usesTheLocalCalendarToMoveTheDueDate() {
        BankCalendar saoPaulo = BankCalendar.builder()
                .addFixedHoliday(MonthDay.of(Month.JANUARY, 25), "Aniversário de São Paulo")
                .build();
        LocalDate due = LocalDate.of(2027, 1, 25); // Monday, municipal holiday
        LocalDate paid = LocalDate.of(2027, 1, 26);

        assertThat(amountDue(R$300, due, ChargeTerms.standard(), saoPaulo, paid).total()).isEqualTo(R$300);
        assertThat(amountDue(R$300, due, ChargeTerms.standard(), NATIONAL, paid).total()).isEqualTo(Money.of("306.10"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                         | already paid | paid on    | gross  | total  | overpayment
            part paid, rest on time        | 100.00       | 2026-03-10 | 300.00 | 200.00 | 0.00
            part paid, rest late           | 100.00       | 2026-03-11 | 306.10 | 206.10 | 0.00
            all paid                       | 300.00       | 2026-03-10 | 300.00 | 0.00   | 0.00
            more than due                  | 310.00       | 2026-03-10 | 300.00 | 0.00   | 10.00
            nothing paid                   | 0.00         | 2026-03-11 | 306.10 | 306.10 | 0.00
            """)
    void deductsPartialPaymentsFromTheTotal(String description, String alreadyPaid, LocalDate paid, String gross,
                                            String total, String overpayment) {
        AmountDue due = amountDue(R$300, TUE_2026_03_10, ChargeTerms.standard(), NATIONAL, paid, Money.of(alreadyPaid));

        assertThat(due.alreadyPaid()).isEqualTo(Money.of(alreadyPaid));
        assertThat(due.grossAmount()).isEqualTo(Money.of(gross));
        assertThat(due.total()).isEqualTo(Money.of(total));
        assertThat(due.overpayment()).isEqualTo(Money.of(overpayment));
    }

    @Test
    void refusesNegativePartialPaymentsAndNonPositiveNominalValues() {
        assertThatThrownBy(() -> amountDue(R$300, TUE_2026_03_10, ChargeTerms.standard(), NATIONAL, TUE_2026_03_10,
                Money.of("-1.00"))).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> amountDue(Money.ZERO, TUE_2026_03_10, ChargeTerms.standard(), NATIONAL, TUE_2026_03_10))
                .hasMessageContaining("Nominal value must be positive");
    }

    @ParameterizedTest(name = "due {0}, grace {1} -> {2}")
    @CsvSource({
            "2026-03-10, 0, 2026-03-10",
            "2026-05-10, 0, 2026-05-11",
            "2026-03-10, 3, 2026-03-13",
            "2026-03-12, 2, 2026-03-16",
            "2026-02-13, 1, 2026-02-18", // Friday + 1 = Saturday -> after Carnival
    })
    void tellsTheLastDayWithoutCharges(LocalDate due, int graceDays, LocalDate expected) {
        assertThat(LateChargeCalculator.lastDayWithoutCharges(due, ChargeTerms.standard().withGraceDays(graceDays), NATIONAL))
                .isEqualTo(expected);
    }
}
