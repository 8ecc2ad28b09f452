package dev.ecsdeck.ui.service;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.sim.SimEngine;
import org.junit.jupiter.api.extension.ExtendWith;
import javafx.stage.Stage;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The blue/green acceptance on the simulator in process. */
@ExtendWith(ApplicationExtension.class)
class BlueGreenDeploySimUiTest extends BlueGreenDeployAcceptance {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    protected EcsProvider windowBackend(SimEngine engine) {
        return null;
    }
}
