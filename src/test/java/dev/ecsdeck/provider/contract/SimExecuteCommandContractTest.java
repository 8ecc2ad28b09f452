package dev.ecsdeck.provider.contract;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.SimEngine;

/** The ECS Exec contract on the simulator in process. */
class SimExecuteCommandContractTest extends ExecuteCommandContract {
    @Override
    protected EcsProvider open(SimEngine engine) {
        return new SimProvider(engine, "demo");
    }
}
