package dev.regua.support.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.regua.support.problem.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorCarriesTheSortKeyAndIdOfTheLastItemForItsListOnly() {
        UUID id = UUID.randomUUID();
        String text = Cursor.encode("installments", LocalDate.of(2026, 3, 10), 3, new BigDecimal("10.50"), id);
        Cursor c = Cursor.decode(text, "installments", 4);
        assertEquals(LocalDate.of(2026, 3, 10), c.date(0));
        assertEquals(3, c.integer(1));
        assertEquals(new BigDecimal("10.50"), c.decimal(2));
        assertEquals(id, c.uuid(3));
        assertEquals("cursor", assertThrows(InvalidInputException.class, () -> Cursor.decode(text, "payers", 4)).field());
        assertThrows(InvalidInputException.class, () -> Cursor.decode(text, "installments", 2));
    }

    @Test
    void garbageIsRefusedNamingTheCursorAndNoCursorMeansTheFirstPage() {
        assertNull(Cursor.decode(null, "payers", 1));
        assertNull(Cursor.decode(" ", "payers", 1));
        assertThrows(InvalidInputException.class, () -> Cursor.decode("%%%not-base64", "payers", 1));
        Cursor wrongType = Cursor.decode(Cursor.encode("payers", "not-a-uuid"), "payers", 1);
        assertThrows(InvalidInputException.class, () -> wrongType.uuid(0));
    }

    @Test
    void aLimitIsAWholeNumberWithinBoundsOrTheDefault() {
        assertEquals(50, Page.limit(null, 50, 200));
        assertEquals(7, Page.limit(" 7 ", 50, 200));
        assertEquals(200, Page.limit("200", 50, 200));
        for (String bad : List.of("0", "201", "-1", "abc", "1.5")) {
            assertEquals("limit", assertThrows(InvalidInputException.class, () -> Page.limit(bad, 50, 200)).field());
        }
    }

    @Test
    void aPageHasANextCursorOnlyWhenMoreRowsWereFetchedThanTheLimit() {
        Page<String> full = Page.of(List.of(1, 2, 3), 2, i -> "after-" + i, String::valueOf);
        assertEquals(List.of("1", "2"), full.items());
        assertEquals("after-2", full.nextCursor());
        Page<String> last = Page.of(List.of(1, 2), 2, i -> "after-" + i, String::valueOf);
        assertNull(last.nextCursor());
    }
}
