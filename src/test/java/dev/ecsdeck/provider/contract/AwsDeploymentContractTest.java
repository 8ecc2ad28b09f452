package dev.ecsdeck.provider.contract;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.aws.ServedSimulator;
import dev.ecsdeck.sim.SimEngine;

/** The deployment contract on the AWS SDK provider (its ECS and ELBv2 clients), over real HTTP to the served simulator. */
class AwsDeploymentContractTest extends DeploymentContract {
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
