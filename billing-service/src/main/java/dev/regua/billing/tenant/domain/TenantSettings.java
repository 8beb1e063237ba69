package dev.regua.billing.tenant.domain;

import dev.regua.contract.billing.Address;
import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.kernel.address.Uf;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.calendar.StateHolidays;
import dev.regua.kernel.charges.PunctualityDiscount;
import dev.regua.kernel.money.RemainderPolicy;
import dev.regua.kernel.taxid.Cnpj;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant as creditor: what every collection document shows (CDC art. 42-A) and the default late-charge terms
 * its contracts start from. Values above the legal caps are refused with the rule named.
 *
 * <p>The bank calendar its due dates follow is the national one plus the state holidays of {@code state}
 * ({@link StateHolidays}) plus the municipal holidays the tenant lists for {@code city} ({@link #bankCalendar()}).
 * {@code punctualityDiscount} (optional) is the default desconto de pontualidade; {@code remainderPolicy} says which
 * installment of a plan carries the cents that do not divide evenly.
 */
public record TenantSettings(String tenantId, String legalName, String tradeName, Cnpj cnpj, Address address,
                             ZoneId timeZone, Vertical vertical, BigDecimal finePercent,
                             BigDecimal monthlyInterestPercent, int graceDays, int dueLeadDays,
                             String state, String city, String cityIbgeCode, List<CityHoliday> cityHolidays,
                             PunctualityDiscountRule punctualityDiscount, RemainderPolicy remainderPolicy) {
    /** At most this many city holidays per tenant. */
    public static final int MAX_CITY_HOLIDAYS = 100;
    /** The first two digits of a municipality's IBGE code are its state's IBGE code. */
    private static final Map<String, String> IBGE_STATE_CODES = Map.ofEntries(
            Map.entry("11", "RO"), Map.entry("12", "AC"), Map.entry("13", "AM"), Map.entry("14", "RR"),
            Map.entry("15", "PA"), Map.entry("16", "AP"), Map.entry("17", "TO"), Map.entry("21", "MA"),
            Map.entry("22", "PI"), Map.entry("23", "CE"), Map.entry("24", "RN"), Map.entry("25", "PB"),
            Map.entry("26", "PE"), Map.entry("27", "AL"), Map.entry("28", "SE"), Map.entry("29", "BA"),
            Map.entry("31", "MG"), Map.entry("32", "ES"), Map.entry("33", "RJ"), Map.entry("35", "SP"),
            Map.entry("41", "PR"), Map.entry("42", "SC"), Map.entry("43", "RS"), Map.entry("50", "MS"),
            Map.entry("51", "MT"), Map.entry("52", "GO"), Map.entry("53", "DF"));

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
        state = state == null ? address.state() : state;
        city = city == null || city.isBlank() ? address.city() : city.strip();
        if (!Uf.isValid(state)) {
            throw new InvalidInputException("state", Uf.MESSAGE);
        }
        if (cityIbgeCode != null) {
            if (!cityIbgeCode.matches("\\d{7}")) {
                throw new InvalidInputException("cityIbgeCode", "must be the 7-digit IBGE municipality code, e.g. 3509502");
            }
            if (!state.equals(IBGE_STATE_CODES.get(cityIbgeCode.substring(0, 2)))) {
                throw new InvalidInputException("cityIbgeCode", "IBGE code " + cityIbgeCode + " is not a municipality of " + state);
            }
        }
        cityHolidays = cityHolidays == null ? List.of() : List.copyOf(cityHolidays);
        if (cityHolidays.size() > MAX_CITY_HOLIDAYS) {
            throw new InvalidInputException("cityHolidays", "at most " + MAX_CITY_HOLIDAYS + " holidays");
        }
        remainderPolicy = remainderPolicy == null ? RemainderPolicy.FIRST : remainderPolicy;
    }

    /** The bank calendar of the tenant's place: national + state + the city holidays it listed. */
    public BankCalendar bankCalendar() {
        BankCalendar.Builder builder = StateHolidays.addTo(BankCalendar.builder(), state);
        for (CityHoliday h : cityHolidays) {
            if (h.every() != null) {
                builder.addFixedHoliday(h.every(), h.name());
            } else {
                builder.addHoliday(h.on(), h.name());
            }
        }
        return builder.build();
    }

    /** The default punctuality discount for an installment originally due on that date, if the tenant grants one. */
    public Optional<PunctualityDiscount> punctualityDiscountFor(LocalDate originalDueDate) {
        return Optional.ofNullable(punctualityDiscount).map(rule -> rule.forDueDate(originalDueDate));
    }

    /** The event that tells the other contexts about this profile. */
    public TenantProfileUpdated profileEvent() {
        return new TenantProfileUpdated(UUID.randomUUID().toString(), tenantId, legalName, tradeName, cnpj.formatted(),
                address, timeZone.getId(), vertical.name(), state, cityIbgeCode,
                cityHolidays.stream().map(h -> new TenantProfileUpdated.CityHoliday(
                        h.every() == null ? null : String.format("%02d-%02d", h.every().getMonthValue(), h.every().getDayOfMonth()),
                        h.on(), h.name())).toList());
    }
}
