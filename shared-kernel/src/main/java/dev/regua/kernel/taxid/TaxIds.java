package dev.regua.kernel.taxid;

/** Shared parsing and check-digit helpers for CPF and CNPJ. */
final class TaxIds {

    private TaxIds() {
    }

    /**
     * Removes the usual punctuation (dots, slash, hyphen, spaces) and upper-cases letters.
     *
     * @throws InvalidTaxIdException on null or on any other character
     */
    static String normalize(String input, String kind) {
        if (input == null) {
            throw new InvalidTaxIdException(kind + " is missing");
        }
        StringBuilder sb = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '.' || c == '-' || c == '/' || Character.isWhitespace(c)) {
                continue;
            }
            if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
                sb.append(c);
            } else if (c >= 'a' && c <= 'z') {
                sb.append((char) (c - 'a' + 'A'));
            } else {
                throw new InvalidTaxIdException(kind + " contains an invalid character at position " + (i + 1)
                        + " (allowed: digits, letters in a CNPJ base, and the separators . / -)");
            }
        }
        return sb.toString();
    }

    /**
     * Mod-11 check digit shared by CPF and CNPJ: each character's value is its ASCII code minus 48
     * (so '0'..'9' are 0..9 and 'A'..'Z' are 17..42), weights run 2, 3, ... from the right, restarting at 2
     * after {@code maxWeight}; remainder &lt; 2 gives 0, otherwise 11 − remainder.
     */
    static int checkDigit(CharSequence base, int maxWeight) {
        int sum = 0;
        int weight = 2;
        for (int i = base.length() - 1; i >= 0; i--) {
            sum += (base.charAt(i) - '0') * weight;
            weight = weight == maxWeight ? 2 : weight + 1;
        }
        int remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }

    static boolean allSame(String s) {
        return s.chars().allMatch(c -> c == s.charAt(0));
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
