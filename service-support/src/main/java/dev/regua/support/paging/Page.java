package dev.regua.support.paging;

import dev.regua.support.problem.InvalidInputException;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items and the cursor of the next page, null on the last page.
 *
 * @param items      at most the requested limit
 * @param nextCursor pass as {@code ?cursor=} for the next page; null when there is none
 */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * The {@code limit} query parameter: {@code defaultLimit} when absent, else a whole number from 1 to {@code max}.
     * Read as text so that {@code ?limit=abc} is a 400 naming {@code limit}, not the 404 JAX-RS gives a query
     * parameter it cannot convert.
     */
    public static int limit(String text, int defaultLimit, int max) {
        if (text == null || text.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidInputException("limit", "must be a whole number from 1 to " + max);
    }

    /**
     * A page from rows fetched with {@code limit + 1}: the extra row only says that another page exists.
     *
     * @param cursorOf the cursor positioned after a row (its sort key and id)
     */
    public static <R, T> Page<T> of(List<R> fetched, int limit, Function<R, String> cursorOf, Function<R, T> view) {
        boolean more = fetched.size() > limit;
        List<R> rows = more ? fetched.subList(0, limit) : fetched;
        return new Page<>(rows.stream().map(view).toList(), more ? cursorOf.apply(rows.get(rows.size() - 1)) : null);
    }
}
