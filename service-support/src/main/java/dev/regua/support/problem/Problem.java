package dev.regua.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). {@code errors} lists each offending field
 * with its own message, so a client can show them next to the inputs.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String rule,
                      List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://regua.dev/problems/";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(BASE + slug, title, status, detail, null, null, List.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, rule, fieldErrors);
    }

    public Problem withRule(String ruleName) {
        return new Problem(type, title, status, detail, instance, ruleName, errors);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, rule, errors);
    }

    /** One invalid field: a JSON-pointer-like path ({@code installments}, {@code address.state}) and why. */
    public record FieldError(String field, String message) {
    }
}
