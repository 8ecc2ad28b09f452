package dev.ecsdeck.provider.contract;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.SimEngine;

/** The ECR images contract on the simulator in process. */
class SimImagesContractTest extends ImagesContract {
    @Override
    protected EcsProvider open(SimEngine engine) {
        return new SimProvider(engine, "demo");
    }
}
