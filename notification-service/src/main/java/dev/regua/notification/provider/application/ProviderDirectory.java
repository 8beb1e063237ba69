package dev.regua.notification.provider.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regua.notification.consent.domain.ContactHours;
import dev.regua.notification.provider.domain.ProviderKind;
import dev.regua.notification.provider.domain.ProviderSettings;
import dev.regua.notification.provider.persistence.ProviderConfigRepository;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each tenant's providers and sender identities per channel: stores them with their secrets encrypted, answers
 * them decrypted to the senders and callback checks, and tells how much of the monthly budget a paid channel has
 * used. Secrets never leave through {@link #views}.
 */
@ApplicationScoped
public class ProviderDirectory {
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };
    private final ProviderConfigRepository repository;
    private final CredentialCipher cipher;
    private final ObjectMapper json;
    private final Clock clock;

    public ProviderDirectory(ProviderConfigRepository repository, CredentialCipher cipher, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /** What the tenant asks to store for a channel. {@code secrets} may be omitted to keep the stored ones. */
    public record Configuration(String provider, String sender, String accountId, Map<String, String> secrets,
                                BigDecimal monthlyBudget, BigDecimal unitCost, String whatsappLanguage,
                                Map<String, String> whatsappTemplates) {
        @Override
        public String toString() {
            return "Configuration[" + provider + ", sender=" + sender + ", secrets=" + (secrets == null ? "[]" : secrets.keySet()) + "]";
        }
    }

    /** What is shown of a configuration: never a secret, only which ones are set. */
    public record View(String channel, String provider, String sender, String accountId, java.util.List<String> secretsSet,
                       BigDecimal monthlyBudget, BigDecimal unitCost, BigDecimal spentThisMonth, String whatsappLanguage,
                       Map<String, String> whatsappTemplates, Instant updatedAt) {
    }

    public Uni<View> configure(String tenantId, String channel, Configuration c) {
        ProviderKind kind = kindFor(channel, c);
        if (c.sender() == null || c.sender().isBlank() || c.sender().length() > 120) {
            throw new InvalidInputException("sender", "the sender identity is required (at most 120 characters)");
        }
        if (kind == ProviderKind.TWILIO && (c.accountId() == null || !c.accountId().matches("AC[0-9a-zA-Z]{6,64}"))) {
            throw new InvalidInputException("accountId", "Twilio needs the Account SID (AC…)");
        }
        if (c.unitCost() != null && c.unitCost().signum() < 0) {
            throw new InvalidInputException("unitCost", "must not be negative");
        }
        if (c.monthlyBudget() != null && c.monthlyBudget().signum() < 0) {
            throw new InvalidInputException("monthlyBudget", "must not be negative");
        }
        String aad = tenantId + ":" + channel;
        return repository.find(tenantId, channel).chain(existing -> {
            Map<String, String> secrets = new LinkedHashMap<>();
            if (existing.isPresent() && existing.get().provider().equals(kind.name()) && existing.get().secretsCiphertext() != null) {
                secrets.putAll(readMap(cipher.decrypt(existing.get().secretsCiphertext(), aad)));
            }
            if (c.secrets() != null) {
                c.secrets().forEach((k, v) -> {
                    if (!kind.requiredSecrets().contains(k) && !kind.optionalSecrets().contains(k)) {
                        java.util.List<String> accepted = new java.util.ArrayList<>(kind.requiredSecrets());
                        accepted.addAll(kind.optionalSecrets());
                        throw new InvalidInputException("secrets." + k, kind + " takes only " + accepted);
                    }
                    if (v == null || v.isBlank()) {
                        throw new InvalidInputException("secrets." + k, "must not be blank");
                    }
                    secrets.put(k, v);
                });
            }
            for (String required : kind.requiredSecrets()) {
                if (!secrets.containsKey(required)) {
                    throw new InvalidInputException("secrets." + required, kind + " needs " + kind.requiredSecrets());
                }
            }
            String ciphertext = secrets.isEmpty() ? null : cipher.encrypt(writeMap(secrets), aad);
            ProviderConfigRepository.Row row = new ProviderConfigRepository.Row(tenantId, channel, kind.name(), c.sender().strip(),
                    c.accountId(), ciphertext, c.monthlyBudget(), c.unitCost() == null ? BigDecimal.ZERO : c.unitCost(),
                    c.whatsappLanguage(), c.whatsappTemplates() == null ? null : writeMap(c.whatsappTemplates()), clock.instant());
            return repository.save(row).chain(() -> view(row));
        });
    }

    public Uni<java.util.List<View>> views(String tenantId) {
        return repository.ofTenant(tenantId).chain(rows -> {
            Uni<java.util.List<View>> acc = Uni.createFrom().item(new java.util.ArrayList<>());
            for (ProviderConfigRepository.Row r : rows) {
                acc = acc.chain(list -> view(r).map(v -> {
                    list.add(v);
                    return list;
                }));
            }
            return acc;
        });
    }

    /** The tenant's provider for a channel, decrypted; empty when none is configured. */
    public Uni<Optional<ProviderSettings>> settings(String tenantId, String channel) {
        return repository.find(tenantId, channel).map(found -> found.map(this::settingsOf));
    }

    /**
     * Whether a Meta webhook verification token is the {@code verifyToken} of some tenant's WhatsApp Cloud API
     * provider. Meta's verification request names no tenant (the callback URL is shared), so every configured
     * WhatsApp provider is compared, in constant time.
     */
    public Uni<Boolean> isWhatsappVerifyToken(String token) {
        if (token == null || token.isBlank()) {
            return Uni.createFrom().item(false);
        }
        byte[] given = token.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return repository.ofProvider(ProviderKind.WHATSAPP_CLOUD.name()).map(rows -> {
            boolean match = false;
            for (ProviderConfigRepository.Row r : rows) {
                String expected = settingsOf(r).secret("verifyToken");
                if (expected != null) {
                    match |= java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8), given);
                }
            }
            return match;
        });
    }

    /** Whether one more message through this paid channel stays within the tenant's monthly budget. */
    public Uni<Boolean> withinBudget(ProviderSettings s, String payerState) {
        if (!s.provider().paid() || s.monthlyBudget() == null) {
            return Uni.createFrom().item(true);
        }
        return spentThisMonth(s.tenantId(), s.channel()).map(spent -> spent.add(s.unitCost()).compareTo(s.monthlyBudget()) <= 0);
    }

    Uni<BigDecimal> spentThisMonth(String tenantId, String channel) {
        ZoneId zone = ContactHours.zoneOf(null);
        Instant monthStart = LocalDate.now(clock.withZone(zone)).withDayOfMonth(1).atStartOfDay(zone).toInstant();
        return repository.spentSince(tenantId, channel, monthStart);
    }

    private ProviderSettings settingsOf(ProviderConfigRepository.Row r) {
        Map<String, String> secrets = r.secretsCiphertext() == null ? Map.of()
                : readMap(cipher.decrypt(r.secretsCiphertext(), r.tenantId() + ":" + r.channel()));
        return new ProviderSettings(r.tenantId(), r.channel(), ProviderKind.valueOf(r.provider()), r.sender(), r.accountId(), secrets,
                r.monthlyBudget(), r.unitCost(), r.whatsappLanguage(), r.whatsappTemplatesJson() == null ? Map.of() : readMap(r.whatsappTemplatesJson()));
    }

    private Uni<View> view(ProviderConfigRepository.Row r) {
        ProviderKind kind = ProviderKind.valueOf(r.provider());
        Uni<BigDecimal> spent = kind.paid() ? spentThisMonth(r.tenantId(), r.channel()) : Uni.createFrom().item(BigDecimal.ZERO);
        return spent.map(s -> new View(r.channel(), r.provider(), r.sender(), r.accountId(),
                r.secretsCiphertext() == null ? java.util.List.of()
                        : readMap(cipher.decrypt(r.secretsCiphertext(), r.tenantId() + ":" + r.channel())).keySet().stream().sorted().toList(),
                r.monthlyBudget(), r.unitCost(), s,
                r.whatsappLanguage(), r.whatsappTemplatesJson() == null ? Map.of() : readMap(r.whatsappTemplatesJson()), r.updatedAt()));
    }

    private static ProviderKind kindFor(String channel, Configuration c) {
        if (c == null || c.provider() == null) {
            throw new InvalidInputException("provider", "the provider is required: SMTP, TWILIO, ZENVIA or WHATSAPP_CLOUD");
        }
        ProviderKind kind;
        try {
            kind = ProviderKind.valueOf(c.provider().strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("provider", "unknown provider " + c.provider() + ": SMTP, TWILIO, ZENVIA or WHATSAPP_CLOUD");
        }
        if (!kind.channel().equals(channel)) {
            throw new BusinessRuleException("provider-serves-another-channel", kind + " serves " + kind.channel() + ", not " + channel);
        }
        return kind;
    }

    private Map<String, String> readMap(String text) {
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored provider data is not a JSON object");
        }
    }

    private String writeMap(Map<String, String> map) {
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
