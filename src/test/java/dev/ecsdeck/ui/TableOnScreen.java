package dev.ecsdeck.ui;

import dev.ecsdeck.app.Settings;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;

/** What a table shows on screen: whether it scrolls sideways, and which shown texts are cut without their whole text in a tooltip. */
public final class TableOnScreen {
    private TableOnScreen() {}

    /**
     * Puts the divider beside the tree where the app puts it when no position was saved (the bench's
     * window leaves it in the middle), so the detail area is as wide as a new user's.
     */
    public static void treeAtDefaultWidth(org.testfx.api.FxRobot robot, UiTestBench bench) {
        robot.interact(() -> bench.window.mainController().horizontalSplit().setDividerPositions(Settings.defaults().treeDivider()));
    }

    /** Whether the table's horizontal scroll bar shows (some columns are behind it). */
    /** The table fits the window in the light theme and, after clicking the Dark switch, in the dark one. */
    public static void assertFitsInLightAndDark(org.testfx.api.FxRobot robot, TableView<?> table) {
        for (String theme : List.of("light", "dark")) {
            if (theme.equals("dark")) {
                robot.clickOn("#darkToggle");
            }
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            org.junit.jupiter.api.Assertions.assertFalse(scrollsSideways(table), theme + ": every column in view, no horizontal scroll bar");
            org.junit.jupiter.api.Assertions.assertEquals(List.of(), cutTexts(table), theme + ": no text cut without its whole text in a tooltip");
        }
    }

    public static boolean scrollsSideways(TableView<?> table) {
        return UiTestBench.fx(() -> table.lookupAll(".scroll-bar").stream()
                .anyMatch(n -> n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()));
    }

    /**
     * The header and cell texts on screen that are shown cut (the drawn text differs from the
     * label's, e.g. ends in "…") while the cell's tooltip does not hold the whole text.
     */
    public static List<String> cutTexts(TableView<?> table) {
        return UiTestBench.onFx(() -> {
            List<String> cut = new ArrayList<>();
            Bounds shown = table.localToScene(table.getLayoutBounds());
            for (Node n : table.lookupAll(".column-header .label")) {
                if (n instanceof Labeled l && l.isVisible()) {
                    check(l, "header", cut);
                }
            }
            for (Node n : table.lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> cell && visibleInside(cell, shown) && cell.getTableColumn() != null) {
                    check(cell, cell.getTableColumn().getText(), cut);
                }
            }
            return cut;
        });
    }

    private static boolean visibleInside(Node node, Bounds shown) {
        for (Node p = node; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        Bounds b = node.localToScene(node.getLayoutBounds());
        return b.getWidth() > 0 && b.getHeight() > 0 && b.intersects(shown);
    }

    private static void check(Labeled labeled, String where, List<String> cut) {
        String full = labeled.getText();
        if (full == null || full.isEmpty()) {
            return;
        }
        for (Node t : labeled.lookupAll(".text")) {
            if (t instanceof Text drawn && drawn.getParent() == labeled && !full.equals(drawn.getText())) {
                boolean inTooltip = labeled.getTooltip() != null && full.equals(labeled.getTooltip().getText());
                if (!inTooltip) {
                    cut.add(where + ": \"" + drawn.getText() + "\" of \"" + full + "\"");
                }
            }
        }
    }
}
