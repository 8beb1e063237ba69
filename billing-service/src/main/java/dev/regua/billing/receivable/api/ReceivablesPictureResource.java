package dev.regua.billing.receivable.api;

import dev.regua.billing.receivable.domain.AgingBucket;
import dev.regua.billing.receivable.persistence.ReceivablesPictureRepository;
import dev.regua.billing.tenant.persistence.TenantRepository;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The receivables picture: what is owed, by whom, since when. */
@Path("/api/billing/receivables")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"integrator", "staff", "tenant-admin"})
@Tag(name = "receivables picture")
public class ReceivablesPictureResource {
    private final TenantContext tenant;
    private final TenantRepository tenants;
    private final ReceivablesPictureRepository picture;
    private final Clock clock;

    public ReceivablesPictureResource(TenantContext tenant, TenantRepository tenants, ReceivablesPictureRepository picture,
                                      Clock clock) {
        this.tenant = tenant;
        this.tenants = tenants;
        this.picture = picture;
        this.clock = clock;
    }

    public enum DebtorOrder { AMOUNT, AGE }

    public record Bucket(AgingBucket bucket, long installments, BigDecimal outstanding) {
    }

    public record Aging(LocalDate asOf, List<Bucket> buckets, BigDecimal totalOutstanding, BigDecimal totalOverdue) {
    }

    public record Debtor(UUID payerId, String name, long openInstallments, BigDecimal outstanding, BigDecimal overdue,
                         LocalDate oldestDueDate, long daysSinceOldestDueDate) {
    }

    @GET
    @Path("/aging")
    @WithSession
    @Operation(summary = "Open amounts by days past due: current, 1–15, 16–30, 31–60, 61–90, over 90")
    public Uni<Aging> aging(@QueryParam("asOf") LocalDate asOf) {
        String tenantId = tenant.tenantId();
        return today(tenantId, asOf).chain(day -> picture.outstandingByDaysPastDue(tenantId, day).map(rows -> {
            Map<AgingBucket, long[]> counts = new EnumMap<>(AgingBucket.class);
            Map<AgingBucket, BigDecimal> sums = new EnumMap<>(AgingBucket.class);
            for (AgingBucket b : AgingBucket.values()) {
                counts.put(b, new long[1]);
                sums.put(b, BigDecimal.ZERO.setScale(2));
            }
            for (var row : rows) {
                AgingBucket b = AgingBucket.of(row.daysPastDue());
                counts.get(b)[0] += row.installments();
                sums.put(b, sums.get(b).add(row.outstanding()));
            }
            List<Bucket> buckets = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            for (AgingBucket b : AgingBucket.values()) {
                buckets.add(new Bucket(b, counts.get(b)[0], sums.get(b)));
                total = total.add(sums.get(b));
            }
            return new Aging(day, buckets, total, total.subtract(sums.get(AgingBucket.CURRENT)));
        }));
    }

    @GET
    @Path("/debtors")
    @WithSession
    @Operation(summary = "Who owes how much since when: payers with open installments, by overdue amount or by age")
    public Uni<List<Debtor>> debtors(@QueryParam("asOf") LocalDate asOf,
                                     @QueryParam("sort") @DefaultValue("AMOUNT") DebtorOrder sort,
                                     @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        String tenantId = tenant.tenantId();
        return today(tenantId, asOf).chain(day -> picture.debtors(tenantId, day, sort == DebtorOrder.AGE, limit)
                .map(rows -> rows.stream().map(r -> new Debtor(r.payerId(), r.name(), r.installments(), r.outstanding(),
                        r.overdue(), r.oldestDueDate(), Math.max(0, day.toEpochDay() - r.oldestDueDate().toEpochDay()))).toList()));
    }

    @GET
    @Path("/aging.csv")
    @Produces("text/csv")
    @WithSession
    @Operation(summary = "The aging buckets as CSV (for spreadsheets)")
    public Uni<String> agingCsv(@QueryParam("asOf") LocalDate asOf) {
        return aging(asOf).map(a -> {
            StringBuilder csv = new StringBuilder("as_of,bucket,installments,outstanding\r\n");
            for (Bucket b : a.buckets()) {
                csv.append(a.asOf()).append(',').append(b.bucket()).append(',').append(b.installments()).append(',')
                        .append(b.outstanding().toPlainString()).append("\r\n");
            }
            return csv.toString();
        });
    }

    @GET
    @Path("/debtors.csv")
    @Produces("text/csv")
    @WithSession
    @Operation(summary = "Who owes how much since when, as CSV (for spreadsheets)")
    public Uni<String> debtorsCsv(@QueryParam("asOf") LocalDate asOf,
                                  @QueryParam("sort") @DefaultValue("AMOUNT") DebtorOrder sort,
                                  @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000) int limit) {
        return debtors(asOf, sort, limit).map(list -> {
            StringBuilder csv = new StringBuilder("payer_id,name,open_installments,outstanding,overdue,oldest_due_date,days_since_oldest_due_date\r\n");
            for (Debtor d : list) {
                csv.append(d.payerId()).append(',').append(csvText(d.name())).append(',').append(d.openInstallments()).append(',')
                        .append(d.outstanding().toPlainString()).append(',').append(d.overdue().toPlainString()).append(',')
                        .append(d.oldestDueDate()).append(',').append(d.daysSinceOldestDueDate()).append("\r\n");
            }
            return csv.toString();
        });
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
    static String csvText(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private Uni<LocalDate> today(String tenantId, LocalDate asOf) {
        return tenants.settingsOf(tenantId).map(settings -> {
            if (settings == null) {
                throw new BusinessRuleException("tenant-settings-required", "define the tenant's settings first");
            }
            return asOf != null ? asOf : LocalDate.now(clock.withZone(settings.timeZone()));
        });
    }
}
