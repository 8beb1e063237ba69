package dev.regua.kernel.taxid;

/**
 * Thrown when a text is not a valid CPF or CNPJ. The message says what is wrong (length, characters,
 * check digits) but never repeats the number itself, so it can be logged and shown to users without
 * leaking personal data (LGPD).
 */
public final class InvalidTaxIdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidTaxIdException(String message) {
        super(message);
    }
}
