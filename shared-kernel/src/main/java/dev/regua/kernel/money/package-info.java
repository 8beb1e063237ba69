/**
 * Money: an exact two-decimal amount with currency, HALF_UP rounding and pt-BR formatting.
 */
package dev.regua.kernel.money;
