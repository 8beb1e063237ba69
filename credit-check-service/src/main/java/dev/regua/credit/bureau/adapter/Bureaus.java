package dev.regua.credit.bureau.adapter;

import dev.regua.credit.bureau.domain.BureauName;
import dev.regua.credit.bureau.domain.BureauPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/** The configured adapter of each bureau. */
@ApplicationScoped
public class Bureaus {
    private final Map<BureauName, BureauPort> ports = new EnumMap<>(BureauName.class);

    public Bureaus(BureausConfig config) {
        ports.put(BureauName.SERASA, new SerasaExperianAdapter(config.serasa(), config.timeout()));
        ports.put(BureauName.SPC, new SpcBrasilAdapter(config.spc(), config.timeout()));
        ports.put(BureauName.BOA_VISTA, new BoaVistaAdapter(config.boaVista(), config.timeout()));
    }

    public BureauPort of(BureauName name) {
        return ports.get(name);
    }
}
