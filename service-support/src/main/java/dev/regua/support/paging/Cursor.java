package dev.regua.support.paging;

import dev.regua.support.problem.InvalidInputException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * An opaque keyset cursor: the sort key of the last item of a page and its id, base64url-encoded with the name of
 * the list it belongs to. The next page starts strictly after that key, so rows inserted meanwhile never shift the
 * pages (no duplicates, no gaps). A cursor that was not issued for the list answers 400 naming {@code cursor}.
 */
public final class Cursor {
    public static final String FIELD = "cursor";
    private static final String SEPARATOR = "\u001f";
    private final List<String> parts;

    private Cursor(List<String> parts) {
        this.parts = parts;
    }

    /** The cursor text for a list named {@code list} positioned after the item with these key parts. */
    public static String encode(String list, Object... keyParts) {
        StringBuilder sb = new StringBuilder(list);
        for (Object part : keyParts) {
            sb.append(SEPARATOR).append(part instanceof BigDecimal b ? b.toPlainString() : String.valueOf(part));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a cursor issued for {@code list} with {@code size} key parts; null or blank answers null (first page).
     *
     * @throws InvalidInputException on anything else
     */
    public static Cursor decode(String cursor, String list, int size) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] split = text.split(SEPARATOR, -1);
        if (split.length != size + 1 || !split[0].equals(list)) {
            throw invalid();
        }
        return new Cursor(List.of(split).subList(1, split.length));
    }

    public UUID uuid(int index) {
        try {
            return UUID.fromString(parts.get(index));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    public LocalDate date(int index) {
        try {
            return LocalDate.parse(parts.get(index));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    public Instant instant(int index) {
        try {
            return Instant.parse(parts.get(index));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    public int integer(int index) {
        try {
            return Integer.parseInt(parts.get(index));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    public long longValue(int index) {
        try {
            return Long.parseLong(parts.get(index));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    public BigDecimal decimal(int index) {
        try {
            return new BigDecimal(parts.get(index));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException(FIELD, "is not a cursor issued by this list; start again without it");
    }
}
