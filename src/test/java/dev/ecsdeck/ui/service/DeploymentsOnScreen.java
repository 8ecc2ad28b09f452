package dev.ecsdeck.ui.service;

import static dev.ecsdeck.ui.UiTestBench.onFx;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.testfx.api.FxRobot;

/** What the Deployments tab shows, read off the real window: the history's rows and the timeline's words. */
final class DeploymentsOnScreen {
    private DeploymentsOnScreen() {
    }

    @SuppressWarnings("unchecked")
    static TableView<DeploymentHistoryRow> history(FxRobot robot) {
        return robot.lookup("#deploymentHistoryTable").queryAs(TableView.class);
    }

    static List<DeploymentHistoryRow> rows(FxRobot robot) {
        return onFx(() -> List.copyOf(history(robot).getItems()));
    }

    /** A label's text, or "" while it is hidden or not there. */
    static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).tryQuery().map(n -> n.isVisible() ? ((Label) n).getText() : "").orElse(""));
    }

    /** The timeline's hook lines. */
    static String hooks(FxRobot robot) {
        return onFx(() -> robot.lookup("#timelineHooks .label").queryAll().stream().map(n -> ((Label) n).getText()).toList().toString());
    }
}
