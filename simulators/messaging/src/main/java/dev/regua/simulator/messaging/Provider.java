package dev.regua.simulator.messaging;

/** The providers the simulator stands in for. */
public enum Provider {
    ZENVIA("zenvia"), TWILIO("twilio"), WHATSAPP("whatsapp");

    private final String id;

    Provider(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Provider of(String id) {
        for (Provider p : values()) {
            if (p.id.equalsIgnoreCase(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider " + id);
    }
}
