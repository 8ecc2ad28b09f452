package dev.ecsdeck.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.wire.WireServer;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.shell.BackendChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Read-only per backend in the real window: a "prod" profile opens read-only and the banner says
 * why; the user's switch is remembered for that backend in settings.json and applied again when
 * the window comes back to it, on switching backends and on the next start.
 */
class ReadOnlyByProfileTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private WireServer server;
    private Stage stage;
    private Application app;

    @BeforeEach
    void awsConfigurationWithAProdProfile() throws Exception {
        Files.writeString(dir.resolve("config"), "[profile prod-admin]\nregion = us-east-1\n[profile sandbox]\nregion = us-east-1\n");
        Files.writeString(dir.resolve("credentials"), "[prod-admin]\naws_access_key_id = TESTKEY\naws_secret_access_key = test-not-a-secret\n"
                + "[sandbox]\naws_access_key_id = TESTKEY2\naws_secret_access_key = test-not-a-secret\n");
        System.setProperty("aws.configFile", dir.resolve("config").toString());
        System.setProperty("aws.sharedCredentialsFile", dir.resolve("credentials").toString());
        server = end.closeAfter(new WireServer(DemoSim.demoEngine(), ApiFaults.realTime(1), 0));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
    }

    private void start(String... extra) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--config-dir", dir.resolve("ecsdeck").toString(),
                "--refresh-seconds", "0", "--endpoint-url", endpoint()), java.util.Arrays.stream(extra)).toArray(String[]::new);
        app = FxToolkit.setupApplication(EcsDeckApp.class, args);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    private Node find(String id) {
        return stage.getScene() == null ? null : stage.getScene().lookup(id);
    }

    @SuppressWarnings("unchecked")
    private void switchTo(String label, String titlePart) {
        UiTestBench.waitUntil("the picker", () -> find("#backendPicker") != null);
        ComboBox<BackendChoice> picker = (ComboBox<BackendChoice>) find("#backendPicker");
        BackendChoice choice = picker.getItems().stream().filter(c -> c.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " is not among " + picker.getItems()));
        robot.interact(() -> picker.setValue(choice));
        UiTestBench.waitUntil(label + " in the window", () -> stage.getTitle().contains(titlePart) && find("#readOnlyToggle") != null
                && find("#backendPicker") != picker);
    }

    private boolean readOnlyShown() {
        return ((ToggleButton) find("#readOnlyToggle")).isSelected() && find("#readOnlyBanner").isVisible();
    }

    private String banner() {
        return ((Label) find("#readOnlyBannerLabel")).getText();
    }

    private Map<String, Boolean> remembered() {
        return new SettingsStore(dir.resolve("ecsdeck")).load().readOnlyByBackend();
    }

    @Test
    void aProdProfileStartsReadOnlyAndEachBackendKeepsTheUsersChoice() throws Exception {
        start();
        UiTestBench.waitUntil("the simulator's window", () -> find("#readOnlyToggle") != null && stage.getTitle().contains("Simulator"));
        assertFalse(readOnlyShown(), "the simulator starts read-write");

        robot.clickOn("#readOnlyToggle");
        UiTestBench.waitUntil("read-only on", this::readOnlyShown);
        assertEquals(Map.of("sim", true), remembered(), "remembered at once");

        switchTo("Profile prod-admin @ " + endpoint(), "prod-admin");
        UiTestBench.waitUntil("prod-admin read-only", this::readOnlyShown);
        assertTrue(banner().startsWith("Read-only: profile prod-admin starts read-only"), banner());

        robot.clickOn("#readOnlyToggle");
        UiTestBench.waitUntil("read-only off", () -> !((ToggleButton) find("#readOnlyToggle")).isSelected());
        assertFalse(find("#readOnlyBanner").isVisible());
        assertEquals(Map.of("sim", true, "aws:prod-admin", false), remembered());

        switchTo("Profile sandbox @ " + endpoint(), "sandbox");
        assertFalse(readOnlyShown(), "another profile keeps its own setting");

        switchTo("Simulator", "Simulator");
        UiTestBench.waitUntil("the simulator read-only again", this::readOnlyShown);
        assertTrue(banner().contains("switched on for the simulator (remembered)"), banner());

        switchTo("Profile prod-admin @ " + endpoint(), "prod-admin");
        assertFalse(readOnlyShown(), "prod-admin stays as the user left it");

        FxToolkit.cleanupApplication(app);
        app = null;
        start("--backend", "aws", "--profile", "prod-admin");
        UiTestBench.waitUntil("prod-admin on the next start", () -> find("#readOnlyToggle") != null && stage.getTitle().contains("prod-admin"));
        assertFalse(readOnlyShown(), "remembered across starts");
        FxToolkit.cleanupApplication(app);
        app = null;

        start("--backend", "aws", "--profile", "prod-admin", "--read-only");
        UiTestBench.waitUntil("forced read-only", () -> find("#readOnlyToggle") != null && readOnlyShown());
        assertTrue(find("#readOnlyToggle").isDisabled(), "--read-only cannot be switched off");
        assertTrue(banner().contains("--read-only"), banner());
    }
}
