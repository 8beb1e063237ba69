package dev.regua.support.problem;

/** The request is well-formed but breaks a business or legal rule, named by {@code rule} (answered with 422). */
public class BusinessRuleException extends RuntimeException {
    private final String rule;

    public BusinessRuleException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
