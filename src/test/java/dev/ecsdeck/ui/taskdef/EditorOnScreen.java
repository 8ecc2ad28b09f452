package dev.ecsdeck.ui.taskdef;

import static dev.ecsdeck.ui.UiTestBench.clusterNamed;
import static dev.ecsdeck.ui.UiTestBench.serviceNamed;
import static dev.ecsdeck.ui.UiTestBench.servicesOf;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;

import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.tree.TreeEntry;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TreeItem;
import javafx.scene.text.Text;
import org.testfx.api.FxRobot;

/** The editor tab as the editor's UI tests open and read it: the way a user opens it, and what it draws. */
final class EditorOnScreen {
    private EditorOnScreen() {
    }

    static Tab selectedTab(UiTestBench bench) {
        return bench.window.detailTabs().getSelectionModel().getSelectedItem();
    }

    /** Selects prod-web/orders-api in the tree and clicks its panel's "Edit task definition": the editor's content. */
    static Node editOrdersApi(FxRobot robot, UiTestBench bench) {
        TreeItem<TreeEntry> clusterRow = bench.waitForRow("cluster prod-web", clusterNamed("prod-web"));
        robot.interact(() -> clusterRow.setExpanded(true));
        TreeItem<TreeEntry> folder = bench.waitForRow("services folder", servicesOf("prod-web"));
        robot.interact(() -> folder.setExpanded(true));
        TreeItem<TreeEntry> row = bench.waitForRow("service orders-api", serviceNamed("prod-web", "orders-api"));
        robot.interact(() -> bench.window.treeController().select(row));
        waitUntil("the service panel", () -> robot.lookup("#editTaskDefinitionButton").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.clickOn("#editTaskDefinitionButton");
        waitUntil("the editor", () -> selectedTab(bench).getText().equals("orders-api:1")
                && !selectedTab(bench).getContent().lookupAll("#image-0").isEmpty());
        return selectedTab(bench).getContent();
    }

    static <T extends Node> T find(FxRobot robot, Node editor, String query) {
        return robot.from(editor).lookup(query).query();
    }

    /** The text a label or cell draws (its LabeledText), which is what is on screen, ellipsis and all. */
    static String drawn(Node labeled) {
        return labeled.lookupAll(".text").stream().filter(n -> n instanceof Text).map(n -> ((Text) n).getText()).findFirst().orElse("");
    }

    static Bounds onScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }
}
