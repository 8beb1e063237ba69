package dev.regua.kernel.taxid;

/**
 * A Brazilian taxpayer identifier: a {@link Cpf} (individual) or a {@link Cnpj} (company). Switch over it
 * with pattern matching:
 *
 * <pre>{@code
 * switch (TaxId.parse(input)) {
 *     case Cpf cpf -> ...
 *     case Cnpj cnpj -> ...
 * }
 * }</pre>
 *
 * Instances are immutable, valid by construction and compare by {@link #digits()}.
 */
public sealed interface TaxId permits Cpf, Cnpj {

    /**
     * Parses a CPF or CNPJ, bare or formatted, deciding by length after removing punctuation: 11 characters
     * is a CPF, 14 a CNPJ.
     *
     * @throws InvalidTaxIdException with a message saying why the text is neither
     */
    static TaxId parse(String text) {
        String normalized = TaxIds.normalize(text, "CPF/CNPJ");
        return switch (normalized.length()) {
            case 11 -> Cpf.parse(normalized);
            case 14 -> Cnpj.parse(normalized);
            default -> throw new InvalidTaxIdException(
                    "CPF/CNPJ must have 11 (CPF) or 14 (CNPJ) characters, got " + normalized.length());
        };
    }

    /** Whether the text is a valid CPF or CNPJ; never throws. For bean validators. */
    static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidTaxIdException e) {
            return false;
        }
    }

    /** The identifier without punctuation: 11 digits, or 14 characters (letters upper-case). */
    String digits();

    /** The usual presentation: {@code 123.456.789-09} or {@code 12.345.678/0001-95}. */
    String formatted();

    /** A partly hidden presentation for logs and screens that do not need the full number. */
    String masked();
}
