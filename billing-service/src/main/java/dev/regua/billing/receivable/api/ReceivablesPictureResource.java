package dev.regua.billing.receivable.api;

import dev.regua.billing.receivable.domain.AgingBucket;
import dev.regua.billing.receivable.persistence.ReceivablesPictureRepository;
import dev.regua.billing.tenant.persistence.TenantRepository;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import dev.regua.support.paging.Cursor;
import dev.regua.support.paging.Page;
import dev.regua.support.problem.InvalidInputException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicReference;
import jakarta.annotation.security.RolesAllowed;
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
    /** Rows per database round trip while streaming a CSV export. */
    static final int CSV_BATCH = 500;
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
    @Operation(summary = "Who owes how much since when: payers with open installments, by overdue amount or by age, a page at a time (?limit=&cursor=; the cursor keeps the asOf of the first page)")
    public Uni<Page<Debtor>> debtors(@QueryParam("asOf") LocalDate asOf,
                                     @QueryParam("sort") @DefaultValue("AMOUNT") DebtorOrder sort,
                                     @QueryParam("limit") String limitParam,
                                     @QueryParam("cursor") String cursor) {
        String tenantId = tenant.tenantId();
        int limit = Page.limit(limitParam, 50, 500);
        String list = "debtors-" + sort.name();
        Cursor after = Cursor.decode(cursor, list, 4);
        if (after != null && asOf != null && !asOf.equals(after.date(0))) {
            throw new InvalidInputException(Cursor.FIELD, "was issued for asOf " + after.date(0) + ", not " + asOf);
        }
        ReceivablesPictureRepository.DebtorRow last = after == null ? null
                : new ReceivablesPictureRepository.DebtorRow(after.uuid(3), null, 0, null, after.decimal(1), after.date(2));
        return today(tenantId, after != null ? after.date(0) : asOf)
                .chain(day -> picture.debtors(tenantId, day, sort == DebtorOrder.AGE, last, limit + 1)
                        .map(rows -> Page.of(rows, limit,
                                r -> Cursor.encode(list, day, r.overdue(), r.oldestDueDate(), r.payerId()),
                                r -> debtor(r, day))));
    }

    private static Debtor debtor(ReceivablesPictureRepository.DebtorRow r, LocalDate day) {
        return new Debtor(r.payerId(), r.name(), r.installments(), r.outstanding(), r.overdue(), r.oldestDueDate(),
                Math.max(0, day.toEpochDay() - r.oldestDueDate().toEpochDay()));
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
    @Operation(summary = "Every payer who owes, as CSV (for spreadsheets): not paginated, streamed in keyset batches")
    public Multi<String> debtorsCsv(@QueryParam("asOf") LocalDate asOf,
                                    @QueryParam("sort") @DefaultValue("AMOUNT") DebtorOrder sort) {
        String tenantId = tenant.tenantId();
        boolean byAge = sort == DebtorOrder.AGE;
        return Multi.createFrom().uni(Panache.withSession(() -> today(tenantId, asOf))).onItem().transformToMultiAndConcatenate(day -> {
            Multi<List<ReceivablesPictureRepository.DebtorRow>> batches = Multi.createBy().repeating()
                    .uni(() -> new AtomicReference<ReceivablesPictureRepository.DebtorRow>(),
                            last -> Panache.withSession(() -> picture.debtors(tenantId, day, byAge, last.get(), CSV_BATCH))
                                    .invoke(rows -> last.set(rows.isEmpty() ? last.get() : rows.get(rows.size() - 1))))
                    .whilst(rows -> rows.size() == CSV_BATCH);
            Multi<String> lines = batches.map(rows -> {
                StringBuilder csv = new StringBuilder();
                for (var r : rows) {
                    Debtor d = debtor(r, day);
                    csv.append(d.payerId()).append(',').append(csvText(d.name())).append(',').append(d.openInstallments()).append(',')
                            .append(d.outstanding().toPlainString()).append(',').append(d.overdue().toPlainString()).append(',')
                            .append(d.oldestDueDate()).append(',').append(d.daysSinceOldestDueDate()).append("\r\n");
                }
                return csv.toString();
            }).filter(chunk -> !chunk.isEmpty());
            return Multi.createBy().concatenating().streams(Multi.createFrom().item(
                    "payer_id,name,open_installments,outstanding,overdue,oldest_due_date,days_since_oldest_due_date\r\n"), lines);
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
