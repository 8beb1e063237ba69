package dev.regua.kernel.taxid;

/**
 * A valid CNPJ (Cadastro Nacional da Pessoa Jurídica): 14 characters, the first 12 digits or (from July
 * 2026, IN RFB 2.229/2024) upper-case letters, the last two numeric mod-11 check digits. Each character is
 * worth its ASCII code minus 48; weights 2..9 from the right; remainder &lt; 2 gives 0, else 11 − remainder.
 * Sequences of one repeated character are rejected.
 *
 * <p>Lower-case letters in the input are accepted and upper-cased. {@link #toString()} is the
 * {@link #formatted()} form: a CNPJ identifies a company in a public register.
 */
public final class Cnpj implements TaxId {

    private static final String KIND = "CNPJ";

    private final String digits;

    private Cnpj(String digits) {
        this.digits = digits;
    }

    /**
     * Parses a CNPJ, bare ({@code 11222333000181}, {@code 12ABC34501DE35}) or formatted
     * ({@code 11.222.333/0001-81}, {@code 12.ABC.345/01DE-35}).
     *
     * @throws InvalidTaxIdException with a message saying why the text is not a valid CNPJ
     */
    public static Cnpj parse(String text) {
        String normalized = TaxIds.normalize(text, KIND);
        String problem = problemWith(normalized);
        if (problem != null) {
            throw new InvalidTaxIdException(problem);
        }
        return new Cnpj(normalized);
    }

    /** Whether the text (bare or formatted, numeric or alphanumeric) is a valid CNPJ; never throws. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidTaxIdException e) {
            return false;
        }
    }

    /** Returns null when the normalized text is a valid CNPJ, otherwise the reason. */
    static String problemWith(String normalized) {
        if (normalized.length() != 14) {
            return "CNPJ must have 14 characters, got " + normalized.length();
        }
        if (!TaxIds.isDigit(normalized.charAt(12)) || !TaxIds.isDigit(normalized.charAt(13))) {
            return "CNPJ check digits (last two characters) must be numeric";
        }
        if (TaxIds.allSame(normalized)) {
            return "CNPJ made of one repeated character is not valid";
        }
        String base = normalized.substring(0, 12);
        int first = TaxIds.checkDigit(base, 9);
        int second = TaxIds.checkDigit(base + first, 9);
        if (normalized.charAt(12) - '0' != first || normalized.charAt(13) - '0' != second) {
            return "CNPJ check digits do not match";
        }
        return null;
    }

    /** The 14 characters without punctuation (letters upper-case). */
    @Override
    public String digits() {
        return digits;
    }

    /** {@code 12.ABC.345/01DE-35}. */
    @Override
    public String formatted() {
        return digits.substring(0, 2) + "." + digits.substring(2, 5) + "." + digits.substring(5, 8) + "/"
                + digits.substring(8, 12) + "-" + digits.substring(12);
    }

    /** <code>12.ABC.***&#47;****-**</code>: keeps only the first five characters. */
    @Override
    public String masked() {
        return digits.substring(0, 2) + "." + digits.substring(2, 5) + ".***/****-**";
    }

    /** The 8-character root (raiz) shared by the head office and all branches. */
    public String root() {
        return digits.substring(0, 8);
    }

    /** Whether the base contains letters (the alphanumeric format of IN RFB 2.229/2024). */
    public boolean isAlphanumeric() {
        return digits.chars().anyMatch(c -> c >= 'A' && c <= 'Z');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cnpj other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** The {@link #formatted()} form. */
    @Override
    public String toString() {
        return formatted();
    }
}
