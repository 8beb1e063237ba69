package dev.regua.billing.receivable.persistence;

import dev.regua.billing.receivable.domain.Contract;
import dev.regua.billing.receivable.domain.Installment;
import dev.regua.billing.receivable.domain.InstallmentPlan;
import dev.regua.billing.receivable.domain.InstallmentStatus;
import dev.regua.billing.tenant.domain.PunctualityDiscountRule;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.charges.PunctualityDiscount;
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

    /** A new contract and its first installments. */
    public Uni<Void> addContract(Contract contract, List<Installment> installments, Instant now,
                                 java.util.function.Consumer<ContractEntity> extra) {
        ContractEntity c = new ContractEntity();
        c.id = contract.id();
        c.tenantId = contract.tenantId();
        c.payerId = contract.payerId();
        c.kind = contract.kind().name();
        c.description = contract.description();
        c.totalAmount = contract.total().amount();
        c.currency = contract.total().currency();
        c.installmentCount = contract.installmentCount();
        c.createdAt = now;
        copy(contract, c);
        extra.accept(c);
        return Panache.getSession().chain(s -> s.persist(c)).chain(() -> addInstallments(installments, now));
    }

    public Uni<Void> addPlan(Contract contract, InstallmentPlan plan, Instant now) {
        return addContract(contract, plan.installments(), now,
                c -> c.downPayment = plan.downPayment() == null ? null : plan.downPayment().amount());
    }

    /** A new monthly fee and its first generated installments. */
    public Uni<Void> addMonthlyFee(Contract contract, dev.regua.billing.receivable.domain.MonthlyFee fee,
                                   List<Installment> installments, java.time.YearMonth generatedThrough, Instant now) {
        return addContract(contract, installments, now, c -> {
            c.dueDay = fee.dueDay();
            c.startMonth = fee.start().atDay(1);
            c.endMonth = fee.end() == null ? null : fee.end().atDay(1);
            c.generatedThrough = generatedThrough == null ? null : generatedThrough.atDay(1);
        });
    }

    public Uni<ContractEntity> findContractEntity(String tenantId, UUID id, boolean lock) {
        var q = "from ContractEntity where tenantId = ?1 and id = ?2";
        return Panache.getSession().chain(s -> {
            var query = s.createQuery(q, ContractEntity.class).setParameter(1, tenantId).setParameter(2, id);
            if (lock) {
                query.setLockMode(LockMode.PESSIMISTIC_WRITE);
            }
            return query.getSingleResultOrNull();
        });
    }

    /** Writes the contract's lifecycle fields back to its (managed) entity. */
    public static void copy(Contract contract, ContractEntity c) {
        c.finePercent = contract.terms().finePercent();
        c.monthlyInterestPercent = contract.terms().monthlyInterestPercent();
        c.graceDays = contract.terms().graceDays();
        c.punctualityDiscountPercent = contract.punctualityDiscount() == null ? null : contract.punctualityDiscount().percent();
        c.punctualityDiscountDays = contract.punctualityDiscount() == null ? null : contract.punctualityDiscount().daysBeforeDueDate();
        c.segment = contract.agreement().segment();
        c.signedOn = contract.agreement().signedOn();
        c.evidenceRef = contract.agreement().evidenceRef();
        c.status = contract.status().name();
        c.activatedOn = contract.activatedOn();
        c.statusChangedOn = contract.statusChangedOn();
        c.statusReason = contract.statusReason();
    }

    public static Contract toDomain(ContractEntity c) {
        return new Contract(c.id, c.tenantId, c.payerId, Contract.Kind.valueOf(c.kind), c.description,
                Money.of(c.totalAmount), c.installmentCount,
                ChargeTerms.of(c.finePercent, c.monthlyInterestPercent).withGraceDays(c.graceDays), discountRule(c),
                new Contract.Agreement(c.segment, c.signedOn, c.evidenceRef), Contract.Status.valueOf(c.status),
                c.activatedOn, c.statusChangedOn, c.statusReason);
    }

    /** The contract's punctuality discount rule, or null. */
    public static PunctualityDiscountRule discountRule(ContractEntity c) {
        return c.punctualityDiscountPercent == null ? null
                : new PunctualityDiscountRule(c.punctualityDiscountPercent, c.punctualityDiscountDays);
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

    /** The contract's installments by number, locked for update. */
    public Uni<List<Installment>> lockInstallmentsOfContract(String tenantId, UUID contractId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from InstallmentEntity where tenantId = ?1 and contractId = ?2 order by number", InstallmentEntity.class)
                .setParameter(1, tenantId).setParameter(2, contractId)
                .setLockMode(LockMode.PESSIMISTIC_WRITE).getResultList())
                .map(list -> list.stream().map(ReceivableRepository::toDomain).toList());
    }

    /** The payer's installments still collected (open, due, overdue, partially paid), oldest due date first, locked. */
    public Uni<List<Installment>> lockOpenInstallmentsOfPayer(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from InstallmentEntity where tenantId = ?1 and payerId = ?2 "
                                + "and status in ('OPEN', 'DUE', 'OVERDUE', 'PARTIALLY_PAID') order by dueDate, number, id",
                        InstallmentEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId)
                .setLockMode(LockMode.PESSIMISTIC_WRITE).getResultList())
                .map(list -> list.stream().map(ReceivableRepository::toDomain).toList());
    }

    /**
     * Locks the payer's row: every change to a payer's money (payments, credit, reversals, agreements) takes it
     * first, so they serialise per payer. Answers false when the payer is not the tenant's.
     */
    public Uni<Boolean> lockPayer(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select cast(id as varchar) from payer where tenant_id = ?1 and id = ?2 for update", String.class)
                .setParameter(1, tenantId).setParameter(2, payerId).getResultList())
                .map(rows -> !rows.isEmpty());
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
                        "from PaymentEntity p where p.tenantId = ?1 and p.payerId = ?2 order by p.paidOn, p.createdAt", PaymentEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId).getResultList());
    }

    /** Stores the payment at once (its allocations reference it). */
    public Uni<Void> addPayment(PaymentEntity payment) {
        return Panache.getSession().chain(s -> s.persist(payment).chain(s::flush));
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
        var discount = i.terms().punctualityDiscount().map(d -> (PunctualityDiscount.Percent) d);
        e.punctualityDiscountPercent = discount.map(PunctualityDiscount.Percent::percent).orElse(null);
        e.punctualityDiscountUntil = discount.map(PunctualityDiscount.Percent::validUntil).orElse(null);
        e.status = i.status().name();
        e.paidAmount = i.paidAmount().amount();
        e.paidOn = i.paidOn();
        e.updatedAt = now;
    }

    static Installment toDomain(InstallmentEntity e) {
        ChargeTerms terms = ChargeTerms.of(e.finePercent, e.monthlyInterestPercent).withGraceDays(e.graceDays);
        if (e.punctualityDiscountPercent != null) {
            terms = terms.withPunctualityDiscount(PunctualityDiscount.percent(e.punctualityDiscountPercent, e.punctualityDiscountUntil));
        }
        return new Installment(e.id, e.tenantId, e.contractId, e.payerId, e.number, e.count, Money.of(e.nominal),
                e.originalDueDate, e.dueDate, terms, InstallmentStatus.valueOf(e.status), Money.of(e.paidAmount),
                e.paidOn);
    }
}
