package dev.regua.credit;

import dev.regua.simulators.bureau.Bureau;
import dev.regua.simulators.bureau.BureauSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the bureau simulator in process on a free port and points the three adapters at it. Tests steer and
 * inspect it over its {@code /_admin} HTTP endpoints ({@link SimulatorAdmin}), which work whatever class loader
 * the test runs in.
 */
public class BureauSimulatorTestResource implements QuarkusTestResourceLifecycleManager {
    private BureauSimulator simulator;

    @Override
    public Map<String, String> start() {
        simulator = BureauSimulator.start(0);
        return Map.of(
                "regua.credit.bureaus.serasa.base-url", simulator.baseUrl(Bureau.SERASA),
                "regua.credit.bureaus.spc.base-url", simulator.baseUrl(Bureau.SPC),
                "regua.credit.bureaus.boa-vista.base-url", simulator.baseUrl(Bureau.BOA_VISTA),
                "regua.credit.bureaus.notary.base-url", simulator.baseUrl(Bureau.NOTARY),
                "regua.test.bureau-simulator.url", "http://127.0.0.1:" + simulator.port());
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
