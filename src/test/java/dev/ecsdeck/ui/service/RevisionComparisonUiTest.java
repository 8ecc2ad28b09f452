package dev.ecsdeck.ui.service;

import static dev.ecsdeck.ui.UiTestBench.onFx;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.taskdef.DiffEntry;
import dev.ecsdeck.ui.TableOnScreen;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The comparison window over the real console on the demo simulator: checkout's two service
 * revisions side by side, the differing rows coloured with both values, the unchanged ones shown
 * when "Only differences" is clicked off, then closed from the keyboard or its button.
 */
@ExtendWith(ApplicationExtension.class)
class RevisionComparisonUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    /** Opens the window as the deployment history will, on the FX thread. */
    private RevisionComparisonWindow open(String older, String newer) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> RevisionComparisonWindow.open(bench.window.scene().getWindow(), bench.provider,
                    bench.executor, older, newer)).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Could not open the comparison", e);
        }
    }

    /** The row of a table showing {@code item}, if it is on screen inside the table's viewport. */
    private static Optional<TableRow<?>> shownRow(TableView<?> table, Object item) {
        return onFx(() -> {
            Bounds shown = table.localToScene(table.getLayoutBounds());
            Node header = table.lookup(".column-header-background");
            double top = header == null ? shown.getMinY() : header.localToScene(header.getLayoutBounds()).getMaxY();
            for (Node n : table.lookupAll(".table-row-cell")) {
                if (n instanceof TableRow<?> row && row.isVisible() && item.equals(row.getItem())) {
                    Bounds b = row.localToScene(row.getLayoutBounds());
                    if (b.getMinY() >= top - 1 && b.getMaxY() <= shown.getMaxY() + 1) {
                        return Optional.<TableRow<?>>of(row);
                    }
                }
            }
            return Optional.<TableRow<?>>empty();
        });
    }

    /** The texts a row draws, cell by cell: a label's text, or the pieces of a diff cell's text flows. */
    private static List<String> cellTexts(TableRow<?> row) {
        return onFx(() -> row.lookupAll(".table-cell").stream().filter(n -> n instanceof TableCell<?, ?>).map(n -> {
            TableCell<?, ?> cell = (TableCell<?, ?>) n;
            if (cell.getGraphic() == null) {
                return cell.getText() == null ? "" : cell.getText();
            }
            StringBuilder drawn = new StringBuilder();
            cell.getGraphic().lookupAll(".diff-value-text").forEach(t -> drawn.append(t instanceof Text x ? x.getText() : ""));
            return drawn.toString();
        }).toList());
    }

    /** Whether the node and every parent of it are visible. */
    private static boolean shown(Node node) {
        return onFx(() -> {
            for (Node n = node; n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    private static RevisionComparisonRow comparisonRow(TableView<?> table, String field) {
        return onFx(() -> table.getItems().stream().map(RevisionComparisonRow.class::cast).filter(r -> r.field().equals(field))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + field)));
    }

    @SuppressWarnings("unchecked")
    @Test
    void checkoutsRevisionsSideBySideThenEveryRowWithTheToggleOffThenEscapeCloses(FxRobot robot) {
        List<String> arns = RevisionComparisonViewModelTest.revisions(bench.backend, "checkout");
        RevisionComparisonWindow window = open(arns.get(0), arns.get(1));
        waitUntil("both revisions read", () -> window.stage().getTitle().equals("checkout: checkout:1 \u2192 checkout:2"));
        Parent root = window.stage().getScene().getRoot();
        TableView<RevisionComparisonRow> table = robot.from(root).lookup("#comparisonTable").queryAs(TableView.class);
        TableView<DiffEntry> diff = robot.from(root).lookup("#diffTable").queryAs(TableView.class);
        waitUntil("the differing rows", () -> table.getItems().size() == 4);
        assertEquals("checkout: checkout:1 \u2192 checkout:2", robot.from(root).lookup("#comparisonHeading").queryAs(Label.class).getText());
        assertEquals("4 of 15 fields differ", robot.from(root).lookup("#comparisonStatus").queryAs(Label.class).getText());
        assertFalse(shown(robot.from(root).lookup("#comparisonError").query()));

        // The image and its digest: both values on one row, old on the left, coloured as changed.
        waitUntil("the image row drawn", () -> shownRow(table, comparisonRow(table, "checkout image")).isPresent());
        TableRow<?> image = shownRow(table, comparisonRow(table, "checkout image")).orElseThrow();
        assertEquals(List.of("Images", "checkout image", "123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:1.8.0",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:1.9.0"), cellTexts(image));
        assertTrue(image.getStyleClass().contains("diff-changed"));
        TableRow<?> digest = shownRow(table, comparisonRow(table, "checkout digest")).orElseThrow();
        assertThat(cellTexts(digest).get(2), containsString("sha256:ca9c3bdc"));
        assertThat(cellTexts(digest).get(3), containsString("sha256:3012f8b5"));
        assertTrue(digest.getStyleClass().contains("diff-changed"));
        assertEquals(List.of(), TableOnScreen.cutTexts(table), "no value cut without its whole text in a tooltip");

        // The task definition's image, in the existing diff pane, both sides shown and coloured.
        DiffEntry changedImage = onFx(() -> diff.getItems().stream().filter(d -> d.path().equals("containerDefinitions[checkout].image"))
                .findFirst().orElseThrow());
        assertEquals(DiffEntry.Change.CHANGED, changedImage.change());
        TableRow<?> diffImage = shownRow(diff, changedImage).orElseThrow();
        assertThat(cellTexts(diffImage).get(1), containsString("1.8.0"));
        assertThat(cellTexts(diffImage).get(2), containsString("1.9.0"));
        assertTrue(diffImage.getStyleClass().contains("diff-changed"));
        int changedPaths = onFx(() -> diff.getItems().size());

        // Every row with the switch off: the unchanged ones too, below the fold until scrolled to.
        robot.clickOn(robot.from(root).lookup("#onlyDifferences").<Node>query());
        waitUntil("every row", () -> table.getItems().size() == 15);
        RevisionComparisonRow platformFamily = comparisonRow(table, "Platform family");
        assertEquals(new RevisionComparisonRow("Capacity", "Platform family", "Linux", "Linux"), platformFamily);
        assertTrue(shownRow(table, platformFamily).isEmpty(), "the last row is below the fold before scrolling");
        // The scroll bar's thumb dragged down with the mouse (the wheel's direction is the platform's to say).
        robot.drag(robot.from(table).lookup(".scroll-bar:vertical .thumb").<Node>query()).dropBy(0, 300);
        waitUntil("the last row scrolled into view", () -> shownRow(table, platformFamily).isPresent());
        TableRow<?> unchanged = shownRow(table, platformFamily).orElseThrow();
        assertEquals(List.of("", "Platform family", "Linux", "Linux"), cellTexts(unchanged).subList(0, 4));
        assertTrue(unchanged.getStyleClass().contains("diff-unchanged"));
        assertFalse(unchanged.getStyleClass().contains("diff-changed"));
        waitUntil("the unchanged task-definition paths", () -> diff.getItems().size() > changedPaths);
        assertThat(onFx(() -> List.copyOf(diff.getItems())), hasItem(new DiffEntry("family", DiffEntry.Change.UNCHANGED, "\"checkout\"", "\"checkout\"")));

        // Switched back on: only the differences again.
        robot.clickOn(robot.from(root).lookup("#onlyDifferences").<Node>query());
        waitUntil("the differing rows again", () -> table.getItems().size() == 4 && diff.getItems().size() == changedPaths);

        robot.type(KeyCode.ESCAPE);
        waitUntil("the comparison closed", () -> !window.stage().isShowing());
        bench.closeAndCheck();
    }

    @Test
    void aRevisionEcsNoLongerKnowsIsSaidInTheWindowWhichItsCloseButtonCloses(FxRobot robot) {
        String older = RevisionComparisonViewModelTest.revisions(bench.backend, "checkout").get(0);
        // Through the service panel's entry, as the deployment history calls it.
        ServicePanelContext context = new ServicePanelContext(bench.provider, bench.executor, null, null, null, null);
        RevisionComparisonWindow window = onFx(() -> RevisionComparisonWindow.open(bench.window.scene().getWindow(), context,
                List.of(older, "arn:aws:ecs:us-east-1:000000000000:service-revision/prod-web/checkout/1234")));
        Parent root = window.stage().getScene().getRoot();
        Label error = robot.from(root).lookup("#comparisonError").queryAs(Label.class);
        waitUntil("the error", () -> error.isVisible() && !error.getText().isEmpty());
        assertEquals("ECS does not know the newer service revision prod-web/checkout/1234.", error.getText());
        assertEquals("The task definitions could not be compared.", onFx(() -> robot.from(root).lookup("#comparisonTaskDefinition")
                .lookup(".label").queryAll().stream().filter(Node::isVisible).map(n -> ((Label) n).getText())
                .filter(t -> t.startsWith("The task")).findFirst().orElse("")));
        assertFalse(shown(robot.from(root).lookup("#diffTable").query()), "no diff claims 'No differences'");
        assertEquals("checkout: service revisions", window.stage().getTitle());

        robot.clickOn(robot.from(root).lookup("#comparisonClose").<Node>query());
        waitUntil("the comparison closed", () -> !window.stage().isShowing());
        bench.closeAndCheck();
    }
}
