package dev.regua.billing.imports.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.regua.billing.imports.application.ReceivablesImport;
import dev.regua.billing.imports.domain.ReceivablesCsv;
import dev.regua.support.idempotency.IdempotentRequests;
import dev.regua.support.problem.InvalidInputException;
import dev.regua.support.problem.Problem;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CSV import of existing receivables (payers and their open installments), with a per-line error report. */
@Path("/api/billing/imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"integrator", "staff", "tenant-admin"})
@Tag(name = "import")
public class ImportResource {
    static final String ALL_OR_NOTHING = "all-or-nothing";
    static final String VALID_ONLY = "valid-only";
    private final TenantContext tenant;
    private final ReceivablesImport imports;
    private final IdempotentRequests idempotency;

    public ImportResource(TenantContext tenant, ReceivablesImport imports, IdempotentRequests idempotency) {
        this.tenant = tenant;
        this.imports = imports;
        this.idempotency = idempotency;
    }

    /**
     * The import report. When the file was refused it is an RFC 9457 problem ({@code type}, {@code title},
     * {@code status}, {@code rule}) extended with the report; {@code errors} lists every problem by line and column.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImportReport(String type, String title, Integer status, String detail, String rule, String mode,
                               int lines, int payersCreated, int payersReused, int contracts, int installments,
                               List<ReceivablesCsv.RowError> errors) {
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @WithTransaction
    @Operation(summary = "Import payers and their open installments from a CSV spreadsheet (UTF-8, ; or , separated, 1.234,56 amounts, dd/MM/yyyy dates). A file with any error writes nothing unless ?mode=valid-only. Accepts an Idempotency-Key.")
    public Uni<Response> importCsv(String body, @QueryParam("mode") @DefaultValue(ALL_OR_NOTHING) String mode,
                                   @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        if (!mode.equals(ALL_OR_NOTHING) && !mode.equals(VALID_ONLY)) {
            throw new InvalidInputException("mode", "must be " + ALL_OR_NOTHING + " or " + VALID_ONLY);
        }
        String tenantId = tenant.tenantId();
        return idempotency.once(tenantId, idempotencyKey, "POST", "/api/billing/imports?mode=" + mode, body,
                () -> imports.run(tenantId, body, mode.equals(VALID_ONLY)).map(ImportResource::response));
    }

    private static Response response(ReceivablesImport.Report r) {
        String mode = r.validOnly() ? VALID_ONLY : ALL_OR_NOTHING;
        if (r.rejected()) {
            return Response.status(422).type(Problem.MEDIA_TYPE).entity(new ImportReport(
                    "https://regua.dev/problems/business-rule", "The request breaks a rule", 422,
                    r.errors().size() + " problem(s) in the file; nothing was imported (use ?mode=valid-only to import the valid lines)",
                    "import-all-or-nothing", mode, r.lines(), 0, 0, 0, 0, r.errors())).build();
        }
        boolean wrote = r.payersCreated() + r.contracts() > 0;
        return Response.status(wrote ? 201 : 200).entity(new ImportReport(null, null, null, null, null, mode, r.lines(),
                r.payersCreated(), r.payersReused(), r.contracts(), r.installments(), r.errors())).build();
    }
}
