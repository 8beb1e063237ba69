package dev.regua.dunning.regua.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * Which payers and debts a policy is for. Every criterion given must hold; an empty segment matches everything.
 * {@code contractKinds}: ONE_OFF, INSTALLMENT_PLAN, MONTHLY_FEE; {@code contractSegments}: the segment a contract
 * names; {@code minAmount}/{@code maxAmount}: the payer's outstanding amount; {@code payerTags}: any of them;
 * {@code minPunctuality}/{@code maxPunctuality}: the percentage of the payer's paid installments paid on time.
 */
public record Segment(List<String> contractKinds, List<String> contractSegments, BigDecimal minAmount,
                      BigDecimal maxAmount, List<String> payerTags, Integer minPunctuality, Integer maxPunctuality) {
    public static final Segment ALL = new Segment(null, null, null, null, null, null, null);

    public Segment {
        contractKinds = contractKinds == null ? List.of() : List.copyOf(contractKinds);
        contractSegments = contractSegments == null ? List.of() : List.copyOf(contractSegments);
        payerTags = payerTags == null ? List.of() : List.copyOf(payerTags);
    }

    /** The facts a segment is matched against. */
    public record Facts(String contractKind, String contractSegment, BigDecimal amount, List<String> tags,
                        int punctuality) {
    }

    public boolean matches(Facts f) {
        if (!contractKinds.isEmpty() && !contractKinds.contains(f.contractKind())) {
            return false;
        }
        if (!contractSegments.isEmpty() && !contractSegments.contains(f.contractSegment())) {
            return false;
        }
        if (minAmount != null && f.amount().compareTo(minAmount) < 0) {
            return false;
        }
        if (maxAmount != null && f.amount().compareTo(maxAmount) > 0) {
            return false;
        }
        if (!payerTags.isEmpty() && f.tags().stream().noneMatch(payerTags::contains)) {
            return false;
        }
        if (minPunctuality != null && f.punctuality() < minPunctuality) {
            return false;
        }
        return maxPunctuality == null || f.punctuality() <= maxPunctuality;
    }
}
