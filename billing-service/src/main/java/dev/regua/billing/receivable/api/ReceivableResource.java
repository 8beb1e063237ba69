package dev.regua.billing.receivable.api;

import dev.regua.billing.receivable.application.MonthlyFees;
import dev.regua.billing.receivable.application.Payments;
import dev.regua.billing.receivable.application.ReceivableService;
import dev.regua.billing.receivable.domain.Contract;
import dev.regua.billing.receivable.domain.Installment;
import dev.regua.billing.receivable.domain.InstallmentPlan;
import dev.regua.billing.tenant.domain.PunctualityDiscountRule;
import dev.regua.kernel.charges.AmountDue;
import dev.regua.kernel.charges.PunctualityDiscount;
import dev.regua.kernel.money.Money;
import dev.regua.support.charges.ChargeTermsViews;
import dev.regua.support.idempotency.IdempotentRequests;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import dev.regua.support.paging.Cursor;
import dev.regua.support.paging.Page;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/billing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"integrator", "staff", "tenant-admin"})
@Tag(name = "receivables")
public class ReceivableResource {
    private static final String CONTRACT_INSTALLMENTS = "contract-installments";
    private static final String PAYER_INSTALLMENTS = "payer-installments";
    private final TenantContext tenant;
    private final ReceivableService service;
    private final IdempotentRequests idempotency;
    private final MonthlyFees monthlyFees;
    private final Payments payments;

    public ReceivableResource(TenantContext tenant, ReceivableService service, IdempotentRequests idempotency,
                              MonthlyFees monthlyFees, Payments payments) {
        this.payments = payments;
        this.tenant = tenant;
        this.monthlyFees = monthlyFees;
        this.idempotency = idempotency;
        this.service = service;
    }

