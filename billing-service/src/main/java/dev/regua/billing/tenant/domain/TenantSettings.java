package dev.regua.billing.tenant.domain;

import dev.regua.contract.billing.Address;
import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.kernel.taxid.Cnpj;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The tenant as creditor: what every collection document shows (CDC art. 42-A) and the default late-charge terms
 * its contracts start from. Values above the legal caps are refused with the rule named.
 */
public record TenantSettings(String tenantId, String legalName, String tradeName, Cnpj cnpj, Address address,
                             ZoneId timeZone, Vertical vertical, BigDecimal finePercent,
                             BigDecimal monthlyInterestPercent, int graceDays, int dueLeadDays) {
    /** CDC art. 52 §1: the fine on a consumer debt is at most 2 % of the installment. */
    public static final BigDecimal MAX_FINE_PERCENT = new BigDecimal("2");
    /** Default cap for simple moratory interest (1 % a month); see brazil-rules.md on CC art. 406. */
    public static final BigDecimal MAX_MONTHLY_INTEREST_PERCENT = new BigDecimal("1");

    public enum Vertical { CLINIC, OTICA, SCHOOL, COURSE, OTHER }

    public TenantSettings {
        try {
            timeZone.getRules();
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "unknown time zone");
        }
        if (finePercent.signum() < 0) {
            throw new InvalidInputException("finePercent", "must not be negative");
        }
        if (finePercent.compareTo(MAX_FINE_PERCENT) > 0) {
            throw new BusinessRuleException("CDC art. 52 §1",
                    "finePercent " + finePercent.toPlainString() + " is above the 2 % cap for consumer debts (CDC art. 52 §1)");
        }
        if (monthlyInterestPercent.signum() < 0) {
            throw new InvalidInputException("monthlyInterestPercent", "must not be negative");
        }
        if (monthlyInterestPercent.compareTo(MAX_MONTHLY_INTEREST_PERCENT) > 0) {
            throw new BusinessRuleException("CC art. 406 / Súmula 121 STF",
                    "monthlyInterestPercent " + monthlyInterestPercent.toPlainString()
                            + " is above the 1 % a month simple-interest cap this platform applies to non-financial creditors");
        }
        if (graceDays < 0 || graceDays > 30) {
            throw new InvalidInputException("graceDays", "must be between 0 and 30");
        }
        if (dueLeadDays < 1 || dueLeadDays > 60) {
            throw new InvalidInputException("dueLeadDays", "must be between 1 and 60");
        }
    }

    /** The event that tells the other contexts about this profile. */
    public TenantProfileUpdated profileEvent() {
        return new TenantProfileUpdated(UUID.randomUUID().toString(), tenantId, legalName, tradeName, cnpj.formatted(),
                address, timeZone.getId(), vertical.name());
    }
}
