package dev.regua.billing.tenant.api;

import dev.regua.billing.tenant.domain.TenantSettings;
import dev.regua.billing.tenant.persistence.TenantRepository;
import dev.regua.contract.billing.Address;
import dev.regua.kernel.taxid.Cnpj;
import dev.regua.support.outbox.OutboxWriter;
import dev.regua.support.problem.InvalidInputException;
import dev.regua.support.problem.ResourceNotFoundException;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import dev.regua.kernel.address.Uf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import dev.regua.billing.tenant.application.TenantCalendars;
import dev.regua.billing.tenant.domain.CityHoliday;
import dev.regua.billing.tenant.domain.PunctualityDiscountRule;
import dev.regua.kernel.money.RemainderPolicy;
import jakarta.validation.constraints.DecimalMax;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's creditor profile and default charge terms. */
@Path("/api/billing/settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "settings")
public class TenantSettingsResource {
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
    private final TenantContext tenant;
    private final TenantRepository tenants;
    private final OutboxWriter outbox;
    private final Clock clock;

    public TenantSettingsResource(TenantContext tenant, TenantRepository tenants, OutboxWriter outbox, Clock clock) {
        this.tenant = tenant;
        this.tenants = tenants;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record AddressBody(@NotBlank @Size(max = 200) String street, @NotBlank @Size(max = 20) String number,
                              @Size(max = 100) String complement, @Size(max = 100) String district,
                              @NotBlank @Size(max = 100) String city,
                              @NotNull @Pattern(regexp = Uf.PATTERN, message = Uf.MESSAGE) String state,
                              @Pattern(regexp = "\\d{5}-?\\d{3}", message = "must be a CEP like 13010-000") String postalCode) {
    }

    public record SettingsBody(@NotBlank @Size(max = 200) String legalName, @Size(max = 200) String tradeName,
                               @NotBlank String cnpj, @NotNull @Valid AddressBody address,
                               @NotBlank String timeZone, @NotNull TenantSettings.Vertical vertical,
                               @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal finePercent,
                               @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 3) BigDecimal monthlyInterestPercent,
                               @Min(0) @Max(30) Integer graceDays,
                               @Min(1) @Max(60) Integer dueLeadDays,
                               @Pattern(regexp = Uf.PATTERN, message = Uf.MESSAGE) String state,
                               @Size(max = 100) String city,
                               @Pattern(regexp = "\\d{7}", message = "must be the 7-digit IBGE municipality code, e.g. 3509502") String cityIbgeCode,
                               @Size(max = TenantSettings.MAX_CITY_HOLIDAYS) List<@NotNull @Valid HolidayBody> cityHolidays,
                               @Valid DiscountBody punctualityDiscount,
                               RemainderPolicy remainderPolicy) {
    }

    /** A city holiday: {@code monthDay} (MM-DD, every year) or {@code date} (once), and its name. */
    public record HolidayBody(@Pattern(regexp = "\\d{2}-\\d{2}", message = "must be MM-DD, e.g. 12-08") String monthDay,
                              LocalDate date, @NotBlank @Size(max = 100) String name) {
    }

    /** Percent off the nominal value when paid up to {@code daysBeforeDueDate} days before the due date. */
    public record DiscountBody(@NotNull @DecimalMin(value = "0.01", message = "must be more than 0") @DecimalMax(value = "99.99", message = "must be less than 100")
                               @Digits(integer = 2, fraction = 2, message = "must have at most 2 decimal places") BigDecimal percent,
                               @Min(0) @Max(PunctualityDiscountRule.MAX_DAYS_BEFORE) Integer daysBeforeDueDate) {
    }

    public record HolidayView(String monthDay, LocalDate date, String name) {
    }

    public record DiscountView(BigDecimal percent, int daysBeforeDueDate) {
    }

    public record SettingsView(String tenantId, String legalName, String tradeName, String cnpj, Address address,
                               String timeZone, String vertical, BigDecimal finePercent,
                               BigDecimal monthlyInterestPercent, int graceDays, int dueLeadDays, String state,
                               String city, String cityIbgeCode, List<HolidayView> cityHolidays,
                               DiscountView punctualityDiscount, String remainderPolicy) {
        static SettingsView of(TenantSettings s) {
            return new SettingsView(s.tenantId(), s.legalName(), s.tradeName(), s.cnpj().formatted(), s.address(),
                    s.timeZone().getId(), s.vertical().name(), s.finePercent(), s.monthlyInterestPercent(),
                    s.graceDays(), s.dueLeadDays(), s.state(), s.city(), s.cityIbgeCode(),
                    s.cityHolidays().stream().map(h -> new HolidayView(
                            h.every() == null ? null : h.every().format(MONTH_DAY), h.on(), h.name())).toList(),
                    s.punctualityDiscount() == null ? null
                            : new DiscountView(s.punctualityDiscount().percent(), s.punctualityDiscount().daysBeforeDueDate()),
                    s.remainderPolicy().name());
        }
    }

    /** A holiday on the tenant's calendar in a year, and where it comes from. */
    public record CalendarDay(LocalDate date, String name, String kind) {
    }

    public record CalendarView(int year, String state, String city, List<CalendarDay> holidays) {
    }

    @GET
    @RolesAllowed({"integrator", "staff", "tenant-admin"})
    @WithSession
    @Operation(summary = "The tenant's creditor profile and default charge terms")
    public Uni<SettingsView> get() {
        String tenantId = tenant.tenantId();
        return tenants.settingsOf(tenantId).map(s -> {
            if (s == null) {
                throw new ResourceNotFoundException("tenant " + tenantId + " has no settings yet; PUT them first");
            }
            return SettingsView.of(s);
        });
    }

    @PUT
    @RolesAllowed("tenant-admin")
    @WithTransaction
    @Operation(summary = "Define the tenant's creditor profile and default charge terms (fine ≤ 2 %)")
    public Uni<SettingsView> put(@NotNull @Valid SettingsBody request) {
        String tenantId = tenant.tenantId();
        Cnpj cnpj;
        try {
            cnpj = Cnpj.parse(request.cnpj());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cnpj", e.getMessage());
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(request.timeZone());
        } catch (RuntimeException e) {
            throw new InvalidInputException("timeZone", "unknown time zone '" + request.timeZone() + "'");
        }
        AddressBody a = request.address();
        List<CityHoliday> holidays = new ArrayList<>();
        List<HolidayBody> given = request.cityHolidays() == null ? List.of() : request.cityHolidays();
        for (int i = 0; i < given.size(); i++) {
            holidays.add(holiday(i, given.get(i)));
        }
        DiscountBody d = request.punctualityDiscount();
        TenantSettings settings = new TenantSettings(tenantId, request.legalName(), request.tradeName(), cnpj,
                new Address(a.street(), a.number(), a.complement(), a.district(), a.city(), a.state(),
                        a.postalCode()), zone, request.vertical(), request.finePercent(),
                request.monthlyInterestPercent(), request.graceDays() == null ? 0 : request.graceDays(),
                request.dueLeadDays() == null ? 5 : request.dueLeadDays(), request.state(), request.city(),
                request.cityIbgeCode(), holidays,
                d == null ? null : new PunctualityDiscountRule(d.percent(), d.daysBeforeDueDate() == null ? 0 : d.daysBeforeDueDate()),
                request.remainderPolicy());
        return tenants.save(settings, clock.instant())
                .chain(() -> outbox.append(settings.profileEvent()))
                .replaceWith(SettingsView.of(settings));
    }

    @GET
    @Path("/calendar")
    @RolesAllowed({"integrator", "staff", "tenant-admin"})
    @WithSession
    @Operation(summary = "The bank holidays of a year on the tenant's calendar (national, state and city)")
    public Uni<CalendarView> calendar(@QueryParam("year") String yearParam) {
        String tenantId = tenant.tenantId();
        Integer year = null;
        if (yearParam != null) {
            try {
                year = Integer.parseInt(yearParam.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("year", "must be a year like 2026");
            }
            if (year < 1900 || year > 2999) {
                throw new InvalidInputException("year", "must be between 1900 and 2999");
            }
        }
        Integer chosen = year;
        return tenants.settingsOf(tenantId).map(s -> {
            if (s == null) {
                throw new ResourceNotFoundException("tenant " + tenantId + " has no settings yet; PUT them first");
            }
            int y = chosen != null ? chosen : LocalDate.now(clock.withZone(s.timeZone())).getYear();
            return new CalendarView(y, s.state(), s.city(), TenantCalendars.of(s).holidaysIn(y).stream()
                    .map(h -> new CalendarDay(h.date(), h.name(), h.kind().name())).toList());
        });
    }

    private static CityHoliday holiday(int index, HolidayBody body) {
        String field = "cityHolidays[" + index + "]";
        if ((body.monthDay() == null) == (body.date() == null)) {
            throw new InvalidInputException(field, "needs either monthDay (MM-DD, every year) or date (once), not both");
        }
        if (body.date() != null) {
            return CityHoliday.once(body.date(), body.name());
        }
        try {
            return CityHoliday.yearly(MonthDay.parse("--" + body.monthDay()), body.name());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field + ".monthDay", "'" + body.monthDay() + "' is not a day of the year");
        }
    }
}
