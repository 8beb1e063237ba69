package dev.regua.credit.limit.domain;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a payer's open plans take of its credit limit: what is still owed on installments that are not settled
 * (nominal minus what was paid, partial payments included), plus the part of an active or suspended plan whose
 * installments billing has not created yet (its total minus the installments known). Paid, cancelled, renegotiated
 * and written-off installments take nothing; a renegotiation's agreement plan takes its own share.
 */
public record Exposure(BigDecimal owedOnInstallments, BigDecimal notYetBilled) {
    private static final Set<String> OWED = Set.of("OPEN", "DUE", "OVERDUE");
    private static final Set<String> OPEN_PLAN = Set.of("ACTIVE", "SUSPENDED");

    /** An installment as the read model knows it. */
    public record Installment(String contractId, BigDecimal nominal, BigDecimal paid, String status) {
    }

    /** A contract (plan) as the read model knows it; monthly fees have no total to reserve. */
    public record Plan(String contractId, String kind, String status, BigDecimal total) {
    }

    public static Exposure of(List<Installment> installments, List<Plan> plans) {
        BigDecimal owed = BigDecimal.ZERO;
        Map<String, BigDecimal> billedPerContract = new HashMap<>();
        for (Installment i : installments) {
            if (i.contractId() != null) {
                billedPerContract.merge(i.contractId(), i.nominal(), BigDecimal::add);
            }
            if (OWED.contains(i.status())) {
                BigDecimal paid = i.paid() == null ? BigDecimal.ZERO : i.paid();
                owed = owed.add(i.nominal().subtract(paid).max(BigDecimal.ZERO));
            }
        }
        BigDecimal notYetBilled = BigDecimal.ZERO;
        for (Plan p : plans) {
            if (OPEN_PLAN.contains(p.status()) && !"MONTHLY_FEE".equals(p.kind())) {
                BigDecimal billed = billedPerContract.getOrDefault(p.contractId(), BigDecimal.ZERO);
                notYetBilled = notYetBilled.add(p.total().subtract(billed).max(BigDecimal.ZERO));
            }
        }
        return new Exposure(owed.setScale(2), notYetBilled.setScale(2));
    }

    public BigDecimal total() {
        return owedOnInstallments.add(notYetBilled);
    }
}
