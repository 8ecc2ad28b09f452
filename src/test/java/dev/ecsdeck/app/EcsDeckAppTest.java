package dev.ecsdeck.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The real application, started twice on one config folder: what the user set in the first run is there in the second. */
class EcsDeckAppTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    @TempDir
    Path config;
    private final FxRobot robot = new FxRobot();
    private Stage stage;

    private Application launch() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(EcsDeckApp.class, "--config-dir", config.toString(), "--refresh-seconds", "0");
        UiTestBench.waitUntil("the main window", () -> stage.isShowing() && stage.getScene() != null
                && stage.getScene().lookup("#darkToggle") != null);
        return app;
    }

    @Test
    void windowSizeSplitPositionsAndThemePersistBetweenRuns() throws Exception {
        Application first = launch();
        robot.interact(() -> {
            stage.setMaximized(false);
            stage.setWidth(1111);
            stage.setHeight(777);
            ((SplitPane) stage.getScene().lookup("#horizontalSplit")).setDividerPositions(0.42);
            ((ToggleButton) stage.getScene().lookup("#darkToggle")).fire();
        });
        FxToolkit.cleanupApplication(first);
        Settings saved = new SettingsStore(config).load();
        assertEquals(1111, saved.window().width(), 0.5);
        assertEquals(777, saved.window().height(), 0.5);
        assertEquals(0.42, saved.treeDivider(), 0.02);
        assertTrue(saved.dark());

        Application second = launch();
        robot.interact(() -> {
            assertTrue(((ToggleButton) stage.getScene().lookup("#darkToggle")).isSelected(), "dark theme again");
            assertEquals(1111, stage.getWidth(), 0.5);
            assertEquals(0.42, ((SplitPane) stage.getScene().lookup("#horizontalSplit")).getDividerPositions()[0], 0.02);
        });
        FxToolkit.cleanupApplication(second);
    }
}
