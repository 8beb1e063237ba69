package dev.regua.billing.receivable.application;

import dev.regua.billing.payer.persistence.PayerRepository;
import dev.regua.billing.receivable.domain.Installment;
import dev.regua.billing.receivable.domain.Punctuality;
import dev.regua.billing.receivable.persistence.PaymentRepository;
import dev.regua.billing.receivable.persistence.ReceivableRepository;
import dev.regua.billing.tenant.application.TenantCalendars;
import dev.regua.billing.tenant.persistence.TenantRepository;
import dev.regua.kernel.money.Money;
import dev.regua.support.problem.ResourceNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A payer's statement: each installment with the amount due on a day (by the one calculator: discount, fine,
 * interest), the payments, outstanding and overdue totals, credit and punctuality. The JSON and CSV views share it.
 */
@ApplicationScoped
public class PayerStatements {
    private final TenantRepository tenants;
    private final PayerRepository payers;
    private final ReceivableRepository receivables;
    private final PaymentRepository paymentRepository;
    private final Clock clock;

    public PayerStatements(TenantRepository tenants, PayerRepository payers, ReceivableRepository receivables,
                           PaymentRepository paymentRepository, Clock clock) {
        this.tenants = tenants;
        this.payers = payers;
        this.receivables = receivables;
        this.paymentRepository = paymentRepository;
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

    /** The statement on {@code asOf} (default: today in the tenant's zone); 404 for another tenant's payer. */
    public Uni<Statement> of(String tenantId, UUID payerId, LocalDate asOf) {
        return payers.findForTenant(tenantId, payerId).chain(payer -> {
            if (payer == null) {
                throw new ResourceNotFoundException("payer " + payerId + " not found");
            }
            return tenants.settingsOf(tenantId).chain(settings -> {
                LocalDate day = asOf != null ? asOf : LocalDate.now(clock.withZone(settings.timeZone()));
                var calendar = TenantCalendars.of(settings);
                return receivables.installmentsOfPayer(tenantId, payerId).chain(installments ->
                        paymentRepository.credits(tenantId, payerId).chain(credits ->
                        receivables.paymentsOfPayer(tenantId, payerId).map(payments -> {
                            Money outstanding = Money.ZERO;
                            Money overdue = Money.ZERO;
                            List<Line> lines = new ArrayList<>();
                            for (Installment i : installments) {
                                boolean open = !i.status().isSettled();
                                var due = i.amountDueOn(day, calendar);
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
                                    overdue.amount(), credit, Punctuality.of(installments, calendar));
                        })));
            });
        });
    }
}
