package dev.regua.billing.imports.application;

import dev.regua.billing.imports.domain.ReceivablesCsv;
import dev.regua.billing.imports.persistence.ImportedContracts;
import dev.regua.billing.payer.domain.Consent;
import dev.regua.billing.payer.domain.Payer;
import dev.regua.billing.payer.persistence.PayerRepository;
import dev.regua.billing.receivable.domain.Contract;
import dev.regua.billing.receivable.domain.Installment;
import dev.regua.billing.receivable.domain.InstallmentPlan;
import dev.regua.billing.receivable.domain.InstallmentStatus;
import dev.regua.billing.receivable.persistence.ReceivableRepository;
import dev.regua.billing.tenant.application.TenantCalendars;
import dev.regua.billing.tenant.domain.TenantSettings;
import dev.regua.billing.tenant.persistence.TenantRepository;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.billing.tenant.domain.PunctualityDiscountRule;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.money.Money;
import dev.regua.support.outbox.OutboxWriter;
import dev.regua.support.problem.BusinessRuleException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Imports existing receivables from a spreadsheet (see {@link ReceivablesCsv}): payers, reused when the tax id is
 * already known, and their open installments, one contract per (payer, contract reference). All or nothing unless
 * the caller asks for the valid rows only. Imported payers, contracts and installments publish the usual events
 * (payer.registered, contract.activated, installment.created) through the outbox, in the caller's transaction.
 */
@ApplicationScoped
public class ReceivablesImport {
    private final TenantRepository tenants;
    private final PayerRepository payers;
    private final ReceivableRepository receivables;
    private final ImportedContracts imported;
    private final OutboxWriter outbox;
    private final Clock clock;

