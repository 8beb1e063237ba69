package dev.regua.credit.bureau.domain;

/**
 * A bureau call failed. {@link #transientFailure()} means the bureau may accept the same call later (timeout, 5xx,
 * connection refused): retry with the same idempotency key. Otherwise the bureau refused it ({@link #code()} says
 * why) and the same call will be refused again.
 */
public class BureauException extends RuntimeException {
    private final boolean transientFailure;
    private final String code;

    private BureauException(boolean transientFailure, String code, String message, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.code = code;
    }

    public static BureauException unavailable(String message, Throwable cause) {
        return new BureauException(true, "UNAVAILABLE", message, cause);
    }

    public static BureauException rejected(String code, String message) {
        return new BureauException(false, code, message, null);
    }

    public boolean transientFailure() {
        return transientFailure;
    }

    public String code() {
        return code;
    }
}
