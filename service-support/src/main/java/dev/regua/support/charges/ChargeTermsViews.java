package dev.regua.support.charges;

import dev.regua.contract.billing.ChargeTermsView;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.charges.PunctualityDiscount;
import java.util.Optional;

/**
 * The one translation between the charge terms on the wire ({@link ChargeTermsView}, carried by every installment
 * event) and the kernel's {@link ChargeTerms} that {@code LateChargeCalculator} takes, so every service quotes the
 * same amount as billing: fine, interest, grace days and the punctuality discount.
 */
public final class ChargeTermsViews {
    private ChargeTermsViews() {
    }

    /**
     * An installment's terms as the calculator takes them. A view without a discount (an older event, or none agreed)
     * gives terms without one; a discount percent without its date (a contract's rule) is not an installment's
     * discount and is ignored.
     */
    public static ChargeTerms toChargeTerms(ChargeTermsView view) {
        ChargeTerms terms = ChargeTerms.of(view.finePercent(), view.monthlyInterestPercent()).withGraceDays(view.graceDays());
        if (view.hasPunctualityDiscount() && view.punctualityDiscountUntil() != null) {
            terms = terms.withPunctualityDiscount(
                    PunctualityDiscount.percent(view.punctualityDiscountPercent(), view.punctualityDiscountUntil()));
        }
        return terms;
    }

    /**
     * An installment's terms on the wire. Only a percentage discount travels (the view has no fixed amount): a fixed
     * discount is refused rather than silently dropped.
     */
    public static ChargeTermsView of(ChargeTerms terms) {
        Optional<PunctualityDiscount> discount = terms.punctualityDiscount();
        if (discount.isEmpty()) {
            return new ChargeTermsView(terms.finePercent(), terms.monthlyInterestPercent(), terms.graceDays());
        }
        if (!(discount.get() instanceof PunctualityDiscount.Percent percent)) {
            throw new IllegalArgumentException("only a percentage punctuality discount can be published, got " + discount.get());
        }
        return new ChargeTermsView(terms.finePercent(), terms.monthlyInterestPercent(), terms.graceDays(),
                plain(percent.percent()), percent.validUntil(), null);
    }

    /** A rate without an exponent on the wire: the kernel strips trailing zeros, so 10 % would otherwise be 1E+1. */
    public static java.math.BigDecimal plain(java.math.BigDecimal rate) {
        return rate == null || rate.scale() >= 0 ? rate : rate.setScale(0);
    }
}
