package dev.regua.dunning.regua.application;

import dev.regua.contract.notification.MessageFailed;
import dev.regua.contract.notification.MessageSent;
import dev.regua.contract.notification.MessageStatusChanged;
import dev.regua.dunning.regua.persistence.CaseRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Puts notification's delivery statuses on the timeline of the case whose message they are about. */
@ApplicationScoped
public class Timeline {
    private final CaseRepository cases;

    public Timeline(CaseRepository cases) {
        this.cases = cases;
    }

    public Uni<Void> message(Object event) {
        return switch (event) {
            case MessageSent e -> status(e.tenantId(), e.idempotencyKey(), "SENT", "sent by " + e.channel(), e.sentAt());
            case MessageFailed e -> status(e.tenantId(), e.idempotencyKey(), "FAILED", "failed: " + e.reason(), e.failedAt());
            case MessageStatusChanged e -> status(e.tenantId(), e.idempotencyKey(), e.status(), e.status().toLowerCase() + " on "
                    + e.channel() + (e.detail() == null ? "" : " (" + e.detail() + ")"), e.occurredAt());
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> status(String tenantId, String key, String status, String detail, Instant at) {
        if (key == null) {
            return Uni.createFrom().voidItem();
        }
        return cases.updateMessage(tenantId, key, status, at).chain(ref -> {
            if (ref == null || ref.caseId() == null) {
                return Uni.createFrom().voidItem();
            }
            UUID caseId = ref.caseId();
            return cases.addTimeline(tenantId, caseId, ref.payerId(), at, "MESSAGE_STATUS", ref.stepCode() + ": " + detail, key,
                    "notification", "message:" + key + ":" + status);
        });
    }
}