    public record CreatePlan(@NotNull UUID payerId,
                             @Size(max = 300) String description,
                             @NotNull @DecimalMin(value = "0.01", message = "must be greater than zero") @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimal places") BigDecimal totalAmount,
                             @NotNull @Min(value = 1, message = "must be between 1 and 120") @Max(value = 120, message = "must be between 1 and 120") Integer installments,
                             @NotNull LocalDate firstDueDate,
                             @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal finePercent,
                             @DecimalMin("0") @Digits(integer = 3, fraction = 3) BigDecimal monthlyInterestPercent,
                             @Min(0) @Max(30) Integer graceDays,
                             @Valid DownPaymentBody downPayment,
                             @Valid DiscountBody punctualityDiscount,
                             @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "letters, digits, '.', '_' or '-' only") String segment,
                             LocalDate signedOn,
                             @Size(max = 300) String evidenceRef) {
    }

    public record DownPaymentBody(@NotNull @DecimalMin(value = "0.01", message = "must be greater than zero") @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimal places") BigDecimal amount,
                                  @NotNull LocalDate dueDate) {
    }

    public record CreateOneOff(@NotNull UUID payerId,
                               @Size(max = 300) String description,
                               @NotNull @DecimalMin(value = "0.01", message = "must be greater than zero") @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimal places") BigDecimal amount,
                               @NotNull LocalDate dueDate,
                               @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal finePercent,
                               @DecimalMin("0") @Digits(integer = 3, fraction = 3) BigDecimal monthlyInterestPercent,
                               @Min(0) @Max(30) Integer graceDays,
                               @Valid DiscountBody punctualityDiscount,
                             @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "letters, digits, '.', '_' or '-' only") String segment,
                             LocalDate signedOn,
                             @Size(max = 300) String evidenceRef) {
    }

    public record CreateMonthlyFee(@NotNull UUID payerId,
                                   @Size(max = 300) String description,
                                   @NotNull @DecimalMin(value = "0.01", message = "must be greater than zero") @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimal places") BigDecimal monthlyAmount,
                                   @NotNull @Min(value = 1, message = "must be between 1 and 31") @Max(value = 31, message = "must be between 1 and 31") Integer dueDay,
                                   @NotNull java.time.YearMonth startMonth,
                                   java.time.YearMonth endMonth,
                                   @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal finePercent,
                                   @DecimalMin("0") @Digits(integer = 3, fraction = 3) BigDecimal monthlyInterestPercent,
                                   @Min(0) @Max(30) Integer graceDays,
                                   @Valid DiscountBody punctualityDiscount,
                                   @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "letters, digits, '.', '_' or '-' only") String segment,
                                   LocalDate signedOn,
                                   @Size(max = 300) String evidenceRef) {
    }

    /**
     * The contract's desconto de pontualidade: {@code percent} % off each installment's nominal value when paid up to
     * {@code daysBeforeDueDate} days (default 0) before its due date. Absent: the tenant's default rule;
     * {@code percent} 0: no discount even if the tenant has a default.
     */
    public record DiscountBody(@NotNull @DecimalMin(value = "0", message = "must be 0 (no discount) or more") @DecimalMax(value = "99.99", message = "must be less than 100")
                               @Digits(integer = 2, fraction = 2, message = "must have at most 2 decimal places") BigDecimal percent,
                               @Min(0) @Max(PunctualityDiscountRule.MAX_DAYS_BEFORE) Integer daysBeforeDueDate) {
        /** null when absent (the tenant's default applies), empty for "no discount". */
        @SuppressWarnings("OptionalAssignedToNull")
        static Optional<PunctualityDiscountRule> rule(DiscountBody body) {
            if (body == null) {
                return null;
            }
            if (body.percent().signum() == 0) {
                return Optional.empty();
            }
            return Optional.of(new PunctualityDiscountRule(body.percent(), body.daysBeforeDueDate() == null ? 0 : body.daysBeforeDueDate()));
        }
    }

    public record MonthlyFeeView(UUID contractId, UUID payerId, String description, BigDecimal monthlyAmount, int dueDay,
                                 java.time.YearMonth startMonth, java.time.YearMonth endMonth, List<InstallmentView> generated) {
    }

    public record InstallmentView(UUID id, UUID contractId, UUID payerId, int number, int count, BigDecimal nominal,
                                  LocalDate originalDueDate, LocalDate dueDate, String status, BigDecimal paidAmount,
                                  LocalDate paidOn, BigDecimal finePercent, BigDecimal monthlyInterestPercent,
                                  BigDecimal punctualityDiscountPercent, LocalDate punctualityDiscountUntil) {
        public static InstallmentView of(Installment i) {
            var discount = i.terms().punctualityDiscount().map(d -> (PunctualityDiscount.Percent) d);
            return new InstallmentView(i.id(), i.contractId(), i.payerId(), i.number(), i.count(), i.nominal().amount(),
                    i.originalDueDate(), i.dueDate(), i.status().name(), i.paidAmount().amount(), i.paidOn(),
                    i.terms().finePercent(), i.terms().monthlyInterestPercent(),
                    discount.map(d -> ChargeTermsViews.plain(d.percent())).orElse(null),
                    discount.map(PunctualityDiscount.Percent::validUntil).orElse(null));
        }
    }

    public record PlanView(UUID contractId, String kind, String status, UUID payerId, String description,
                           BigDecimal totalAmount, BigDecimal downPayment, String segment, LocalDate signedOn,
                           String evidenceRef, List<InstallmentView> installments) {
    }

    public record AmountDueView(UUID installmentId, LocalDate date, LocalDate effectiveDueDate, int daysLate,
                                BigDecimal nominal, BigDecimal discount, BigDecimal fine, BigDecimal interest,
                                BigDecimal alreadyPaid, BigDecimal total) {
        static AmountDueView of(UUID id, LocalDate date, AmountDue d) {
            return new AmountDueView(id, date, d.effectiveDueDate(), d.daysLate(), d.nominal().amount(),
                    d.discount().amount(), d.fine().amount(), d.interest().amount(), d.alreadyPaid().amount(),
                    d.total().amount());
        }
    }

    @POST
    @Path("/installment-plans")
    @WithTransaction
    @Operation(summary = "Create an installment plan (parcelamento / crediário): N monthly installments from a first due date. Accepts an Idempotency-Key.")
    public Uni<Response> createPlan(@NotNull @Valid CreatePlan request,
                                    @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String tenantId = tenant.tenantId();
        return idempotency.once(tenantId, idempotencyKey, "POST", "/api/billing/installment-plans", request,
                () -> createPlan(tenantId, request));
    }

    private Uni<Response> createPlan(String tenantId, CreatePlan request) {
        var down = request.downPayment() == null ? null
                : new InstallmentPlan.DownPayment(Money.of(request.downPayment().amount()), request.downPayment().dueDate());
        var command = new ReceivableService.NewPlan(request.payerId(), request.description(),
                Money.of(request.totalAmount()), request.installments(), request.firstDueDate(), request.finePercent(),
                request.monthlyInterestPercent(), request.graceDays(), down,
                new Contract.Agreement(request.segment(), request.signedOn(), request.evidenceRef()),
                DiscountBody.rule(request.punctualityDiscount()));
        return service.createPlan(tenantId, command, Contract.Kind.INSTALLMENT_PLAN).chain(this::withCreditApplied).map(created -> Response
                .created(URI.create("/api/billing/contracts/" + created.contractId()))
                .entity(created).build());
    }

    @POST
    @Path("/one-off-charges")
    @WithTransaction
    @Operation(summary = "Create a one-off charge: a contract with a single installment due on a date. Accepts an Idempotency-Key.")
    public Uni<Response> createOneOff(@NotNull @Valid CreateOneOff request,
                                      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String tenantId = tenant.tenantId();
        return idempotency.once(tenantId, idempotencyKey, "POST", "/api/billing/one-off-charges", request, () -> {
            var command = new ReceivableService.NewPlan(request.payerId(), request.description(), Money.of(request.amount()),
                    1, request.dueDate(), request.finePercent(), request.monthlyInterestPercent(), request.graceDays(), null,
                    new Contract.Agreement(request.segment(), request.signedOn(), request.evidenceRef()),
                    DiscountBody.rule(request.punctualityDiscount()));
            return service.createPlan(tenantId, command, Contract.Kind.ONE_OFF).chain(this::withCreditApplied).map(created -> Response
                    .created(URI.create("/api/billing/contracts/" + created.contractId()))
                    .entity(created).build());
        });
    }

    @POST
    @Path("/monthly-fees")
    @WithTransaction
    @Operation(summary = "Create a monthly fee (mensalidade): a due day, a start month and an end month or open-ended; installments are generated ahead over a rolling horizon. Accepts an Idempotency-Key.")
    public Uni<Response> createMonthlyFee(@NotNull @Valid CreateMonthlyFee request,
                                          @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String tenantId = tenant.tenantId();
        return idempotency.once(tenantId, idempotencyKey, "POST", "/api/billing/monthly-fees", request, () -> {
            var command = new MonthlyFees.NewMonthlyFee(request.payerId(), request.description(),
                    Money.of(request.monthlyAmount()), request.dueDay(), request.startMonth(), request.endMonth(),
                    request.finePercent(), request.monthlyInterestPercent(), request.graceDays(),
                    new Contract.Agreement(request.segment(), request.signedOn(), request.evidenceRef()),
                    DiscountBody.rule(request.punctualityDiscount()));
            return monthlyFees.create(tenantId, command)
                    .call(created -> payments.applyCredit(tenantId, created.fee().payerId(), created.contract().activatedOn()))
                    .chain(created -> service.installmentsOfContract(tenantId, created.fee().contractId()).map(installments -> Response
                    .created(URI.create("/api/billing/contracts/" + created.fee().contractId()))
                    .entity(new MonthlyFeeView(created.fee().contractId(), created.fee().payerId(), request.description(),
                            created.fee().amount().amount(), created.fee().dueDay(), created.fee().start(), created.fee().end(),
                            installments.stream().map(InstallmentView::of).toList()))
                    .build()));
        });
    }

    @GET
    @Path("/contracts/{id}/installments")
    @WithSession
    @Operation(summary = "The installments of a contract by number, a page at a time (?limit=&cursor=)")
    public Uni<Page<InstallmentView>> installmentsOfContract(@PathParam("id") UUID contractId,
                                                            @QueryParam("limit") String limitParam,
                                                            @QueryParam("cursor") String cursor) {
        int limit = Page.limit(limitParam, 50, 200);
        Cursor after = Cursor.decode(cursor, CONTRACT_INSTALLMENTS, 2);
        return service.installmentsOfContract(tenant.tenantId(), contractId, after == null ? null : after.integer(0), limit + 1)
                .map(rows -> Page.of(rows, limit, i -> Cursor.encode(CONTRACT_INSTALLMENTS, i.number(), i.id()), InstallmentView::of));
    }

    @GET
    @Path("/payers/{id}/installments")
    @WithSession
    @Operation(summary = "The installments a payer owes or paid, by due date, a page at a time (?limit=&cursor=)")
    public Uni<Page<InstallmentView>> installmentsOfPayer(@PathParam("id") UUID payerId,
                                                         @QueryParam("limit") String limitParam,
                                                         @QueryParam("cursor") String cursor) {
        int limit = Page.limit(limitParam, 50, 200);
        Cursor after = Cursor.decode(cursor, PAYER_INSTALLMENTS, 3);
        return service.installmentsOfPayer(tenant.tenantId(), payerId, after == null ? null : after.date(0),
                        after == null ? 0 : after.integer(1), after == null ? null : after.uuid(2), limit + 1)
                .map(rows -> Page.of(rows, limit, i -> Cursor.encode(PAYER_INSTALLMENTS, i.dueDate(), i.number(), i.id()),
                        InstallmentView::of));
    }

    @GET
    @Path("/installments/{id}")
    @WithSession
    @Operation(summary = "One installment")
    public Uni<InstallmentView> installment(@PathParam("id") UUID id) {
        return service.installment(tenant.tenantId(), id).map(InstallmentView::of);
    }

    @GET
    @Path("/installments/{id}/amount-due")
    @WithSession
    @Operation(summary = "The amount due on a date (default today): nominal, punctuality discount, 2 % fine once, simple pro-rata-die interest")
    public Uni<AmountDueView> amountDue(@PathParam("id") UUID id, @QueryParam("date") LocalDate date) {
        return service.quote(tenant.tenantId(), id, date).map(q -> AmountDueView.of(id, q.date(), q.amountDue()));
    }

    /**
     * The payer's credit (an earlier over-payment) pays the new installments, oldest due date first; the view shows
     * the installments after that.
     */
    private Uni<PlanView> withCreditApplied(ReceivableService.CreatedContract created) {
        Contract c = created.contract();
        return payments.applyCredit(c.tenantId(), c.payerId(), c.activatedOn())
                .chain(() -> service.installmentsOfContract(c.tenantId(), c.id()))
                .map(installments -> new PlanView(c.id(), c.kind().name(), c.status().name(), c.payerId(), c.description(),
                        c.total().amount(), created.plan().downPayment() == null ? null : created.plan().downPayment().amount(),
                        c.agreement().segment(), c.agreement().signedOn(), c.agreement().evidenceRef(),
                        installments.stream().map(InstallmentView::of).toList()));
    }
}
