package dev.regua.billing.receivable.api;

import dev.regua.billing.receivable.application.PayerStatements;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The payer's statement as CSV: one {@code INSTALLMENT} line per installment (amount due on {@code asOf} by the
 * calculator) and one {@code PAYMENT} line per payment, in one table whose first column says which.
 */
@Path("/api/billing/payers/{id}/statement.csv")
@Produces("text/csv")
@RolesAllowed({"integrator", "staff", "tenant-admin"})
@Tag(name = "receivables picture")
public class PayerStatementCsvResource {
    static final String[] COLUMNS = {"record", "as_of", "installment_id", "contract_id", "number", "count", "due_date",
            "status", "nominal", "paid", "discount", "due_on_as_of", "days_late", "payment_id", "paid_on", "amount",
            "method", "external_id", "reversed_on"};
    private final TenantContext tenant;
    private final PayerStatements statements;

    public PayerStatementCsvResource(TenantContext tenant, PayerStatements statements) {
        this.tenant = tenant;
        this.statements = statements;
    }

    @GET
    @WithSession
    @Operation(summary = "The payer's statement as CSV (?format=br for a pt-BR spreadsheet): installments with the amount due on asOf, then payments")
    public Uni<String> statementCsv(@PathParam("id") UUID payerId, @QueryParam("asOf") LocalDate asOf,
                                   @QueryParam("format") CsvFormat format) {
        CsvFormat csv = format == null ? CsvFormat.STANDARD : format;
        return statements.of(tenant.tenantId(), payerId, asOf).map(s -> {
            StringBuilder out = new StringBuilder(csv.header(COLUMNS));
            for (var l : s.installments()) {
                out.append(csv.line("INSTALLMENT", s.asOf(), l.installmentId(), l.contractId(), l.number(), l.count(),
                        l.dueDate(), l.status(), l.nominal(), l.paid(), l.discount(), l.dueToday(), l.daysLate(),
                        null, null, null, null, null, null));
            }
            for (var p : s.payments()) {
                out.append(csv.line("PAYMENT", s.asOf(), p.installmentId(), null, null, null, null,
                        p.reversedOn() == null ? "RECEIVED" : "REVERSED", null, null, null, null, null,
                        p.paymentId(), p.paidOn(), p.amount(), p.method(), p.externalId(), p.reversedOn()));
            }
            return out.toString();
        });
    }
}
