package dev.regua.dunning.regua.api;

import dev.regua.dunning.regua.application.StaffTasks;
import dev.regua.dunning.regua.persistence.StaffTaskEntity;
import dev.regua.support.problem.InvalidInputException;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff tasks of a case: calls and visits planned by hand (besides those steps create), listed, completed with an outcome. */
@Path("/api/dunning/cases/{id}/tasks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"staff", "tenant-admin", "integrator"})
@Tag(name = "cases")
public class TaskResource {
    private static final Set<String> KINDS = Set.of("CALL", "VISIT");
    private final TenantContext tenant;
    private final StaffTasks tasks;

    public TaskResource(TenantContext tenant, StaffTasks tasks) {
        this.tenant = tenant;
        this.tasks = tasks;
    }

    public record NewTask(@NotBlank String kind, @NotNull LocalDate dueOn, @Size(max = 200) String collector,
                          @Size(max = 500) String note) {
    }

    public record TaskView(UUID id, UUID caseId, UUID payerId, String kind, String stepCode, boolean manual, LocalDate dueOn,
                           String assignedTo, String status, String outcome, String note, String createdBy, Instant createdAt,
                           Instant doneAt) {
        static TaskView of(StaffTaskEntity t) {
            return new TaskView(t.id, t.caseId, t.payerId, t.kind, t.stepCode, t.manual(), t.dueOn, t.assignedTo, t.status,
                    t.outcome, t.note, t.createdBy, t.createdAt, t.doneAt);
        }
    }

    @POST
    @WithTransaction
    @Operation(summary = "Plan a call or visit on the case for a collector (default: the case's) and a day; it appears on the agenda")
    public Uni<Response> create(@PathParam("id") UUID caseId, @NotNull @Valid NewTask task) {
        if (!KINDS.contains(task.kind())) {
            throw new InvalidInputException("kind", "one of " + KINDS);
        }
        return tasks.create(tenant.tenantId(), caseId, task.kind(), task.dueOn(), task.collector(), task.note(), tenant.actor())
                .map(t -> Response.status(Response.Status.CREATED).entity(TaskView.of(t)).build());
    }

    @GET
    @WithSession
    @Operation(summary = "The case's tasks (from steps and by hand), open first")
    public Uni<List<TaskView>> list(@PathParam("id") UUID caseId) {
        return tasks.ofCase(tenant.tenantId(), caseId).map(l -> l.stream().map(TaskView::of).toList());
    }

    @POST
    @Path("/{taskId}/outcome")
    @WithTransaction
    @Operation(summary = "Complete the task with the call's or visit's outcome; PROMISED_TO_PAY records the promise (date, amount)")
    public Uni<Response> complete(@PathParam("id") UUID caseId, @PathParam("taskId") UUID taskId,
                                  @NotNull @Valid CaseResource.CallOutcome outcome) {
        if (outcome.taskId() != null && !outcome.taskId().equals(taskId)) {
            throw new InvalidInputException("taskId", "leave it out or name the task of the path");
        }
        return CaseResource.outcome(tasks, tenant, caseId, taskId, outcome);
    }
}
