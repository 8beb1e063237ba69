package dev.regua.credit.tenant.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Tenant profiles, one row per tenant (the tenant id is the key, so every read names it). */
@ApplicationScoped
public class TenantProfileRepository {

    public Uni<TenantProfileEntity> profile(String tenantId) {
        return Panache.getSession().chain(s -> s.find(TenantProfileEntity.class, tenantId));
    }

    public Uni<Void> persist(TenantProfileEntity e) {
        return Panache.getSession().chain(s -> s.persist(e));
    }
}
