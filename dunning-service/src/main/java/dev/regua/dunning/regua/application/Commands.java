package dev.regua.dunning.regua.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regua.contract.MoneyAmount;
import dev.regua.contract.billing.Address;
import dev.regua.contract.dunning.BureauActionRequested;
import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.dunning.regua.domain.PolicyStep;
import dev.regua.dunning.regua.persistence.InstallmentFactEntity;
import dev.regua.dunning.regua.persistence.PayerEntity;
import dev.regua.dunning.regua.persistence.TenantProfileEntity;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.AmountDue;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the commands dunning sends out: who receives, on which channels, with which figures. */
@ApplicationScoped
public class Commands {
    private final ObjectMapper json;

    public Commands(ObjectMapper json) {
        this.json = json;
    }

    /** The step's channels, in its fallback order, that the payer can be reached on and did not opt out of. */
    public static List<String> reachable(List<String> channels, PayerEntity p) {
        List<String> optedOut = Arrays.asList(p.optedOutChannels == null ? new String[0] : p.optedOutChannels.split(","));
        List<String> out = new ArrayList<>();
        for (String c : channels) {
            if (optedOut.contains(c)) {
                continue;
            }
            boolean ok = switch (c) {
                case "EMAIL" -> present(recipientEmail(p));
                case "SMS" -> present(recipientMobile(p));
                case "WHATSAPP" -> p.whatsappOptIn && (present(p.whatsapp) || present(p.mobile));
                default -> false;
            };
            if (ok) {
                out.add(c);
            }
        }
        return out;
    }

    /** Collection messages go to the person responsible for the payer when there is one (a student's parent). */
    public static NotificationRequested.Recipient recipient(PayerEntity p) {
        if (present(p.responsibleName) && (present(p.responsibleEmail) || present(p.responsibleMobile))) {
            return new NotificationRequested.Recipient(p.responsibleName, p.responsibleEmail, p.responsibleMobile, p.state);
        }
        return new NotificationRequested.Recipient(p.name, p.email, p.mobile, p.state);
    }

    private static String recipientEmail(PayerEntity p) {
        return recipient(p).email();
    }

    private static String recipientMobile(PayerEntity p) {
        return recipient(p).mobile();
    }

    public static NotificationRequested.Creditor creditor(TenantProfileEntity t) {
        return new NotificationRequested.Creditor(t.legalName, t.tradeName, t.cnpj, t.addressLine);
    }

    /** The variables of an installment's message, from the shared calculator as of {@code day}. */
    public static Map<String, String> variables(InstallmentFactEntity i, LocalDate day, BankCalendar calendar) {
        AmountDue due = CaseMath.due(i, day, calendar);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("installmentNumber", String.valueOf(i.number));
        v.put("installmentCount", String.valueOf(i.count));
        v.put("nominalAmount", due.nominal().amount().toPlainString());
        v.put("fine", due.fine().amount().toPlainString());
        v.put("interest", due.interest().amount().toPlainString());
        v.put("alreadyPaid", due.alreadyPaid().amount().toPlainString());
        v.put("amountDue", due.total().amount().toPlainString());
        v.put("originalDueDate", i.originalDueDate.toString());
        v.put("dueDate", i.dueDate.toString());
        v.put("daysLate", String.valueOf(due.daysLate()));
        v.put("asOf", day.toString());
        return v;
    }

    public NotificationRequested message(String tenantId, UUID payerId, UUID installmentId, String key, PolicyStep step,
                                         List<String> channels, PayerEntity payer, TenantProfileEntity tenant,
                                         Map<String, String> variables, Instant notBefore, Instant notAfter) {
        return new NotificationRequested(UUID.randomUUID().toString(), tenantId, payerId.toString(),
                installmentId == null ? null : installmentId.toString(), key, step.code(), channels, step.template(),
                recipient(payer), creditor(tenant), variables, notBefore, notAfter);
    }

    public BureauActionRequested bureau(String action, String key, UUID caseId, PayerEntity payer, TenantProfileEntity tenant,
                                        List<InstallmentFactEntity> debts, LocalDate day, Instant now) {
        List<BureauActionRequested.Debt> list = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (InstallmentFactEntity i : debts) {
            BigDecimal amount = CaseMath.due(i, day, Calendars.of(tenant)).total().amount();
            total = total.add(amount);
            list.add(new BureauActionRequested.Debt(i.installmentId.toString(), i.contractId.toString(), i.originalDueDate,
                    MoneyAmount.brl(amount)));
        }
        return new BureauActionRequested(UUID.randomUUID().toString(), payer.tenantId, payer.payerId.toString(),
                caseId.toString(), action, key, debtor(payer), creditor(tenant), list, MoneyAmount.brl(total), now);
    }

    public BureauActionRequested.Debtor debtor(PayerEntity p) {
        return new BureauActionRequested.Debtor(p.name, p.taxId, address(p), p.email);
    }

    public Address address(PayerEntity p) {
        if (p.address == null || p.address.isBlank()) {
            return null;
        }
        try {
            return json.readValue(p.address, Address.class);
        } catch (Exception e) {
            return null;
        }
    }

    public String addressJson(Address a) {
        if (a == null) {
            return null;
        }
        try {
            return json.writeValueAsString(a);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write an address", e);
        }
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** The idempotency key of a case-level side effect. */
    public static String caseKey(String tenantId, UUID caseId, String what) {
        return "dunning:" + tenantId + ":" + caseId + ":" + what;
    }

    /** The idempotency key of an installment's message (unchanged since the foundation). */
    public static String installmentKey(String tenantId, UUID installmentId, String stepCode) {
        return "dunning:" + tenantId + ":" + installmentId + ":" + stepCode;
    }
}
