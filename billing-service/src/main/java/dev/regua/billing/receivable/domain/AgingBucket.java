package dev.regua.billing.receivable.domain;

/** The aging buckets of the receivables picture, by days past the (business-day) due date. */
public enum AgingBucket {
    CURRENT(Integer.MIN_VALUE, 0), DAYS_1_15(1, 15), DAYS_16_30(16, 30), DAYS_31_60(31, 60), DAYS_61_90(61, 90),
    OVER_90(91, Integer.MAX_VALUE);

    private final int from;
    private final int to;

    AgingBucket(int from, int to) {
        this.from = from;
        this.to = to;
    }

    /** First day count of the bucket (inclusive; {@link Integer#MIN_VALUE} for CURRENT). */
    public int from() {
        return from;
    }

    /** Last day count of the bucket (inclusive; {@link Integer#MAX_VALUE} for OVER_90). */
    public int to() {
        return to;
    }

    public static AgingBucket of(long daysPastDue) {
        for (AgingBucket b : values()) {
            if (daysPastDue >= b.from && daysPastDue <= b.to) {
                return b;
            }
        }
        throw new IllegalArgumentException("no bucket for " + daysPastDue);
    }
}
