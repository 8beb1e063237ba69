package dev.regua.billing.receivable.persistence;

import dev.regua.billing.receivable.domain.Installment;
import dev.regua.billing.receivable.domain.InstallmentPlan;
import dev.regua.billing.receivable.domain.InstallmentStatus;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.money.Money;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.LockMode;

/** Contracts, installments and payments. Every query is scoped to one tenant. */
@ApplicationScoped
public class ReceivableRepository {

    public Uni<Void> addPlan(InstallmentPlan plan, Instant now) {
        ContractEntity c = new ContractEntity();
        c.id = plan.contractId();
        c.tenantId = plan.tenantId();
        c.payerId = plan.payerId();
        c.kind = "INSTALLMENT_PLAN";
        c.description = plan.description();
        c.totalAmount = plan.total().amount();
        c.currency = plan.total().currency();
        c.installmentCount = plan.installments().size();
        c.finePercent = plan.terms().finePercent();
        c.monthlyInterestPercent = plan.terms().monthlyInterestPercent();
        c.graceDays = plan.terms().graceDays();
        c.status = "ACTIVE";
        c.createdAt = now;
        return Panache.getSession().chain(s -> s.persist(c)
                .chain(() -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Installment i : plan.installments()) {
                        InstallmentEntity e = new InstallmentEntity();
                        e.id = i.id();
                        copy(i, e, now);
                        chain = chain.chain(() -> s.persist(e));
                    }
                    return chain;
                }));
    }

    /** A new monthly fee and its first generated installments. */
    public Uni<Void> addMonthlyFee(dev.regua.billing.receivable.domain.MonthlyFee fee, String description,
                                   List<Installment> installments, java.time.YearMonth generatedThrough, Instant now) {
        ContractEntity c = new ContractEntity();
        c.id = fee.contractId();
        c.tenantId = fee.tenantId();
        c.payerId = fee.payerId();
        c.kind = "MONTHLY_FEE";
        c.description = description;
        c.totalAmount = fee.amount().amount();
        c.currency = fee.amount().currency();
        c.installmentCount = fee.count();
        c.finePercent = fee.terms().finePercent();
        c.monthlyInterestPercent = fee.terms().monthlyInterestPercent();
        c.graceDays = fee.terms().graceDays();
        c.status = "ACTIVE";
        c.createdAt = now;
        c.dueDay = fee.dueDay();
        c.startMonth = fee.start().atDay(1);
        c.endMonth = fee.end() == null ? null : fee.end().atDay(1);
        c.generatedThrough = generatedThrough == null ? null : generatedThrough.atDay(1);
        return Panache.getSession().chain(s -> s.persist(c)).chain(() -> addInstallments(installments, now));
    }

    public Uni<Void> addInstallments(List<Installment> installments, Instant now) {
        return Panache.getSession().chain(s -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Installment i : installments) {
                InstallmentEntity e = new InstallmentEntity();
                e.id = i.id();
                copy(i, e, now);
                chain = chain.chain(() -> s.persist(e));
            }
            return chain;
        });
    }

    /** Active monthly fees of a tenant generated through less than {@code horizon}, locked, in id order. */
    public Uni<List<ContractEntity>> monthlyFeesBehind(String tenantId, java.time.YearMonth horizon, UUID afterId, int limit) {
        String sql = "select * from contract where tenant_id = ?1 and kind = 'MONTHLY_FEE' and status = 'ACTIVE' "
                + "and (generated_through is null or generated_through < ?2) "
                + "and (end_month is null or generated_through is null or generated_through < end_month) "
                + "and id > ?3 order by id limit ?4 for update skip locked";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, ContractEntity.class)
                .setParameter(1, tenantId).setParameter(2, horizon.atDay(1)).setParameter(3, afterId)
                .setParameter(4, limit).getResultList());
    }

    public Uni<Installment> findInstallment(String tenantId, UUID id) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from InstallmentEntity where tenantId = ?1 and id = ?2", InstallmentEntity.class)
                .setParameter(1, tenantId).setParameter(2, id).getSingleResultOrNull())
                .map(e -> e == null ? null : toDomain(e));
    }

    /** Loads and locks the row for update, so concurrent payments serialise. */
    public Uni<Installment> lockInstallment(String tenantId, UUID id) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from InstallmentEntity where tenantId = ?1 and id = ?2", InstallmentEntity.class)
                .setParameter(1, tenantId).setParameter(2, id)
                .setLockMode(LockMode.PESSIMISTIC_WRITE).getSingleResultOrNull())
                .map(e -> e == null ? null : toDomain(e));
    }

    public Uni<List<Installment>> installmentsOfContract(String tenantId, UUID contractId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from InstallmentEntity where tenantId = ?1 and contractId = ?2 order by number", InstallmentEntity.class)
                .setParameter(1, tenantId).setParameter(2, contractId).getResultList())
                .map(list -> list.stream().map(ReceivableRepository::toDomain).toList());
    }

    public Uni<List<Installment>> installmentsOfPayer(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from InstallmentEntity where tenantId = ?1 and payerId = ?2 order by dueDate, number", InstallmentEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId).getResultList())
                .map(list -> list.stream().map(ReceivableRepository::toDomain).toList());
    }

    /** A page of a contract's installments by number, strictly after {@code afterNumber} when given. */
    public Uni<List<Installment>> installmentsOfContract(String tenantId, UUID contractId, Integer afterNumber, int limit) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from InstallmentEntity where tenantId = ?1 and contractId = ?2 and number > ?3 order by number, id",
                        InstallmentEntity.class)
                .setParameter(1, tenantId).setParameter(2, contractId).setParameter(3, afterNumber == null ? Integer.MIN_VALUE : afterNumber)
                .setMaxResults(limit).getResultList())
                .map(list -> list.stream().map(ReceivableRepository::toDomain).toList());
    }

    /**
     * A page of a payer's installments by (due date, number, id), strictly after that keyset when {@code afterDueDate}
     * is given.
     */
    public Uni<List<Installment>> installmentsOfPayer(String tenantId, UUID payerId, LocalDate afterDueDate, int afterNumber,
                                                      UUID afterId, int limit) {
        String where = afterDueDate == null ? "" : " and (dueDate > ?3 or (dueDate = ?3 and (number > ?4 or (number = ?4 and id > ?5))))";
        return Panache.getSession().chain(s -> {
                    var q = s.createQuery("from InstallmentEntity where tenantId = ?1 and payerId = ?2" + where
                                    + " order by dueDate, number, id", InstallmentEntity.class)
                            .setParameter(1, tenantId).setParameter(2, payerId);
                    if (afterDueDate != null) {
                        q.setParameter(3, afterDueDate).setParameter(4, afterNumber).setParameter(5, afterId);
                    }
                    return q.setMaxResults(limit).getResultList();
                })
                .map(list -> list.stream().map(ReceivableRepository::toDomain).toList());
    }

    /**
     * The next batch of unsettled installments that may need a transition on {@code asOf}, in due-date order,
     * after the keyset ({@code afterDueDate}, {@code afterId}); rows are locked and skipped if another sweeper
     * holds them.
     */
    public Uni<List<Installment>> sweepBatch(String tenantId, LocalDate horizon, LocalDate afterDueDate, UUID afterId,
                                             int limit) {
        String sql = "select * from installment where tenant_id = ?1 and status in ('OPEN', 'DUE', 'PARTIALLY_PAID') "
                + "and due_date <= ?2 and (due_date, id) > (?3, ?4) order by due_date, id limit ?5 for update skip locked";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, InstallmentEntity.class)
                        .setParameter(1, tenantId).setParameter(2, horizon)
                        .setParameter(3, afterDueDate).setParameter(4, afterId).setParameter(5, limit)
                        .getResultList())
                .map(list -> list.stream().map(ReceivableRepository::toDomain).toList());
    }

    public Uni<Void> update(Installment i, Instant now) {
        return Panache.getSession().chain(s -> s.find(InstallmentEntity.class, i.id()).invoke(e -> copy(i, e, now)))
                .replaceWithVoid();
    }

    public Uni<PaymentEntity> paymentByExternalId(String tenantId, String method, String externalId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from PaymentEntity where tenantId = ?1 and method = ?2 and externalId = ?3", PaymentEntity.class)
                .setParameter(1, tenantId).setParameter(2, method).setParameter(3, externalId).getSingleResultOrNull());
    }

    public Uni<List<PaymentEntity>> paymentsOfPayer(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "select p from PaymentEntity p, InstallmentEntity i where p.installmentId = i.id and p.tenantId = ?1 "
                                + "and i.tenantId = ?1 and i.payerId = ?2 order by p.paidOn, p.createdAt", PaymentEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId).getResultList());
    }

    public Uni<Void> addPayment(PaymentEntity payment) {
        return Panache.getSession().chain(s -> s.persist(payment));
    }

    private static void copy(Installment i, InstallmentEntity e, Instant now) {
        e.tenantId = i.tenantId();
        e.contractId = i.contractId();
        e.payerId = i.payerId();
        e.number = i.number();
        e.count = i.count();
        e.nominal = i.nominal().amount();
        e.currency = i.nominal().currency();
        e.originalDueDate = i.originalDueDate();
        e.dueDate = i.dueDate();
        e.finePercent = i.terms().finePercent();
        e.monthlyInterestPercent = i.terms().monthlyInterestPercent();
        e.graceDays = i.terms().graceDays();
        e.status = i.status().name();
        e.paidAmount = i.paidAmount().amount();
        e.paidOn = i.paidOn();
        e.updatedAt = now;
    }

    static Installment toDomain(InstallmentEntity e) {
        ChargeTerms terms = ChargeTerms.of(e.finePercent, e.monthlyInterestPercent).withGraceDays(e.graceDays);
        return new Installment(e.id, e.tenantId, e.contractId, e.payerId, e.number, e.count, Money.of(e.nominal),
                e.originalDueDate, e.dueDate, terms, InstallmentStatus.valueOf(e.status), Money.of(e.paidAmount),
                e.paidOn);
    }
}
