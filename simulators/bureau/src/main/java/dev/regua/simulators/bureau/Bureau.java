package dev.regua.simulators.bureau;

import java.util.Locale;

/** The three bureaus the simulator speaks for; each lives under its own path prefix (its "host"). */
public enum Bureau {
    SERASA("serasa"),
    SPC("spc"),
    BOA_VISTA("boavista"),
    /** The notary offices' protest centre (CRA, Central de Remessa de Arquivos): protests, consent, cancellation. */
    NOTARY("cra");

    private final String prefix;

    Bureau(String prefix) {
        this.prefix = prefix;
    }

    /** The first path segment, e.g. {@code serasa}: the base URL of a bureau is {@code http://host:port/<prefix>}. */
    public String prefix() {
        return prefix;
    }

    public static Bureau parse(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (v.equals("BOAVISTA")) {
            return BOA_VISTA;
        }
        if (v.equals("CRA")) {
            return NOTARY;
        }
        return Bureau.valueOf(v);
    }

    /** What a client can ask a bureau. */
    public enum Operation {
        LOGIN, REPORT, NOTICE, REGISTER, REMOVE, PROTEST, PROTEST_STATUS, WITHDRAW_PROTEST, CONSENT, CANCEL_PROTEST
    }
}