    public ReceivablesImport(TenantRepository tenants, PayerRepository payers, ReceivableRepository receivables,
                             ImportedContracts imported, OutboxWriter outbox, Clock clock) {
        this.tenants = tenants;
        this.payers = payers;
        this.receivables = receivables;
        this.imported = imported;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What an import did, or why it did nothing. */
    public record Report(boolean validOnly, boolean rejected, int lines, int payersCreated, int payersReused,
                         int contracts, int installments, List<ReceivablesCsv.RowError> errors) {
    }

    public Uni<Report> run(String tenantId, String csv, boolean validOnly) {
        ReceivablesCsv.Parsed parsed = ReceivablesCsv.parse(csv);
        return tenants.settingsOf(tenantId).chain(settings -> {
            if (settings == null) {
                throw new BusinessRuleException("tenant-settings-required",
                        "define the tenant's settings (PUT /api/billing/settings) before importing");
            }
            Set<String> taxIds = parsed.rows().stream().map(r -> r.taxId().formatted()).collect(Collectors.toSet());
            return payers.findByTaxIds(tenantId, taxIds).chain(known -> {
                Map<String, Payer> byTaxId = known.stream().collect(Collectors.toMap(p -> p.taxId().formatted(), Function.identity()));
                return imported.referencesOf(tenantId, byTaxId.values().stream().map(Payer::id).toList())
                        .chain(taken -> {
                            List<ReceivablesCsv.RowError> errors = new ArrayList<>(parsed.errors());
                            List<ReceivablesCsv.Row> rows = new ArrayList<>();
                            for (ReceivablesCsv.Row row : parsed.rows()) {
                                Payer existing = byTaxId.get(row.taxId().formatted());
                                if (row.hasInstallment() && existing != null
                                        && taken.contains(ImportedContracts.key(existing.id(), row.contractReference()))) {
                                    errors.add(new ReceivablesCsv.RowError(row.line(), "contract_reference", "contract "
                                            + row.contractReference() + " of this payer was already imported"));
                                } else {
                                    rows.add(row);
                                }
                            }
                            errors.sort(Comparator.comparingInt(ReceivablesCsv.RowError::line));
                            if (!validOnly && !errors.isEmpty()) {
                                return Uni.createFrom().item(new Report(false, true, parsed.dataLines(), 0, 0, 0, 0, errors));
                            }
                            return write(tenantId, settings, rows, byTaxId).map(counts -> new Report(validOnly, false,
                                    parsed.dataLines(), counts[0], counts[1], counts[2], counts[3], errors));
                        });
            });
        });
    }

    /** Writes payers and contracts; answers {payers created, payers reused, contracts, installments}. */
    private Uni<int[]> write(String tenantId, TenantSettings settings, List<ReceivablesCsv.Row> rows, Map<String, Payer> known) {
        Instant now = clock.instant();
        BankCalendar calendar = TenantCalendars.of(settings);
        ChargeTerms terms = ChargeTerms.of(settings.finePercent(), settings.monthlyInterestPercent()).withGraceDays(settings.graceDays());
        int[] counts = new int[4];
        Map<String, Payer> payerOf = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReceivablesCsv.Row row : rows) {
            String taxId = row.taxId().formatted();
            if (payerOf.containsKey(taxId)) {
                continue;
            }
            Payer existing = known.get(taxId);
            if (existing != null) {
                payerOf.put(taxId, existing);
                counts[1]++;
            } else {
                Payer payer = Payer.register(tenantId, row.taxId(), new Payer.Details(row.name(), row.email(), row.mobile(),
                        row.state(), null, null, null, List.of()), Consent.none());
                payerOf.put(taxId, payer);
                counts[0]++;
                chain = chain.chain(() -> payers.add(payer, now)).chain(() -> outbox.append(payer.registeredEvent()));
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(settings.timeZone()));
        Map<String, List<ReceivablesCsv.Row>> contracts = rows.stream().filter(ReceivablesCsv.Row::hasInstallment)
                .collect(Collectors.groupingBy(r -> r.taxId().formatted() + "\u001f" + r.contractReference(),
                        LinkedHashMap::new, Collectors.toList()));
        for (List<ReceivablesCsv.Row> group : contracts.values()) {
            ReceivablesCsv.Row first = group.get(0);
            Payer payer = payerOf.get(first.taxId().formatted());
            InstallmentPlan plan = plan(tenantId, payer.id(), first.contractReference(), group, terms,
                    settings.punctualityDiscount(), calendar);
            counts[2]++;
            counts[3] += plan.installments().size();
            Contract contract = Contract.activeFrom(plan.contractId(), tenantId, payer.id(), Contract.Kind.INSTALLMENT_PLAN,
                    plan.description(), plan.total(), plan.installments().get(0).count(), terms, settings.punctualityDiscount(), Contract.Agreement.NONE, today);
            chain = chain.chain(() -> receivables.addPlan(contract, plan, now))
                    .chain(() -> imported.add(tenantId, payer.id(), first.contractReference(), plan.contractId(), now))
                    .chain(() -> outbox.append(contract.activatedEvent()))
                    .chain(() -> outbox.appendAll(plan.installments().stream().map(Installment::createdEvent).toList()));
        }
        return chain.replaceWith(counts);
    }

    private static InstallmentPlan plan(String tenantId, UUID payerId, String reference, List<ReceivablesCsv.Row> group,
                                        ChargeTerms terms, PunctualityDiscountRule discount, BankCalendar calendar) {
        UUID contractId = UUID.randomUUID();
        int count = group.stream().mapToInt(r -> Math.max(r.number(), r.count() == null ? 0 : r.count())).max().orElse(1);
        List<Installment> installments = group.stream().sorted(Comparator.comparingInt(ReceivablesCsv.Row::number))
                .map(r -> new Installment(UUID.randomUUID(), tenantId, contractId, payerId, r.number(), count, r.amount(),
                        r.dueDate(), calendar.nextBusinessDayOnOrAfter(r.dueDate()),
                        PunctualityDiscountRule.termsFor(terms, discount, r.dueDate()), InstallmentStatus.OPEN,
                        Money.ZERO, null))
                .toList();
        Money total = Money.sum(installments.stream().map(Installment::nominal).toList());
        return new InstallmentPlan(contractId, tenantId, payerId, "Importado: " + reference, total, null, terms, installments);
    }
}
