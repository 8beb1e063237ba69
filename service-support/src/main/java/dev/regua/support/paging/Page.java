package dev.regua.support.paging;

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
