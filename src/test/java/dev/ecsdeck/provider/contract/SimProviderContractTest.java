package dev.ecsdeck.provider.contract;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.provider.sim.SimProvider;

/** The contract on the simulator in process. */
class SimProviderContractTest extends EcsProviderContract {
    @Override
    protected EcsProvider open(SimEngine engine) {
        return new SimProvider(engine, "demo");
    }
}
