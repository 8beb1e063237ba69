package dev.regua.dunning.regua.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regua.dunning.regua.domain.PolicyValidator;
import dev.regua.dunning.regua.domain.ReguaPolicy;
import dev.regua.dunning.regua.domain.Segment;
import dev.regua.dunning.regua.persistence.CaseRepository;
import dev.regua.dunning.regua.persistence.DunningRepository;
import dev.regua.dunning.regua.persistence.PolicyRepository;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import dev.regua.support.problem.ResourceNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tenant's régua policies: stored per tenant, versioned (an edit adds a version, history is never rewritten),
 * validated on save with the broken rule named. A tenant starts with its vertical's lawful default.
 */
@ApplicationScoped
public class Policies {
    private final PolicyRepository repository;
    private final DunningRepository dunning;
    private final CaseRepository cases;
    private final ObjectMapper json;
    private final Clock clock;
    private final int defaultNoticeDays;
    private final Map<String, Integer> noticeDaysByState = new HashMap<>();

    public Policies(PolicyRepository repository, DunningRepository dunning, CaseRepository cases, ObjectMapper json, Clock clock,
                    @ConfigProperty(name = "regua.dunning.bureau.notice-days", defaultValue = "10") int defaultNoticeDays,
                    @ConfigProperty(name = "regua.dunning.bureau.notice-days-by-state", defaultValue = "SP:15") List<String> byState) {
        this.repository = repository;
        this.dunning = dunning;
        this.cases = cases;
        this.json = json;
        this.clock = clock;
        this.defaultNoticeDays = defaultNoticeDays;
        for (String entry : byState) {
            String[] parts = entry.split(":");
            noticeDaysByState.put(parts[0].trim().toUpperCase(), Integer.parseInt(parts[1].trim()));
        }
    }

    /** Days of prior notice a payer of this state needs before a bureau registration. */
    public int noticeDaysFor(String state) {
        return context(null, Set.of()).noticeDaysFor(state);
    }

    public Uni<List<ReguaPolicy>> list(String tenantId) {
        return repository.currentVersions(tenantId, false).map(l -> l.stream().map(this::toPolicy).toList());
    }

    public Uni<List<PolicyRepository.StoredVersion>> listStored(String tenantId) {
        return repository.currentVersions(tenantId, false);
    }

    /** The current version of a policy, or 404. */
    public Uni<ReguaPolicy> current(String tenantId, String code) {
        return repository.current(tenantId, code).map(v -> {
            if (v == null) {
                throw new ResourceNotFoundException("policy " + code + " not found");
            }
            return toPolicy(v);
        });
    }

    /** The current version, or null: for the engine, which falls back to the vertical's default. */
    public Uni<ReguaPolicy> currentOrNull(String tenantId, String code) {
        return code == null ? Uni.createFrom().nullItem() : repository.current(tenantId, code).map(v -> v == null ? null : toPolicy(v));
    }

    public Uni<List<PolicyRepository.StoredVersion>> versions(String tenantId, String code) {
        return repository.versions(tenantId, code).map(l -> {
            if (l.isEmpty()) {
                throw new ResourceNotFoundException("policy " + code + " not found");
            }
            return l;
        });
    }

    public Uni<PolicyRepository.StoredVersion> version(String tenantId, String code, int version) {
        return repository.version(tenantId, code, version).map(v -> {
            if (v == null) {
                throw new ResourceNotFoundException("policy " + code + " v" + version + " not found");
            }
            return v;
        });
    }

    /** Every violation, structural (rule null) or legal, without writing anything. */
    public Uni<List<PolicyValidator.Violation>> validate(String tenantId, String code, ReguaPolicy.Definition definition) {
        return dunning.tenant(tenantId).chain(tenant -> cases.payerStates(tenantId).map(states -> {
            Set<String> all = new HashSet<>(states);
            if (tenant != null && tenant.state != null) {
                all.add(tenant.state);
            }
            return PolicyValidator.validate(code, definition, context(tenant == null ? null : tenant.vertical, all));
        }));
    }

    public Uni<ReguaPolicy> create(String tenantId, String code, ReguaPolicy.Definition definition, String actor) {
        return checked(tenantId, code, definition).chain(() -> repository.create(tenantId, code, write(definition), actor, clock.instant()))
                .map(created -> {
                    if (!created) {
                        throw new BusinessRuleException("policy-code-taken", "a policy " + code + " exists; PUT a new version instead");
                    }
                    return definition.as(code, 1);
                });
    }

    public Uni<ReguaPolicy> update(String tenantId, String code, ReguaPolicy.Definition definition, String actor) {
        return current(tenantId, code).chain(existing -> checked(tenantId, code, definition))
                .chain(() -> repository.addVersion(tenantId, code, write(definition), actor, clock.instant()))
                .map(v -> definition.as(code, v));
    }

    /** Deactivates a policy: no new case chooses it; its versions stay. */
    public Uni<Void> deactivate(String tenantId, String code) {
        return current(tenantId, code).chain(p -> repository.setActive(tenantId, code, false, clock.instant())).replaceWithVoid();
    }

    /** Stores the vertical's default as the tenant's first policy when the tenant has none. */
    public Uni<Void> ensureDefault(String tenantId, String vertical) {
        return repository.count(tenantId).chain(n -> {
            if (n > 0) {
                return Uni.createFrom().voidItem();
            }
            ReguaPolicy d = ReguaPolicy.defaultFor(vertical);
            return repository.create(tenantId, d.code(), write(d.definition()), "system", clock.instant()).replaceWithVoid();
        });
    }

    /**
     * The policy for these facts: the active policy of highest priority whose segment matches, else the vertical's
     * default (stored, or built in while the tenant's profile is still unknown).
     */
    public Uni<ReguaPolicy> select(String tenantId, String vertical, Segment.Facts facts) {
        return repository.currentVersions(tenantId, true).map(stored -> {
            List<ReguaPolicy> active = stored.stream().map(this::toPolicy)
                    .sorted(Comparator.comparingInt(ReguaPolicy::priority).reversed().thenComparing(ReguaPolicy::code)).toList();
            return active.stream().filter(p -> p.segment().matches(facts)).findFirst()
                    .orElseGet(() -> active.stream().filter(p -> p.code().equals(ReguaPolicy.defaultCode(vertical))).findFirst()
                            .orElseGet(() -> ReguaPolicy.defaultFor(vertical)));
        });
    }

    private Uni<Void> checked(String tenantId, String code, ReguaPolicy.Definition definition) {
        return validate(tenantId, code, definition).map(violations -> {
            violations.stream().filter(v -> !v.legal()).findFirst().ifPresent(v -> {
                throw new InvalidInputException(v.field(), v.message());
            });
            violations.stream().filter(PolicyValidator.Violation::legal).findFirst().ifPresent(v -> {
                throw new BusinessRuleException(v.rule(), v.field() + ": " + v.message());
            });
            return null;
        }).replaceWithVoid();
    }

    PolicyValidator.Context context(String vertical, Set<String> states) {
        return new PolicyValidator.Context(vertical, states, noticeDaysByState, defaultNoticeDays);
    }

    private String write(ReguaPolicy.Definition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a policy definition", e);
        }
    }

    public ReguaPolicy toPolicy(PolicyRepository.StoredVersion v) {
        try {
            return json.readValue(v.definition(), ReguaPolicy.Definition.class).as(v.code(), v.version());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy " + v.code() + " v" + v.version() + " is unreadable", e);
        }
    }
}
