package dev.ecsdeck.ui.service;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.aws.AwsEcsProvider;
import dev.ecsdeck.provider.aws.AwsSettings;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.WireServer;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtendWith;
import javafx.stage.Stage;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The same blue/green deploy through the AWS provider (the SDK's ECS and ELBv2 clients) against the served simulator. */
@ExtendWith(ApplicationExtension.class)
class BlueGreenDeployAwsUiTest extends BlueGreenDeployAcceptance {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    protected EcsProvider windowBackend(SimEngine engine) {
        WireServer server;
        try {
            server = end.closeAfter(new WireServer(engine, ApiFaults.realTime(1), 0));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new AwsEcsProvider(new AwsSettings(null, "us-east-1", URI.create("http://127.0.0.1:" + server.port())));
    }
}
