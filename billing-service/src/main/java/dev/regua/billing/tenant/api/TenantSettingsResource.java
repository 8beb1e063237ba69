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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's creditor profile and default charge terms. */
@Path("/api/billing/settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "settings")
public class TenantSettingsResource {
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
                               @Min(1) @Max(60) Integer dueLeadDays) {
    }

    public record SettingsView(String tenantId, String legalName, String tradeName, String cnpj, Address address,
                               String timeZone, String vertical, BigDecimal finePercent,
                               BigDecimal monthlyInterestPercent, int graceDays, int dueLeadDays) {
        static SettingsView of(TenantSettings s) {
            return new SettingsView(s.tenantId(), s.legalName(), s.tradeName(), s.cnpj().formatted(), s.address(),
                    s.timeZone().getId(), s.vertical().name(), s.finePercent(), s.monthlyInterestPercent(),
                    s.graceDays(), s.dueLeadDays());
        }
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
        TenantSettings settings = new TenantSettings(tenantId, request.legalName(), request.tradeName(), cnpj,
                new Address(a.street(), a.number(), a.complement(), a.district(), a.city(), a.state(),
                        a.postalCode()), zone, request.vertical(), request.finePercent(),
                request.monthlyInterestPercent(), request.graceDays() == null ? 0 : request.graceDays(),
                request.dueLeadDays() == null ? 5 : request.dueLeadDays());
        return tenants.save(settings, clock.instant())
                .chain(() -> outbox.append(settings.profileEvent()))
                .replaceWith(SettingsView.of(settings));
    }
}
