package dev.regua.dunning.regua.application;

import dev.regua.dunning.regua.domain.ReguaPolicy;
import jakarta.enterprise.context.ApplicationScoped;

/** The régua a tenant runs. Until per-tenant policies land, every tenant runs the standard default. */
@ApplicationScoped
public class PolicyProvider {
    private final ReguaPolicy standard = ReguaPolicy.standard();

    public ReguaPolicy policyFor(String tenantId) {
        return standard;
    }
}
