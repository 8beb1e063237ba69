package dev.regua.kernel.calendar;

import java.time.Month;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * State holidays on which banks in that state do not open, by UF. Banks follow state and municipal holidays
 * declared by law (CMN Res. 4.880/2020 treats them as non-business days for the places where they apply), so a
 * due date on one of these days moves to the next business day for a tenant in that state.
 *
 * <p>Only fixed-date state holidays created by state law (or the state constitution) are listed; each entry names
 * its source. A state with an empty list has no state bank holiday beyond the national calendar (e.g. MG, whose
 * Data Magna is 21 April, already Tiradentes). Holidays that coincide with a national one (20 November in RJ,
 * 21 April in DF) are left out: the national calendar already closes those days. States not reviewed yet are
 * absent from the table and answer an empty list ({@link #isReviewed(String)} says which are reviewed).
 *
 * <p>The table must be reviewed each year against the FEBRABAN holiday list before production use; a tenant can
 * add anything missing as a city holiday in its settings.
 */
public final class StateHolidays {

    /** One yearly state holiday and the law that creates it. */
    public record StateHoliday(MonthDay monthDay, String name, String source) {
        public StateHoliday {
            Objects.requireNonNull(monthDay, "monthDay");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
        }
    }

    private static final Map<String, List<StateHoliday>> TABLE = Map.ofEntries(
            Map.entry("SP", List.of(
                    h(Month.JULY, 9, "Revolução Constitucionalista de 1932", "Lei estadual SP 9.497/1997"))),
            Map.entry("RJ", List.of(
                    h(Month.APRIL, 23, "Dia de São Jorge", "Lei estadual RJ 5.198/2008"))),
            Map.entry("MG", List.of()),
            Map.entry("RS", List.of(
                    h(Month.SEPTEMBER, 20, "Revolução Farroupilha", "Lei estadual RS 4.850/1964"))),
            Map.entry("PR", List.of(
                    h(Month.DECEMBER, 19, "Emancipação Política do Paraná", "Lei estadual PR 4.658/1962"))),
            Map.entry("BA", List.of(
                    h(Month.JULY, 2, "Independência da Bahia", "Constituição do Estado da Bahia"))),
            Map.entry("PE", List.of(
                    h(Month.MARCH, 6, "Data Magna de Pernambuco (Revolução Pernambucana de 1817)",
                            "Lei estadual PE 13.835/2009"))),
            Map.entry("CE", List.of(
                    h(Month.MARCH, 19, "Dia de São José", "lei estadual CE (padroeiro do estado; número a confirmar)"),
                    h(Month.MARCH, 25, "Data Magna do Ceará (Abolição da escravidão no Ceará)",
                            "lei estadual CE (Data Magna; número a confirmar)"))),
            Map.entry("DF", List.of(
                    h(Month.NOVEMBER, 30, "Dia do Evangélico", "Lei distrital DF 963/1995"))),
            Map.entry("AM", List.of(
                    h(Month.SEPTEMBER, 5, "Elevação do Amazonas à categoria de província", "lei estadual AM (número a confirmar)"))),
            Map.entry("PA", List.of(
                    h(Month.AUGUST, 15, "Adesão do Grão-Pará à Independência", "lei estadual PA (número a confirmar)"))),
            Map.entry("MA", List.of(
                    h(Month.JULY, 28, "Adesão do Maranhão à Independência", "lei estadual MA (número a confirmar)"))),
            Map.entry("AL", List.of(
                    h(Month.JUNE, 24, "São João", "lei estadual AL (número a confirmar)"),
                    h(Month.JUNE, 29, "São Pedro", "lei estadual AL (número a confirmar)"),
                    h(Month.SEPTEMBER, 16, "Emancipação Política de Alagoas", "lei estadual AL (número a confirmar)"))),
            Map.entry("SE", List.of(
                    h(Month.JULY, 8, "Emancipação Política de Sergipe", "lei estadual SE (número a confirmar)"))),
            Map.entry("PI", List.of(
                    h(Month.OCTOBER, 19, "Dia do Piauí", "lei estadual PI (número a confirmar)")))
    );

    private StateHolidays() {
    }

    private static StateHoliday h(Month month, int day, String name, String source) {
        return new StateHoliday(MonthDay.of(month, day), name, source);
    }

    /** The state's bank holidays (empty for a state without one or not reviewed yet). */
    public static List<StateHoliday> of(String uf) {
        Objects.requireNonNull(uf, "uf");
        return TABLE.getOrDefault(uf, List.of());
    }

    /** Whether the state's entry was reviewed (an empty list for a reviewed state means: none). */
    public static boolean isReviewed(String uf) {
        return TABLE.containsKey(uf);
    }

    /** Adds the state's holidays to a calendar builder. */
    public static BankCalendar.Builder addTo(BankCalendar.Builder builder, String uf) {
        for (StateHoliday holiday : of(uf)) {
            builder.addFixedHoliday(holiday.monthDay(), holiday.name());
        }
        return builder;
    }
}
