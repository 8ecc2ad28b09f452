package dev.ecsdeck.provider.contract;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.aws.ServedSimulator;
import dev.ecsdeck.sim.SimEngine;

/** The ECR images contract on the AWS SDK provider's ECR client, over real HTTP to the served simulator. */
class AwsImagesContractTest extends ImagesContract {
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
