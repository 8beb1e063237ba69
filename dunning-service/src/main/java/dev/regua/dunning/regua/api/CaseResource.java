package dev.regua.dunning.regua.api;

import dev.regua.dunning.regua.application.CaseMath;
import dev.regua.dunning.regua.application.Calendars;
import dev.regua.dunning.regua.application.Cases;
import dev.regua.dunning.regua.application.StaffTasks;
import dev.regua.dunning.regua.persistence.CaseEntity;
import dev.regua.dunning.regua.persistence.CaseRepository;
import dev.regua.dunning.regua.persistence.DunningRepository;
import dev.regua.dunning.regua.persistence.InstallmentFactEntity;
import dev.regua.support.problem.InvalidInputException;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Collection cases: list and filter, detail with the amount overdue today, timeline, notes, calls, assignment, pause. */
@Path("/api/dunning/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"staff", "tenant-admin", "integrator"})
@Tag(name = "cases")
public class CaseResource {
    private static final Set<String> STATES = Set.of("OPEN", "PAUSED", "CLOSED");
    private static final Set<String> OUTCOMES = Set.of("ANSWERED", "NO_ANSWER", "WRONG_NUMBER", "PROMISED_TO_PAY", "REFUSED",
            "CALL_BACK", "VISITED", "NOT_FOUND");
    private final TenantContext tenant;
    private final Cases cases;
    private final CaseRepository repository;
    private final DunningRepository dunning;
    private final StaffTasks tasks;
    private final Clock clock;

    public CaseResource(TenantContext tenant, Cases cases, StaffTasks tasks, CaseRepository repository, DunningRepository dunning,
                        Clock clock) {
        this.tenant = tenant;
        this.cases = cases;
        this.tasks = tasks;
        this.repository = repository;
        this.dunning = dunning;
        this.clock = clock;
    }

    public record InstallmentLine(UUID installmentId, int number, int count, LocalDate dueDate, String status,
                                  BigDecimal amountDueToday, boolean inAgreement) {
    }

    public record CaseView(UUID id, UUID payerId, String payerName, String state, String policyCode, int policyVersion,
                           String currentStep, BigDecimal amountOverdue, LocalDate oldestDueDate, int overdueInstallments,
                           String collector, String pauseReason, Instant openedAt, Instant closedAt, String closeReason,
                           String bureauState, String protestState, String restriction, List<InstallmentLine> installments) {
    }

    public record Note(@NotBlank @Size(max = 900) String text) {
    }

    /** A call's or visit's outcome; PROMISED_TO_PAY needs the promise's date and amount. */
    public record CallOutcome(@NotBlank String outcome, @Size(max = 800) String note, UUID taskId, LocalDate promisedDate,
                              @DecimalMin(value = "0.01", message = "must be greater than zero") @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimal places") BigDecimal amount) {
    }

    public record Assign(@NotBlank @Size(max = 200) String collector) {
    }

    public record Pause(@NotBlank @Size(max = 250) String reason) {
    }

    private Uni<CaseView> view(CaseEntity c, boolean withInstallments) {
        return dunning.tenant(c.tenantId).chain(t -> dunning.payer(c.tenantId, c.payerId)
                .chain(p -> repository.installmentsOfPayer(c.tenantId, c.payerId)
                        .chain(all -> repository.agreementsOfPayer(c.tenantId, c.payerId).map(agreements -> {
                            LocalDate today = LocalDate.now(clock.withZone(Cases.zone(t)));
                            List<InstallmentLine> lines = new ArrayList<>();
                            int overdue = 0;
                            for (InstallmentFactEntity i : all) {
                                boolean collectible = CaseMath.collectible(i, agreements);
                                overdue += collectible ? 1 : 0;
                                if (withInstallments && !"PAID".equals(i.status) && !"CANCELLED".equals(i.status)) {
                                    lines.add(new InstallmentLine(i.installmentId, i.number, i.count, i.dueDate, i.status,
                                            CaseMath.due(i, today, Calendars.of(t)).total().amount(), i.agreementId != null && CaseMath.renegotiated(i, agreements)));
                                }
                            }
                            boolean closed = "CLOSED".equals(c.state);
                            return new CaseView(c.id, c.payerId, p == null ? null : p.name, c.state, c.policyCode, c.policyVersion,
                                    c.currentStep, closed ? BigDecimal.ZERO.setScale(2) : CaseMath.overdueAmount(all, agreements, today, Calendars.of(t)),
                                    CaseMath.oldestOverdue(all, agreements), closed ? 0 : overdue, c.collector, c.pauseReason,
                                    c.openedAt, c.closedAt, c.closeReason, c.bureauState, c.protestState, c.restrictionKind,
                                    withInstallments ? lines : null);
                        }))));
    }

    @GET
    @WithSession
    @Operation(summary = "Cases, newest first, filtered by state, collector or payer")
    public Uni<List<CaseView>> list(@QueryParam("state") String state, @QueryParam("collector") String collector,
                                    @QueryParam("payerId") UUID payerId) {
        if (state != null && !STATES.contains(state)) {
            throw new InvalidInputException("state", "one of " + STATES);
        }
        return repository.list(tenant.tenantId(), state, collector, payerId, 200).chain(list -> {
            List<CaseView> out = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (CaseEntity c : list) {
                chain = chain.chain(() -> view(c, false).invoke(out::add).replaceWithVoid());
            }
            return chain.replaceWith(out);
        });
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "A case: state, current step, amount overdue today (shared calculator), collector, its installments")
    public Uni<CaseView> get(@PathParam("id") UUID id) {
        return cases.get(tenant.tenantId(), id).chain(c -> view(c, true));
    }

    @GET
    @Path("/{id}/timeline")
    @WithSession
    @Operation(summary = "Everything that happened in the case, in business time")
    public Uni<List<CaseRepository.TimelineEntry>> timeline(@PathParam("id") UUID id) {
        return cases.get(tenant.tenantId(), id).chain(c -> repository.timeline(tenant.tenantId(), id));
    }

    @POST
    @Path("/{id}/notes")
    @WithTransaction
    @Operation(summary = "A staff note on the case")
    public Uni<Response> note(@PathParam("id") UUID id, @NotNull @Valid Note note) {
        return cases.note(tenant.tenantId(), id, note.text(), tenant.actor()).map(v -> Response.status(201).build());
    }

    @POST
    @Path("/{id}/call-outcomes")
    @WithTransaction
    @Operation(summary = "The outcome of a call or visit; closes the task it answers; PROMISED_TO_PAY records the promise")
    public Uni<Response> call(@PathParam("id") UUID id, @NotNull @Valid CallOutcome call) {
        return outcome(tasks, tenant, id, call.taskId(), call);
    }

    /** Checks and records an outcome; shared with the task endpoint. */
    static Uni<Response> outcome(StaffTasks tasks, TenantContext tenant, UUID caseId, UUID taskId, CallOutcome call) {
        if (!OUTCOMES.contains(call.outcome())) {
            throw new InvalidInputException("outcome", "one of " + OUTCOMES);
        }
        if (StaffTasks.PROMISED_TO_PAY.equals(call.outcome())) {
            if (call.promisedDate() == null) {
                throw new InvalidInputException("promisedDate", "required when the outcome is PROMISED_TO_PAY");
            }
            if (call.amount() == null) {
                throw new InvalidInputException("amount", "required when the outcome is PROMISED_TO_PAY");
            }
        } else if (call.promisedDate() != null || call.amount() != null) {
            throw new InvalidInputException(call.promisedDate() != null ? "promisedDate" : "amount",
                    "only with the outcome PROMISED_TO_PAY");
        }
        return tasks.outcome(tenant.tenantId(), caseId, taskId, call.outcome(), call.note(), call.promisedDate(), call.amount(),
                tenant.actor()).map(v -> Response.status(201).build());
    }

    @PUT
    @Path("/{id}/collector")
    @WithTransaction
    @Operation(summary = "Assign the case (and its open tasks) to a collector")
    public Uni<CaseView> assign(@PathParam("id") UUID id, @NotNull @Valid Assign assign) {
        return cases.assign(tenant.tenantId(), id, assign.collector(), tenant.actor()).chain(c -> view(c, true));
    }

    @POST
    @Path("/{id}/pause")
    @WithTransaction
    @Operation(summary = "Pause the case: its steps wait until it is resumed")
    public Uni<CaseView> pause(@PathParam("id") UUID id, @NotNull @Valid Pause pause) {
        return cases.pause(tenant.tenantId(), id, pause.reason(), tenant.actor()).chain(c -> view(c, true));
    }

    @POST
    @Path("/{id}/resume")
    @WithTransaction
    @Operation(summary = "Resume a case paused by staff")
    public Uni<CaseView> resume(@PathParam("id") UUID id) {
        return cases.resume(tenant.tenantId(), id, tenant.actor()).chain(c -> view(c, true));
    }
}
