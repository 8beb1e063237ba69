package dev.regua.dunning.regua.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regua.kernel.calendar.BankCalendar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static Simulation.Item item(String payer, LocalDate due, boolean overdue, LocalDate promiseBrokenOn, String... channels) {
        return new Simulation.Item(payer, payer, payer + "-" + due, new BigDecimal("300.00"), BigDecimal.ZERO, due, due,
                new BigDecimal("2.00"), new BigDecimal("1.00"), 0, overdue, List.of(channels), promiseBrokenOn);
    }

    @Test
    void countsWhatTheDraftWouldDoPerStepAndChannelAssumingNobodyPays() {
        LocalDate today = LocalDate.of(2026, 3, 11);
        List<Simulation.Item> items = List.of(
                item("ana", LocalDate.of(2026, 3, 10), true, null, "EMAIL", "SMS"),
                item("bia", LocalDate.of(2026, 3, 20), false, null, "SMS"),
                item("caio", LocalDate.of(2026, 3, 10), true, LocalDate.of(2026, 3, 20), "EMAIL"));
        Simulation.Result r = Simulation.run(ReguaPolicy.defaultFor("CLINIC"), items, today, 10, BankCalendar.national());
        Map<String, Integer> counts = new java.util.HashMap<>();
        r.perStep().forEach(s -> counts.put(s.stepCode(), s.count()));
        assertEquals(1, counts.get("overdue-first"), "ana today; caio is held by his promise");
        assertEquals(2, counts.get("collector-call"), "ana and caio on the 20th, when his promise is broken");
        assertEquals(1, counts.get("reminder-before-due"), "bia on the 17th");
        assertEquals(1, counts.get("overdue-second"), "ana on the 17th");
        assertEquals(0, counts.get("bureau-notice"));
        assertEquals(Map.of("EMAIL", 2, "SMS", 1), r.perChannel());
        assertEquals(2, r.heldByPromise(), "caio's first and second notices");
        assertEquals(2, r.cases());
        assertEquals(new BigDecimal("612.20"), r.amountInvolved(), "306.10 each for ana and caio, one day late");
    }
}
