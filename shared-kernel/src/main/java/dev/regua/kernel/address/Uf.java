package dev.regua.kernel.address;

import java.util.Set;
import java.util.regex.Pattern;

/** The 27 Brazilian federative units (UF), as used in addresses and by the state contact-hour laws. */
public final class Uf {
    /** A regular expression matching exactly one UF code; usable in validation annotations. */
    public static final String PATTERN = "AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO";
    public static final String MESSAGE = "must be a Brazilian state (UF), e.g. SP";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Uf() {
    }

    public static boolean isValid(String code) {
        return code != null && COMPILED.matcher(code).matches();
    }

    public static Set<String> all() {
        return Set.of(PATTERN.split("\\|"));
    }
}
