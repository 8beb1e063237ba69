package dev.regua.credit.negativation.api;

import dev.regua.credit.negativation.domain.NegativationRules;
import dev.regua.credit.negativation.persistence.NegativationDebtEntity;
import dev.regua.credit.negativation.persistence.NegativationEntity;
import dev.regua.credit.negativation.persistence.NegativationHistoryEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A negativação with its debts and everything that happened to it. */
public record NegativationView(UUID id, UUID payerId, String caseId, String bureau, String state, String reason,
                               String debtorName, String debtorTaxId, String debtorState, BigDecimal amount,
                               LocalDate oldestDueDate, LocalDate lastDayOnRecord, Notice notice,
                               String registrationProtocol, Instant registeredAt, String removalReason,
                               Instant removalRequestedAt, LocalDate removalDeadline, Instant removedAt,
                               List<Debt> debts, List<Change> history) {

    /** The prior notice: the bureau's protocol, the letter's tracking code, when it went out. */
    public record Notice(String protocol, String trackingCode, Instant sentAt, LocalDate sentOn,
                         LocalDate registrationAllowedFrom) {
    }

    public record Debt(UUID installmentId, String contractId, LocalDate originalDueDate, BigDecimal amount) {
    }

    public record Change(String state, String previousState, String reason, String commandKey, Instant at) {
    }

    static NegativationView of(NegativationEntity n, List<NegativationDebtEntity> debts, List<NegativationHistoryEntity> history,
                               NegativationRules.Policy policy) {
        Notice notice = n.noticeProtocol == null ? null : new Notice(n.noticeProtocol, n.noticeTrackingCode, n.noticeSentAt,
                n.noticeSentOn, n.noticeSentOn == null ? null : NegativationRules.registrationAllowedFrom(n.noticeSentOn, n.debtorState, policy));
        return new NegativationView(n.id, n.payerId, n.caseId, n.bureau, n.state, n.reason, n.debtorName, n.debtorTaxId,
                n.debtorState, n.amount, n.oldestDueDate, NegativationRules.lastDayOnRecord(n.oldestDueDate), notice,
                n.registrationProtocol, n.registeredAt, n.removalReason, n.removalRequestedAt, n.removalDeadline, n.removedAt,
                debts.stream().map(d -> new Debt(d.installmentId, d.contractId, d.originalDueDate, d.amount)).toList(),
                history.stream().map(h -> new Change(h.state, h.previousState, h.reason, h.commandKey, h.occurredAt)).toList());
    }
}
