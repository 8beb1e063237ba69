package dev.regua.credit.bureau.adapter;

import dev.regua.credit.bureau.domain.BureauName;
import dev.regua.credit.bureau.domain.BureauPort;
import dev.regua.credit.bureau.domain.NotaryPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/** The configured adapter of each bureau, and of the notary offices' protest central. */
@ApplicationScoped
public class Bureaus {
    private final Map<BureauName, BureauPort> ports = new EnumMap<>(BureauName.class);
    private final NotaryPort notary;

    public Bureaus(BureausConfig config) {
        ports.put(BureauName.SERASA, new SerasaExperianAdapter(config.serasa(), config.timeout()));
        ports.put(BureauName.SPC, new SpcBrasilAdapter(config.spc(), config.timeout()));
        ports.put(BureauName.BOA_VISTA, new BoaVistaAdapter(config.boaVista(), config.timeout()));
        notary = new CraNotaryAdapter(config.notary().baseUrl(), config.notary().apiKey(), config.timeout());
    }

    public NotaryPort notary() {
        return notary;
    }

    public BureauPort of(BureauName name) {
        return ports.get(name);
    }
}
