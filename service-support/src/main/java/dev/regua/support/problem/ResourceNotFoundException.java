package dev.regua.support.problem;

/** The resource does not exist for this tenant (another tenant's ids are indistinguishable from missing ones). */
public class ResourceNotFoundException extends RuntimeException {
    public ResourceNotFoundException(String message) {
        super(message);
    }
}
