package dev.regua.infra;

/** A component did not start or did not become ready; the message names it and carries the tail of its log. */
public class InfraStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InfraStartException(String message) {
        super(message);
    }

    public InfraStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
