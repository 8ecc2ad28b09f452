package dev.ecsdeck.ui.services;

import static dev.ecsdeck.ui.UiTestBench.clusterNamed;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A refresh changes the text of the services table's tooltips and keeps the tooltips: the soak
 * bench found a new tooltip (a popup window each) made for every cell on every auto refresh, one of
 * the FX thread's longest stalls.
 */
@ExtendWith(ApplicationExtension.class)
class ServicesTableTooltipUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    private static Map<TableCell<?, ?>, Tooltip> tooltips(FxRobot robot) {
        return UiTestBench.onFx(() -> {
            Map<TableCell<?, ?>, Tooltip> out = new IdentityHashMap<>();
            robot.lookup("#servicesTable").lookup(".table-cell").queryAll().forEach(n -> {
                if (n instanceof TableCell<?, ?> c && c.getTooltip() != null) {
                    out.put(c, c.getTooltip());
                }
            });
            return out;
        });
    }

    @Test
    void aRefreshKeepsEachCellsTooltip(FxRobot robot) {
        bench.waitForRow("cluster prod-web", clusterNamed("prod-web"));
        java.util.function.Predicate<TreeCell<TreeEntry>> prodWeb = c -> c.getItem() instanceof TreeEntry.ClusterEntry e
                && e.cluster().clusterName().equals("prod-web");
        waitUntil("the row of prod-web on screen", () -> robot.lookup(".tree-cell").match(prodWeb).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".tree-cell").match(prodWeb).<Node>query());
        waitUntil("the services table on screen", () -> robot.lookup("#servicesTable").tryQuery().isPresent());
        TableView<ServiceRow> table = robot.lookup("#servicesTable").queryTableView();
        waitUntil("the services of prod-web", () -> table.isVisible() && table.getItems().size() == 6);
        Map<TableCell<?, ?>, Tooltip> before = tooltips(robot);
        assertTrue(before.size() >= 6, "the cells have tooltips: " + before.size());
        List<ServiceRow> rows = UiTestBench.onFx(() -> List.copyOf(table.getItems()));

        bench.clock.advance(Duration.ofMinutes(10));
        robot.type(KeyCode.F5);
        waitUntil("the refreshed rows", () -> !table.getItems().equals(rows));
        WaitForAsyncUtils.waitForFxEvents();

        Map<TableCell<?, ?>, Tooltip> after = tooltips(robot);
        before.forEach((cell, tip) -> {
            if (after.containsKey(cell)) {
                assertTrue(after.get(cell) == tip, "the cell kept its tooltip: " + tip.getText() + " / " + after.get(cell).getText());
            }
        });
        assertTrue(after.keySet().stream().filter(before::containsKey).count() >= 6, "cells with tooltips both times");
        bench.closeAndCheck();
    }
}
