package dev.regua.billing.tenant.persistence;

import dev.regua.billing.tenant.domain.CityHoliday;
import dev.regua.billing.tenant.domain.PunctualityDiscountRule;
import dev.regua.billing.tenant.domain.TenantSettings;
import dev.regua.contract.billing.Address;
import dev.regua.kernel.money.RemainderPolicy;
import dev.regua.kernel.taxid.Cnpj;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<TenantEntity, String> {
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    public Uni<TenantSettings> settingsOf(String tenantId) {
        return findById(tenantId).chain(e -> e == null ? Uni.createFrom().nullItem()
                : holidaysOf(tenantId).map(holidays -> toDomain(e, holidays)));
    }

    public Uni<List<TenantEntity>> allTenants() {
        return listAll();
    }

    private Uni<List<TenantHolidayEntity>> holidaysOf(String tenantId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from TenantHolidayEntity where tenantId = ?1 order by onDate nulls first, monthDay, name",
                        TenantHolidayEntity.class)
                .setParameter(1, tenantId).getResultList());
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
            e.holidayState = s.state();
            e.holidayCity = s.city();
            e.cityIbgeCode = s.cityIbgeCode();
            e.punctualityDiscountPercent = s.punctualityDiscount() == null ? null : s.punctualityDiscount().percent();
            e.punctualityDiscountDays = s.punctualityDiscount() == null ? null : s.punctualityDiscount().daysBeforeDueDate();
            e.remainderPolicy = s.remainderPolicy().name();
            e.updatedAt = now;
            Uni<TenantEntity> saved = existing == null ? persist(e) : Uni.createFrom().item(e);
            return saved.call(() -> replaceHolidays(s.tenantId(), s.cityHolidays()));
        });
    }

    private Uni<Void> replaceHolidays(String tenantId, List<CityHoliday> holidays) {
        return Panache.getSession().chain(session -> session.createMutationQuery(
                                "delete from TenantHolidayEntity where tenantId = ?1")
                        .setParameter(1, tenantId).executeUpdate()
                        .chain(() -> {
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (CityHoliday h : holidays) {
                                TenantHolidayEntity row = new TenantHolidayEntity();
                                row.id = UUID.randomUUID();
                                row.tenantId = tenantId;
                                row.monthDay = h.every() == null ? null : h.every().format(MONTH_DAY);
                                row.onDate = h.on();
                                row.name = h.name();
                                chain = chain.chain(() -> session.persist(row));
                            }
                            return chain;
                        }))
                .call(() -> Panache.getSession().chain(session -> session.flush()));
    }

    public static TenantSettings toDomain(TenantEntity e, List<TenantHolidayEntity> holidays) {
        List<CityHoliday> city = holidays.stream().map(h -> h.onDate != null ? CityHoliday.once(h.onDate, h.name)
                : CityHoliday.yearly(MonthDay.parse("--" + h.monthDay), h.name)).toList();
        PunctualityDiscountRule discount = e.punctualityDiscountPercent == null ? null
                : new PunctualityDiscountRule(e.punctualityDiscountPercent, e.punctualityDiscountDays == null ? 0 : e.punctualityDiscountDays);
        return new TenantSettings(e.tenantId, e.legalName, e.tradeName, Cnpj.parse(e.cnpj),
                new Address(e.street, e.number, e.complement, e.district, e.city, e.state, e.postalCode),
                ZoneId.of(e.timeZone), TenantSettings.Vertical.valueOf(e.vertical), e.finePercent,
                e.monthlyInterestPercent, e.graceDays, e.dueLeadDays, e.holidayState, e.holidayCity, e.cityIbgeCode,
                city, discount, e.remainderPolicy == null ? RemainderPolicy.FIRST : RemainderPolicy.valueOf(e.remainderPolicy));
    }
}
