package dev.regua.billing.tenant.persistence;

import dev.regua.billing.tenant.domain.TenantSettings;
import dev.regua.contract.billing.Address;
import dev.regua.kernel.taxid.Cnpj;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<TenantEntity, String> {

    public Uni<TenantSettings> settingsOf(String tenantId) {
        return findById(tenantId).map(e -> e == null ? null : toDomain(e));
    }

    public Uni<List<TenantEntity>> allTenants() {
        return listAll();
    }

    public Uni<TenantEntity> save(TenantSettings s, Instant now) {
        return findById(s.tenantId()).chain(existing -> {
            TenantEntity e = existing == null ? new TenantEntity() : existing;
            e.tenantId = s.tenantId();
            e.legalName = s.legalName();
            e.tradeName = s.tradeName();
            e.cnpj = s.cnpj().formatted();
            e.street = s.address().street();
            e.number = s.address().number();
            e.complement = s.address().complement();
            e.district = s.address().district();
            e.city = s.address().city();
            e.state = s.address().state();
            e.postalCode = s.address().postalCode();
            e.timeZone = s.timeZone().getId();
            e.vertical = s.vertical().name();
            e.finePercent = s.finePercent();
            e.monthlyInterestPercent = s.monthlyInterestPercent();
            e.graceDays = s.graceDays();
            e.dueLeadDays = s.dueLeadDays();
            e.updatedAt = now;
            return existing == null ? persist(e) : Uni.createFrom().item(e);
        });
    }

    public static TenantSettings toDomain(TenantEntity e) {
        return new TenantSettings(e.tenantId, e.legalName, e.tradeName, Cnpj.parse(e.cnpj),
                new Address(e.street, e.number, e.complement, e.district, e.city, e.state, e.postalCode),
                ZoneId.of(e.timeZone), TenantSettings.Vertical.valueOf(e.vertical), e.finePercent,
                e.monthlyInterestPercent, e.graceDays, e.dueLeadDays);
    }
}
