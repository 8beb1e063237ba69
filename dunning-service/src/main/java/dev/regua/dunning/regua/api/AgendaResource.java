package dev.regua.dunning.regua.api;

import dev.regua.dunning.regua.persistence.CaseRepository;
import dev.regua.dunning.regua.persistence.DunningRepository;
import dev.regua.support.problem.ResourceNotFoundException;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The staff agenda for a day (the seeds' "calendar of occurrences"): promises due that day, installments that
 * became overdue that day, and everyone who owes something overdue, largest and oldest first.
 */
@Path("/api/dunning/agenda")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"staff", "tenant-admin", "integrator"})
@Tag(name = "agenda")
public class AgendaResource {
    private final TenantContext tenant;
    private final DunningRepository repository;
    private final CaseRepository cases;
    private final Clock clock;

    public AgendaResource(TenantContext tenant, DunningRepository repository, CaseRepository cases, Clock clock) {
        this.tenant = tenant;
        this.repository = repository;
        this.cases = cases;
        this.clock = clock;
    }

    /** An open staff task: a call or a visit a step asked for, or one staff planned by hand ({@code manual}, with its note). */
    public record Task(UUID id, UUID caseId, UUID payerId, String kind, String stepCode, boolean manual, String note, LocalDate dueOn,
                       String assignedTo) {
    }

    public record Agenda(LocalDate date, String collector, List<Task> tasks, List<DunningRepository.PromiseDue> promisesDue,
                         List<DunningRepository.NewlyOverdue> newlyOverdue, List<DunningRepository.OverduePayer> overdue) {
    }

    @GET
    @WithSession
    @Operation(summary = "The day's agenda: promises due, installments newly overdue, payers with overdue debt by amount and age")
    public Uni<Agenda> agenda(@QueryParam("date") LocalDate date, @QueryParam("collector") String collector) {
        String tenantId = tenant.tenantId();
        return repository.tenant(tenantId).chain(profile -> {
            if (profile == null) {
                throw new ResourceNotFoundException("no billing facts for this tenant yet");
            }
            LocalDate day = date != null ? date : LocalDate.now(clock.withZone(ZoneId.of(profile.timeZone)));
            return cases.openTasks(tenantId, day, collector).chain(tasks -> cases.list(tenantId, null, collector, null, 1000)
                    .chain(mine -> repository.promisesDueOn(tenantId, day).chain(promises -> repository.newlyOverdueOn(tenantId, day)
                    .chain(fresh -> repository.overduePayers(tenantId, day, 100).map(overdue -> {
                        // a collector's view keeps only the payers of the cases assigned to them
                        java.util.Set<UUID> theirs = mine.stream().map(c -> c.payerId).collect(java.util.stream.Collectors.toSet());
                        java.util.function.Predicate<UUID> keep = p -> collector == null || theirs.contains(p);
                        return new Agenda(day, collector,
                                tasks.stream().map(t -> new Task(t.id, t.caseId, t.payerId, t.kind, t.stepCode, t.manual(), t.note, t.dueOn, t.assignedTo)).toList(),
                                promises.stream().filter(x -> keep.test(x.payerId())).toList(),
                                fresh.stream().filter(x -> keep.test(x.payerId())).toList(),
                                overdue.stream().filter(x -> keep.test(x.payerId())).toList());
                    })))));
        });
    }
}
