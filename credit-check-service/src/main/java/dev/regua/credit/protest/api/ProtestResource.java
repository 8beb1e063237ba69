package dev.regua.credit.protest.api;

import dev.regua.credit.protest.persistence.ProtestEntity;
import dev.regua.credit.protest.persistence.ProtestRepository;
import dev.regua.support.problem.ResourceNotFoundException;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/credit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "protest")
public class ProtestResource {
    private final TenantContext tenant;
    private final ProtestRepository repository;

    public ProtestResource(TenantContext tenant, ProtestRepository repository) {
        this.tenant = tenant;
        this.repository = repository;
    }

    /**
     * A protest with the notary office, its protocol, the day the debtor was notified and the last day to pay there, the
     * protest date, the carta de anuência once issued, and its history.
     */
    public record ProtestView(UUID id, UUID payerId, String caseId, String state, String reason, BigDecimal amount,
                              LocalDate oldestDueDate, List<String> installmentIds, String notaryOffice, String protocol,
                              LocalDate notifiedOn, LocalDate paymentDeadline, LocalDate protestedOn, Instant protestedAt, String consentLetter, Instant consentIssuedAt, Instant cancelledAt,
                              List<Change> history) {
    }

    public record Change(String state, String previousState, String reason, String commandKey, Instant at) {
    }

    @GET
    @Path("/payers/{payerId}/protests")
    @WithSession
    @RolesAllowed({"integrator", "staff", "tenant-admin"})
    @Operation(summary = "The payer's protests at notary offices with their history")
    public Uni<List<ProtestView>> ofPayer(@PathParam("payerId") UUID payerId) {
        return repository.ofPayer(tenant.tenantId(), payerId).chain(list -> {
            List<ProtestView> out = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ProtestEntity p : list) {
                chain = chain.chain(() -> view(p).invoke(out::add).replaceWithVoid());
            }
            return chain.replaceWith(out);
        });
    }

    @GET
    @Path("/protests/{id}")
    @WithSession
    @RolesAllowed({"integrator", "staff", "tenant-admin"})
    @Operation(summary = "One protest")
    public Uni<ProtestView> get(@PathParam("id") UUID id) {
        return repository.protest(tenant.tenantId(), id).chain(p -> {
            if (p == null) {
                throw new ResourceNotFoundException("no protest " + id);
            }
            return view(p);
        });
    }

    private Uni<ProtestView> view(ProtestEntity p) {
        return repository.history(p.id).map(h -> new ProtestView(p.id, p.payerId, p.caseId, p.state, p.reason, p.amount,
                p.oldestDueDate, Arrays.asList(p.installmentIds.split(",")), p.notaryOffice, p.protocol,
                p.notifiedOn, p.paymentDeadline, p.protestedOn, p.protestedAt,
                p.consentLetter, p.consentIssuedAt, p.cancelledAt,
                h.stream().map(x -> new Change(x.state, x.previousState, x.reason, x.commandKey, x.occurredAt)).toList()));
    }
}
