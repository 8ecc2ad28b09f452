package dev.ecsdeck.ui.service;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.aws.ServedSimulator;
import dev.ecsdeck.sim.SimEngine;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
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
        return end.closeAfter(ServedSimulator.of(engine)).provider();
    }
}
