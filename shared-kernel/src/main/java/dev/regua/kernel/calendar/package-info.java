/**
 * The Brazilian bank calendar (national holidays, Easter-based bank closures, local holidays) and
 * business-day arithmetic.
 */
package dev.regua.kernel.calendar;
