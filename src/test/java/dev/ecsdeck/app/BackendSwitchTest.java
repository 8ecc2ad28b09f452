package dev.ecsdeck.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.wire.WireServer;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.shell.BackendChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The backend picker lists the simulator and every profile in the AWS configuration; picking one
 * switches the same window to it and reloads the tree.
 */
class BackendSwitchTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private WireServer server;

    @BeforeEach
    void awsConfigurationWithOneProfile() throws Exception {
        Files.writeString(dir.resolve("config"), "[profile sim-test]\nregion = us-east-1\n");
        Files.writeString(dir.resolve("credentials"), "[sim-test]\naws_access_key_id = TESTKEY\naws_secret_access_key = test-not-a-secret\n");
        System.setProperty("aws.configFile", dir.resolve("config").toString());
        System.setProperty("aws.sharedCredentialsFile", dir.resolve("credentials").toString());
        server = end.closeAfter(new WireServer(DemoSim.demoEngine(), ApiFaults.realTime(1), 0));
    }

    @AfterEach
    void forgetTheAwsConfiguration() {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
    }

    @SuppressWarnings("unchecked")
    @Test
    void pickingAProfileSwitchesTheSameWindowAndReloadsTheTree() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(EcsDeckApp.class, "--config-dir", dir.resolve("ecsdeck").toString(),
                "--refresh-seconds", "0", "--endpoint-url", "http://127.0.0.1:" + server.port());
        UiTestBench.waitUntil("the simulator's window", () -> stage.getScene() != null && stage.getScene().lookup("#backendPicker") != null
                && stage.getTitle().contains("Simulator"));
        ComboBox<BackendChoice> picker = (ComboBox<BackendChoice>) stage.getScene().lookup("#backendPicker");
        assertEquals("[Simulator, Profile sim-test @ http://127.0.0.1:" + server.port() + "]",
                picker.getItems().stream().map(BackendChoice::label).toList().toString());

        robot.clickOn("#backendPicker").clickOn("Profile sim-test @ http://127.0.0.1:" + server.port());
        UiTestBench.waitUntil("the AWS backend in the same window", () -> stage.getTitle().contains("sim-test · us-east-1"));
        UiTestBench.waitUntil("the served clusters in the tree", () -> {
            TreeView<?> tree = (TreeView<?>) stage.getScene().lookup("#clusterTree");
            return tree != null && tree.getRoot().getChildren().size() == 4; // three clusters and the task-definitions folder
        });
        assertSame(stage, FxToolkit.toolkitContext().getRegisteredStage(), "the window was kept");
        assertTrue(stage.isShowing());
        FxToolkit.cleanupApplication(app);
    }
}
