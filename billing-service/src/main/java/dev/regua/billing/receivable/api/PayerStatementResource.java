package dev.regua.billing.receivable.api;

import dev.regua.billing.payer.persistence.PayerRepository;
import dev.regua.billing.receivable.application.ReceivableService;
import dev.regua.billing.receivable.domain.Installment;
import dev.regua.billing.receivable.domain.Punctuality;
import dev.regua.billing.receivable.persistence.PaymentRepository;
import dev.regua.billing.receivable.persistence.ReceivableRepository;
import dev.regua.billing.tenant.application.TenantCalendars;
import dev.regua.billing.tenant.persistence.TenantRepository;
import dev.regua.kernel.money.Money;
import dev.regua.support.problem.ResourceNotFoundException;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A payer's statement: what they owe today, what they paid and when, and how punctually. */
@Path("/api/billing/payers/{id}/statement")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"integrator", "staff", "tenant-admin"})
@Tag(name = "receivables picture")
public class PayerStatementResource {
    private final TenantContext tenant;
    private final TenantRepository tenants;
    private final PayerRepository payers;
    private final ReceivableRepository receivables;
    private final ReceivableService service;
    private final Clock clock;
    private final PaymentRepository paymentRepository;

    public PayerStatementResource(TenantContext tenant, TenantRepository tenants, PayerRepository payers,
                                  ReceivableRepository receivables, ReceivableService service, Clock clock,
                                  PaymentRepository paymentRepository) {
        this.paymentRepository = paymentRepository;
        this.tenant = tenant;
        this.tenants = tenants;
        this.payers = payers;
        this.receivables = receivables;
        this.service = service;
        this.clock = clock;
    }

    public record Line(UUID installmentId, UUID contractId, int number, int count, LocalDate dueDate, String status,
                       BigDecimal nominal, BigDecimal paid, BigDecimal discount, BigDecimal dueToday, int daysLate) {
    }

    public record PaymentLine(UUID paymentId, UUID installmentId, LocalDate paidOn, BigDecimal amount, String method,
                              String externalId, LocalDate reversedOn) {
    }

    public record Statement(UUID payerId, String name, LocalDate asOf, List<Line> installments, List<PaymentLine> payments,
                            BigDecimal outstandingToday, BigDecimal overdueToday, BigDecimal creditBalance,
                            Punctuality punctuality) {
    }

    @GET
    @WithSession
    @Operation(summary = "The payer's statement: installments with the amount due today, payments, punctuality")
    public Uni<Statement> statement(@PathParam("id") UUID payerId, @QueryParam("asOf") LocalDate asOf) {
        String tenantId = tenant.tenantId();
        return payers.findForTenant(tenantId, payerId).chain(payer -> {
            if (payer == null) {
                throw new ResourceNotFoundException("payer " + payerId + " not found");
            }
            return tenants.settingsOf(tenantId).chain(settings -> {
                LocalDate day = asOf != null ? asOf : LocalDate.now(clock.withZone(settings.timeZone()));
                return receivables.installmentsOfPayer(tenantId, payerId).chain(installments ->
                        paymentRepository.credits(tenantId, payerId).chain(credits ->
                        receivables.paymentsOfPayer(tenantId, payerId).map(payments -> {
                            Money outstanding = Money.ZERO;
                            Money overdue = Money.ZERO;
                            List<Line> lines = new java.util.ArrayList<>();
                            for (Installment i : installments) {
                                boolean open = !i.status().isSettled();
                                var due = i.amountDueOn(day, TenantCalendars.of(settings));
                                Money today = open ? due.total() : Money.ZERO;
                                outstanding = outstanding.plus(today);
                                if (open && due.isLate()) {
                                    overdue = overdue.plus(today);
                                }
                                lines.add(new Line(i.id(), i.contractId(), i.number(), i.count(), i.dueDate(), i.status().name(),
                                        i.nominal().amount(), i.paidAmount().amount(),
                                        (open ? due.discount() : Money.ZERO).amount(), today.amount(),
                                        open ? due.daysLate() : 0));
                            }
                            List<PaymentLine> paid = payments.stream().map(p -> new PaymentLine(p.id, p.installmentId, p.paidOn,
                                    p.amount, p.method, p.externalId, p.reversedOn)).toList();
                            BigDecimal credit = credits.stream().map(PaymentRepository.Credit::available)
                                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
                            return new Statement(payerId, payer.name(), day, lines, paid, outstanding.amount(),
                                    overdue.amount(), credit, Punctuality.of(installments, TenantCalendars.of(settings)));
                        })));
            });
        });
    }
}
