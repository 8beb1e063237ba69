/**
 * Late charges on consumer installments: {@link dev.regua.kernel.charges.ChargeTerms},
 * {@link dev.regua.kernel.charges.PunctualityDiscount} and the single
 * {@link dev.regua.kernel.charges.LateChargeCalculator} every service must use.
 */
package dev.regua.kernel.charges;
