package dev.regua.dunning.regua.domain;

import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.charges.LateChargeCalculator;
import dev.regua.kernel.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a draft policy would do over the next days to a tenant's unsettled installments, assuming nobody pays:
 * which steps would run on which day, through which channel, for how much. Pure: it reads the snapshot it is
 * given and writes nothing.
 */
public final class Simulation {
    private static final int SAMPLE_CASES = 5;

    private Simulation() {
    }

    /** One unsettled installment and what the simulation needs of its payer. */
    public record Item(String payerId, String payerName, String installmentId, BigDecimal nominal, BigDecimal paidAmount,
                       LocalDate originalDueDate, LocalDate dueDate, BigDecimal finePercent, BigDecimal monthlyInterestPercent,
                       int graceDays, boolean overdueNow, List<String> reachableChannels, LocalDate promiseBrokenOn) {
    }

    /** One action the policy would take. */
    public record Action(LocalDate date, String payerId, String installmentId, String stepCode, StepAction action,
                         String channel, BigDecimal amount) {
    }

    public record StepCount(String stepCode, StepAction action, int count, BigDecimal amount) {
    }

    public record SampleCase(String payerId, String payerName, BigDecimal overdueToday, List<Action> actions) {
    }

    public record Result(LocalDate from, LocalDate to, int cases, int installments, List<StepCount> perStep,
                         Map<String, Integer> perChannel, int heldByPromise, int skippedByCondition,
                         BigDecimal amountInvolved, List<SampleCase> sampleCases) {
    }

    public static Result run(ReguaPolicy policy, List<Item> items, LocalDate today, int days, BankCalendar calendar) {
        LocalDate to = today.plusDays(days - 1L);
        List<Action> actions = new ArrayList<>();
        Set<String> perCaseDone = new HashSet<>();
        int held = 0;
        int skipped = 0;
        Map<String, List<Item>> byPayer = new LinkedHashMap<>();
        for (Item i : items) {
            byPayer.computeIfAbsent(i.payerId(), k -> new ArrayList<>()).add(i);
        }
        for (LocalDate d = today; !d.isAfter(to); d = d.plusDays(1)) {
            for (Map.Entry<String, List<Item>> payer : byPayer.entrySet()) {
                BigDecimal overdue = overdueOn(payer.getValue(), d, calendar);
                long daysOverdue = oldestDaysOverdue(payer.getValue(), d, calendar);
                for (Item i : payer.getValue()) {
                    boolean overdueThatDay = overdue(i, d, calendar);
                    for (PolicyStep step : policy.steps()) {
                        if (!step.timed() || !Schedule.day(step, i.dueDate(), calendar).equals(d)) {
                            continue;
                        }
                        if (step.beforeDue() == overdueThatDay) {
                            continue; // a reminder for what is already overdue, or a notice for what is not
                        }
                        if (step.action().perCase() && !perCaseDone.add(i.payerId() + "/" + step.code())) {
                            continue;
                        }
                        if (!step.beforeDue()) {
                            if (step.conditions().holdWhilePromiseOpen() && i.promiseBrokenOn() != null
                                    && d.isBefore(i.promiseBrokenOn())) {
                                held++;
                                continue;
                            }
                            if (step.conditions().unmetBy(overdue, daysOverdue) != null) {
                                skipped++;
                                continue;
                            }
                        }
                        String channel = null;
                        if (step.action().contactsPayer()) {
                            channel = step.channels().stream().filter(i.reachableChannels()::contains).findFirst().orElse("NONE");
                        }
                        BigDecimal amount = step.action().perCase() ? overdue : amountDue(i, d, calendar);
                        actions.add(new Action(d, i.payerId(), i.installmentId(), step.code(), step.action(), channel, amount));
                    }
                }
            }
        }
        Map<String, StepCount> perStep = new LinkedHashMap<>();
        for (PolicyStep step : policy.steps()) {
            perStep.put(step.code(), new StepCount(step.code(), step.action(), 0, BigDecimal.ZERO.setScale(2)));
        }
        Map<String, Integer> perChannel = new TreeMap<>();
        BigDecimal involved = BigDecimal.ZERO.setScale(2);
        for (Action a : actions) {
            StepCount c = perStep.get(a.stepCode());
            perStep.put(a.stepCode(), new StepCount(c.stepCode(), c.action(), c.count() + 1, c.amount().add(a.amount())));
            if (a.channel() != null) {
                perChannel.merge(a.channel(), 1, Integer::sum);
            }
        }
        List<SampleCase> candidates = new ArrayList<>();
        int cases = 0;
        for (Map.Entry<String, List<Item>> payer : byPayer.entrySet()) {
            BigDecimal overdueToday = overdueOn(payer.getValue(), today, calendar);
            if (overdueToday.signum() > 0) {
                cases++;
                involved = involved.add(overdueToday);
            }
            List<Action> mine = actions.stream().filter(a -> a.payerId().equals(payer.getKey())).toList();
            if (!mine.isEmpty()) {
                candidates.add(new SampleCase(payer.getKey(), payer.getValue().get(0).payerName(), overdueToday, mine));
            }
        }
        // the largest debts first
        List<SampleCase> samples = candidates.stream().sorted(java.util.Comparator.comparing(SampleCase::overdueToday).reversed()
                .thenComparing(SampleCase::payerId)).limit(SAMPLE_CASES).toList();
        return new Result(today, to, cases, items.size(), List.copyOf(perStep.values()), perChannel, held, skipped,
                involved, samples);
    }

    static boolean overdue(Item i, LocalDate d, BankCalendar calendar) {
        if (i.overdueNow()) {
            return true;
        }
        return d.isAfter(LateChargeCalculator.lastDayWithoutCharges(i.originalDueDate(), terms(i), calendar));
    }

    static BigDecimal amountDue(Item i, LocalDate d, BankCalendar calendar) {
        Money paid = i.paidAmount() == null ? Money.ZERO : Money.of(i.paidAmount());
        return LateChargeCalculator.amountDue(Money.of(i.nominal()), i.originalDueDate(), terms(i), calendar, d, paid)
                .total().amount();
    }

    static BigDecimal overdueOn(List<Item> items, LocalDate d, BankCalendar calendar) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (Item i : items) {
            if (overdue(i, d, calendar)) {
                sum = sum.add(amountDue(i, d, calendar));
            }
        }
        return sum;
    }

    static long oldestDaysOverdue(List<Item> items, LocalDate d, BankCalendar calendar) {
        long days = 0;
        for (Item i : items) {
            if (overdue(i, d, calendar)) {
                days = Math.max(days, d.toEpochDay() - i.dueDate().toEpochDay());
            }
        }
        return days;
    }

    private static ChargeTerms terms(Item i) {
        return ChargeTerms.of(i.finePercent(), i.monthlyInterestPercent()).withGraceDays(i.graceDays());
    }
}
