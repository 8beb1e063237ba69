package dev.regua.credit.bureau.domain;

import java.util.Locale;

/** The credit bureaus Régua can negativar with and consult. */
public enum BureauName {
    SERASA, SPC, BOA_VISTA;

    public static BureauName parse(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return v.equals("BOAVISTA") ? BOA_VISTA : valueOf(v);
    }
}
