package dev.regua.support.problem;

/** A field of the request is wrong in a way bean validation cannot express (checked in the application layer). */
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
