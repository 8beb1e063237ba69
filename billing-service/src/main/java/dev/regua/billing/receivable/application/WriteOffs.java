package dev.regua.billing.receivable.application;

import dev.regua.billing.receivable.domain.Installment;
import dev.regua.billing.receivable.domain.InstallmentStatus;
import dev.regua.billing.receivable.persistence.ReceivableRepository;
import dev.regua.billing.tenant.persistence.TenantRepository;
import dev.regua.contract.dunning.WriteOffRequested;
import dev.regua.support.outbox.OutboxWriter;
import dev.regua.support.problem.ResourceNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Writing installments off as a loss (baixa por perda): by staff, or when dunning's régua asks for it. Only an
 * OVERDUE installment is written off, once; the event installment.written-off tells the other contexts.
 */
@ApplicationScoped
public class WriteOffs {
    private static final Logger LOG = Logger.getLogger(WriteOffs.class);
    private final ReceivableService service;
    private final TenantRepository tenants;
    private final ReceivableRepository receivables;
    private final OutboxWriter outbox;
    private final Clock clock;

    public WriteOffs(ReceivableService service, TenantRepository tenants, ReceivableRepository receivables,
                     OutboxWriter outbox, Clock clock) {
        this.service = service;
        this.tenants = tenants;
        this.receivables = receivables;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Staff write an overdue installment off; 422 {@code write-off-requires-overdue} otherwise. */
    public Uni<Installment> writeOff(String tenantId, UUID installmentId, String reason) {
        return service.settings(tenantId).chain(settings -> receivables.findInstallment(tenantId, installmentId).chain(found -> {
            if (found == null) {
                throw new ResourceNotFoundException("installment " + installmentId + " not found");
            }
            LocalDate today = service.today(settings);
            return receivables.lockPayer(tenantId, found.payerId())
                    .chain(() -> receivables.lockInstallment(tenantId, installmentId))
                    .chain(i -> {
                        var event = i.writeOff(reason, today);
                        return receivables.update(i, clock.instant()).chain(() -> outbox.append(event)).replaceWith(i);
                    });
        }));
    }

    /**
     * Carries out dunning's request: each listed installment of the tenant and payer that is OVERDUE is written off;
     * one already written off, paid meanwhile, unknown or of another payer is left alone (and logged), so a
     * repeated request writes nothing twice. Answers how many were written off.
     */
    public Uni<Integer> execute(WriteOffRequested request) {
        return tenants.settingsOf(request.tenantId()).chain(settings -> {
            if (settings == null) {
                LOG.warnf("write-off request %s names tenant %s, which billing does not know; ignored", request.eventId(), request.tenantId());
                return Uni.createFrom().item(0);
            }
            LocalDate today = service.today(settings);
            String reason = request.reason() == null || request.reason().isBlank() ? "dunning write-off" : request.reason();
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (String raw : request.installmentIds() == null ? java.util.List.<String>of() : request.installmentIds()) {
                chain = chain.chain(count -> one(request, raw, reason, today).map(done -> done ? count + 1 : count));
            }
            return chain;
        });
    }

    private Uni<Boolean> one(WriteOffRequested request, String raw, String reason, LocalDate today) {
        UUID id;
        UUID payerId;
        try {
            id = UUID.fromString(raw);
            payerId = UUID.fromString(request.payerId());
        } catch (RuntimeException e) {
            LOG.warnf("write-off request %s: '%s' is not an installment id; skipped", request.eventId(), raw);
            return Uni.createFrom().item(false);
        }
        return receivables.lockPayer(request.tenantId(), payerId)
                .chain(() -> receivables.lockInstallment(request.tenantId(), id))
                .chain(i -> {
                    if (i == null || !i.payerId().equals(payerId)) {
                        LOG.warnf("write-off request %s: installment %s of payer %s not found; skipped", request.eventId(), raw, payerId);
                        return Uni.createFrom().item(false);
                    }
                    if (i.status() != InstallmentStatus.OVERDUE) {
                        LOG.infof("write-off request %s: installment %s is %s; not written off", request.eventId(), raw, i.status());
                        return Uni.createFrom().item(false);
                    }
                    var event = i.writeOff(reason, today);
                    return receivables.update(i, clock.instant()).chain(() -> outbox.append(event)).replaceWith(true);
                });
    }
}
