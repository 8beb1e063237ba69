package dev.regua.dunning.regua.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.dunning.regua.persistence.TenantProfileEntity;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.support.calendar.ProfileCalendars;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenant's bank calendar, rebuilt from what billing's tenant profile carries (national + the tenant's state +
 * the city holidays it listed; {@link ProfileCalendars}): business-day offsets of a policy count with it. The
 * national calendar while the profile is unknown.
 */
public final class Calendars {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final Map<String, BankCalendar> CACHE = new ConcurrentHashMap<>();

    private Calendars() {
    }

    public static BankCalendar of(TenantProfileEntity tenant) {
        if (tenant == null) {
            return BankCalendar.national();
        }
        String state = tenant.calendarState != null ? tenant.calendarState : tenant.state;
        String key = state + "|" + (tenant.cityHolidays == null ? "" : tenant.cityHolidays);
        return CACHE.computeIfAbsent(key, k -> ProfileCalendars.of(state, read(tenant.cityHolidays)));
    }

    static String write(List<TenantProfileUpdated.CityHoliday> holidays) {
        if (holidays == null || holidays.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(holidays);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write city holidays", e);
        }
    }

    static List<TenantProfileUpdated.CityHoliday> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<TenantProfileUpdated.CityHoliday>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored city holidays are unreadable", e);
        }
    }
}
