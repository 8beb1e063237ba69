package dev.regua.billing.receivable.api;

import dev.regua.billing.receivable.domain.AgingBucket;
import dev.regua.billing.receivable.domain.Contract;
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
    private static final String AGING_BY_PAYER = "aging-by-payer";
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

    /** A payer's open amount in one bucket. */
    public record BucketAmount(AgingBucket bucket, BigDecimal outstanding) {
    }

    /** One payer's aging: the open amount in each bucket, the total and the overdue part. */
    public record PayerAging(UUID payerId, String name, List<BucketAmount> buckets, BigDecimal totalOutstanding,
                             BigDecimal totalOverdue) {
    }

    /** The aging of one contract kind (ONE_OFF, INSTALLMENT_PLAN, MONTHLY_FEE). */
    public record KindAging(String kind, List<Bucket> buckets, BigDecimal totalOutstanding, BigDecimal totalOverdue) {
    }

    public record AgingByKind(LocalDate asOf, List<KindAging> kinds) {
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
            List<Bucket> buckets = buckets(rows);
            return new Aging(day, buckets, total(buckets), overdue(buckets));
        }));
    }

    /** The rows (days past due, count, amount) summed into every bucket, empty ones included, in order. */
    private static List<Bucket> buckets(List<ReceivablesPictureRepository.DaysRow> rows) {
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
        for (AgingBucket b : AgingBucket.values()) {
            buckets.add(new Bucket(b, counts.get(b)[0], sums.get(b)));
        }
        return buckets;
    }

    private static BigDecimal total(List<Bucket> buckets) {
        return buckets.stream().map(Bucket::outstanding).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static BigDecimal overdue(List<Bucket> buckets) {
        return buckets.stream().filter(b -> b.bucket() != AgingBucket.CURRENT).map(Bucket::outstanding)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    @GET
    @Path("/aging/by-contract-kind")
    @WithSession
    @Operation(summary = "The aging buckets for each contract kind (one-off charges, installment plans, monthly fees)")
    public Uni<AgingByKind> agingByContractKind(@QueryParam("asOf") LocalDate asOf) {
        String tenantId = tenant.tenantId();
        return today(tenantId, asOf).chain(day -> picture.outstandingByKindAndDaysPastDue(tenantId, day).map(rows -> {
            List<KindAging> kinds = new ArrayList<>();
            for (Contract.Kind kind : Contract.Kind.values()) {
                List<Bucket> buckets = buckets(rows.stream().filter(r -> r.kind().equals(kind.name()))
                        .map(r -> new ReceivablesPictureRepository.DaysRow(r.daysPastDue(), r.installments(), r.outstanding()))
                        .toList());
                kinds.add(new KindAging(kind.name(), buckets, total(buckets), overdue(buckets)));
            }
            return new AgingByKind(day, kinds);
        }));
    }

    @GET
    @Path("/aging/by-payer")
    @WithSession
    @Operation(summary = "The aging buckets of each payer with open installments, in registration order, a page at a time (?limit=&cursor=; the cursor keeps the asOf of the first page)")
    public Uni<Page<PayerAging>> agingByPayer(@QueryParam("asOf") LocalDate asOf,
                                              @QueryParam("limit") String limitParam,
                                              @QueryParam("cursor") String cursor) {
        String tenantId = tenant.tenantId();
        int limit = Page.limit(limitParam, 50, 500);
        Cursor after = Cursor.decode(cursor, AGING_BY_PAYER, 2);
        if (after != null && asOf != null && !asOf.equals(after.date(0))) {
            throw new InvalidInputException(Cursor.FIELD, "was issued for asOf " + after.date(0) + ", not " + asOf);
        }
        return today(tenantId, after != null ? after.date(0) : asOf)
                .chain(day -> picture.agingByPayer(tenantId, day, after == null ? null : after.longValue(1), limit + 1)
                        .map(rows -> Page.of(rows, limit, r -> Cursor.encode(AGING_BY_PAYER, day, r.seq()),
                                ReceivablesPictureResource::payerAging)));
    }

    private static PayerAging payerAging(ReceivablesPictureRepository.PayerAgingRow r) {
        List<BucketAmount> amounts = new ArrayList<>();
        AgingBucket[] all = AgingBucket.values();
        for (int i = 0; i < all.length; i++) {
            amounts.add(new BucketAmount(all[i], r.buckets().get(i)));
        }
        return new PayerAging(r.payerId(), r.name(), amounts, r.total(), r.total().subtract(r.buckets().get(0)));
    }

    @GET
    @Path("/aging/by-contract-kind.csv")
    @Produces("text/csv")
    @WithSession
    @Operation(summary = "The aging per contract kind as CSV (?format=br for a pt-BR spreadsheet)")
    public Uni<String> agingByContractKindCsv(@QueryParam("asOf") LocalDate asOf, @QueryParam("format") CsvFormat format) {
        CsvFormat csv = csv(format);
        return agingByContractKind(asOf).map(a -> {
            StringBuilder out = new StringBuilder(csv.header("as_of", "contract_kind", "bucket", "installments", "outstanding"));
            for (KindAging k : a.kinds()) {
                for (Bucket b : k.buckets()) {
                    out.append(csv.line(a.asOf(), Contract.Kind.valueOf(k.kind()), b.bucket(), b.installments(), b.outstanding()));
                }
            }
            return out.toString();
        });
    }

    @GET
    @Path("/aging/by-payer.csv")
    @Produces("text/csv")
    @Operation(summary = "Every payer's aging as CSV (?format=br for a pt-BR spreadsheet): not paginated, streamed in keyset batches")
    public Multi<String> agingByPayerCsv(@QueryParam("asOf") LocalDate asOf, @QueryParam("format") CsvFormat format) {
        String tenantId = tenant.tenantId();
        CsvFormat csv = csv(format);
        List<String> columns = new ArrayList<>(List.of("as_of", "payer_id", "name"));
        for (AgingBucket b : AgingBucket.values()) {
            columns.add(b.name().toLowerCase(java.util.Locale.ROOT));
        }
        columns.add("total_outstanding");
        columns.add("total_overdue");
        return Multi.createFrom().uni(Panache.withSession(() -> today(tenantId, asOf))).onItem().transformToMultiAndConcatenate(day -> {
            Multi<List<ReceivablesPictureRepository.PayerAgingRow>> batches = Multi.createBy().repeating()
                    .uni(() -> new AtomicReference<ReceivablesPictureRepository.PayerAgingRow>(),
                            last -> Panache.withSession(() -> picture.agingByPayer(tenantId, day,
                                            last.get() == null ? null : last.get().seq(), CSV_BATCH))
                                    .invoke(rows -> last.set(rows.isEmpty() ? last.get() : rows.get(rows.size() - 1))))
                    .whilst(rows -> rows.size() == CSV_BATCH);
            Multi<String> lines = batches.map(rows -> {
                StringBuilder out = new StringBuilder();
                for (var r : rows) {
                    PayerAging p = payerAging(r);
                    List<Object> values = new ArrayList<>(List.of(day, p.payerId(), p.name()));
                    p.buckets().forEach(b -> values.add(b.outstanding()));
                    values.add(p.totalOutstanding());
                    values.add(p.totalOverdue());
                    out.append(csv.line(values));
                }
                return out.toString();
            }).filter(chunk -> !chunk.isEmpty());
            return Multi.createBy().concatenating().streams(
                    Multi.createFrom().item(csv.header(columns.toArray(String[]::new))), lines);
        });
    }

    private static CsvFormat csv(CsvFormat format) {
        return format == null ? CsvFormat.STANDARD : format;
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
    @Operation(summary = "The aging buckets as CSV (?format=br for a pt-BR spreadsheet)")
    public Uni<String> agingCsv(@QueryParam("asOf") LocalDate asOf, @QueryParam("format") CsvFormat format) {
        CsvFormat csv = csv(format);
        return aging(asOf).map(a -> {
            StringBuilder out = new StringBuilder(csv.header("as_of", "bucket", "installments", "outstanding"));
            for (Bucket b : a.buckets()) {
                out.append(csv.line(a.asOf(), b.bucket(), b.installments(), b.outstanding()));
            }
            return out.toString();
        });
    }

    @GET
    @Path("/debtors.csv")
    @Produces("text/csv")
    @Operation(summary = "Every payer who owes, as CSV (?format=br for a pt-BR spreadsheet): not paginated, streamed in keyset batches")
    public Multi<String> debtorsCsv(@QueryParam("asOf") LocalDate asOf,
                                    @QueryParam("sort") @DefaultValue("AMOUNT") DebtorOrder sort,
                                    @QueryParam("format") CsvFormat format) {
        String tenantId = tenant.tenantId();
        CsvFormat csv = csv(format);
        boolean byAge = sort == DebtorOrder.AGE;
        return Multi.createFrom().uni(Panache.withSession(() -> today(tenantId, asOf))).onItem().transformToMultiAndConcatenate(day -> {
            Multi<List<ReceivablesPictureRepository.DebtorRow>> batches = Multi.createBy().repeating()
                    .uni(() -> new AtomicReference<ReceivablesPictureRepository.DebtorRow>(),
                            last -> Panache.withSession(() -> picture.debtors(tenantId, day, byAge, last.get(), CSV_BATCH))
                                    .invoke(rows -> last.set(rows.isEmpty() ? last.get() : rows.get(rows.size() - 1))))
                    .whilst(rows -> rows.size() == CSV_BATCH);
            Multi<String> lines = batches.map(rows -> {
                StringBuilder out = new StringBuilder();
                for (var r : rows) {
                    Debtor d = debtor(r, day);
                    out.append(csv.line(d.payerId(), d.name(), d.openInstallments(), d.outstanding(), d.overdue(),
                            d.oldestDueDate(), d.daysSinceOldestDueDate()));
                }
                return out.toString();
            }).filter(chunk -> !chunk.isEmpty());
            return Multi.createBy().concatenating().streams(Multi.createFrom().item(csv.header("payer_id", "name",
                    "open_installments", "outstanding", "overdue", "oldest_due_date", "days_since_oldest_due_date")), lines);
        });
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
