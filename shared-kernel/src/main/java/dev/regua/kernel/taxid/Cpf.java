package dev.regua.kernel.taxid;

/**
 * A valid CPF (Cadastro de Pessoas Físicas): 11 digits, the last two being mod-11 check digits.
 * Sequences of one repeated digit ({@code 111.111.111-11}) pass the arithmetic but are not issued and are
 * rejected.
 *
 * <p>A CPF is personal data (LGPD): {@link #toString()} is {@link #masked() masked}; use
 * {@link #formatted()} or {@link #digits()} deliberately where the full number is required (e.g. the
 * documents required by CDC art. 42-A).
 */
public final class Cpf implements TaxId {

    private static final String KIND = "CPF";

    private final String digits;

    private Cpf(String digits) {
        this.digits = digits;
    }

    /**
     * Parses a CPF, bare ({@code 12345678909}) or formatted ({@code 123.456.789-09}).
     *
     * @throws InvalidTaxIdException with a message saying why the text is not a valid CPF
     */
    public static Cpf parse(String text) {
        String normalized = TaxIds.normalize(text, KIND);
        String problem = problemWith(normalized);
        if (problem != null) {
            throw new InvalidTaxIdException(problem);
        }
        return new Cpf(normalized);
    }

    /** Whether the text (bare or formatted) is a valid CPF; never throws. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidTaxIdException e) {
            return false;
        }
    }

    /** Returns null when the normalized text is a valid CPF, otherwise the reason. */
    static String problemWith(String normalized) {
        if (normalized.length() != 11) {
            return "CPF must have 11 digits, got " + normalized.length() + " characters";
        }
        for (int i = 0; i < normalized.length(); i++) {
            if (!TaxIds.isDigit(normalized.charAt(i))) {
                return "CPF must contain only digits (position " + (i + 1) + " is not a digit)";
            }
        }
        if (TaxIds.allSame(normalized)) {
            return "CPF made of one repeated digit is not valid";
        }
        int first = TaxIds.checkDigit(normalized.substring(0, 9), 11);
        int second = TaxIds.checkDigit(normalized.substring(0, 9) + first, 11);
        if (normalized.charAt(9) - '0' != first || normalized.charAt(10) - '0' != second) {
            return "CPF check digits do not match";
        }
        return null;
    }

    @Override
    public String digits() {
        return digits;
    }

    /** {@code 123.456.789-09}. */
    @Override
    public String formatted() {
        return digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6, 9) + "-"
                + digits.substring(9);
    }

    /** {@code ***.456.789-**}, the masking used by Brazilian government portals. */
    @Override
    public String masked() {
        return "***." + digits.substring(3, 6) + "." + digits.substring(6, 9) + "-**";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cpf other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** The {@link #masked() masked} form, so that a CPF never ends up in logs by accident. */
    @Override
    public String toString() {
        return masked();
    }
}
