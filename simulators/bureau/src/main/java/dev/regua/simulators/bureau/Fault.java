package dev.regua.simulators.bureau;

/**
 * A failure the simulator injects into the next calls of one operation.
 *
 * <ul>
 *   <li>{@link #TIMEOUT_BEFORE}: hangs without doing anything (the client gives up; nothing happened).</li>
 *   <li>{@link #TIMEOUT_AFTER}: does the work, then hangs (the client gives up although the bureau acted; only the
 *   idempotency key saves it from acting twice on the retry).</li>
 *   <li>{@link #HTTP_500}, {@link #HTTP_503}: answers the error at once, does nothing.</li>
 * </ul>
 */
public enum Fault {
    TIMEOUT_BEFORE, TIMEOUT_AFTER, HTTP_500, HTTP_503
}
