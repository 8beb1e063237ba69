package dev.regua.contract.billing;

import java.math.BigDecimal;

/** Late-charge terms on the wire: fine percent (≤ 2), simple monthly interest percent, grace days. */
public record ChargeTermsView(BigDecimal finePercent, BigDecimal monthlyInterestPercent, int graceDays) {
}
