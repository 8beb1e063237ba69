package dev.regua.contract.billing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Late-charge terms on the wire: fine percent (≤ 2), simple monthly interest percent, grace days, and the optional
 * punctuality discount (desconto de pontualidade).
 *
 * <p>The discount fields were added later (same version): absent or null means no discount, so older events read as
 * before. On an installment, {@code punctualityDiscountPercent} % of the nominal value is off when paid on or before
 * {@code punctualityDiscountUntil} (moved to the next bank business day like the due date). On a contract (which has
 * no single date) {@code punctualityDiscountDaysBeforeDueDate} says how many days before each installment's original
 * due date the discount ends (0 = on the due date itself) and {@code punctualityDiscountUntil} is absent.
 */
public record ChargeTermsView(BigDecimal finePercent, BigDecimal monthlyInterestPercent, int graceDays,
                              @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal punctualityDiscountPercent,
                              @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate punctualityDiscountUntil,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Integer punctualityDiscountDaysBeforeDueDate) {

    /** Terms without a punctuality discount. */
    public ChargeTermsView(BigDecimal finePercent, BigDecimal monthlyInterestPercent, int graceDays) {
        this(finePercent, monthlyInterestPercent, graceDays, null, null, null);
    }

    /** Whether a punctuality discount was agreed. */
    public boolean hasPunctualityDiscount() {
        return punctualityDiscountPercent != null && punctualityDiscountPercent.signum() > 0;
    }
}
