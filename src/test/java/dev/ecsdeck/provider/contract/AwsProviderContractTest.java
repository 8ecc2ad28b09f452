package dev.ecsdeck.provider.contract;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.aws.ServedSimulator;
import dev.ecsdeck.sim.SimEngine;

/** The contract on the AWS SDK provider, over real HTTP to the simulator served on ECS's wire protocol. */
class AwsProviderContractTest extends EcsProviderContract {
    private ServedSimulator served;

    @Override
    protected EcsProvider open(SimEngine engine) {
        served = ServedSimulator.of(engine);
        return served.provider();
    }

    @Override
    protected void closeBackend() {
        served.close();
    }
}
