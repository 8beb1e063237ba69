package dev.regua.contract.credit;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.Instant;
import java.util.List;

/**
 * A credit analysis reached a decision (APPROVED, APPROVED_WITH_LOWER_LIMIT, DENIED or MANUAL_REVIEW) with its
 * reasons; the payer may be unknown to billing yet, so {@code payerId} may be null and the record is then keyed by
 * the tax id.
 */
public record CreditAnalysisCompleted(String eventId, String tenantId, String payerId, String analysisId,
                                      String taxId, MoneyAmount requestedAmount, int requestedInstallments,
                                      String decision, MoneyAmount approvedLimit, List<String> reasons,
                                      Instant decidedAt) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId != null ? payerId : taxId);
    }

    @Override
    public String subject() {
        return "analysis/" + analysisId;
    }
}
