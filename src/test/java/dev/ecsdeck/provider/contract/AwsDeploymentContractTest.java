package dev.ecsdeck.provider.contract;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.aws.AwsEcsProvider;
import dev.ecsdeck.provider.aws.AwsSettings;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.WireServer;
import java.net.URI;

/** The deployment contract on the AWS SDK provider (its ECS and ELBv2 clients), over real HTTP to the served simulator. */
class AwsDeploymentContractTest extends DeploymentContract {
    private WireServer server;

    @Override
    protected EcsProvider open(SimEngine engine) throws Exception {
        server = new WireServer(engine, ApiFaults.realTime(1), 0);
        return new AwsEcsProvider(new AwsSettings(null, "us-east-1", URI.create("http://127.0.0.1:" + server.port())));
    }

    @Override
    protected void closeBackend() {
        server.close();
    }
}
