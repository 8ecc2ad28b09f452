package dev.ecsdeck.ui.taskdef;

import static dev.ecsdeck.ui.taskdef.EditorOnScreen.drawn;
import static dev.ecsdeck.ui.taskdef.EditorOnScreen.editOrdersApi;
import static dev.ecsdeck.ui.taskdef.EditorOnScreen.find;
import static dev.ecsdeck.ui.taskdef.EditorOnScreen.onScene;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ecsdeck.taskdef.DiffEntry;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The editor at the default window size (1280×800), nothing a user needs cut: the deploy row's
 * chosen service and its status whole, the form's fields wide and showing the image's tag, and the
 * diff showing a changed image reference whole to its tag — in the light and the dark theme.
 */
@ExtendWith(ApplicationExtension.class)
class EditorFitUiTest {
    private static final String ELLIPSIS = "\u2026";
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    private static String joined(TextFlow flow) {
        return flow.getChildren().stream().map(n -> ((Text) n).getText()).collect(Collectors.joining());
    }

    /** The drawn diff line (a TextFlow in the diff table) that contains {@code part}, if any. */
    private static Optional<TextFlow> diffLine(TableView<?> table, String part) {
        return table.lookupAll(".diff-value").stream().filter(n -> n instanceof TextFlow && n.isVisible()).map(TextFlow.class::cast)
                .filter(f -> joined(f).contains(part)).findFirst();
    }

    @Test
    void theDeployRowShowsTheChosenServiceAndItsStatusWhole(FxRobot robot) {
        Node editor = editOrdersApi(robot, bench);
        ComboBox<DeployViewModel.Target> targets = find(robot, editor, "#deployTargets");
        Label status = find(robot, editor, "#deployStatus");
        waitUntil("the services found", () -> targets.getValue() != null && status.getText().endsWith("run orders-api."));
        String chosen = targets.getValue().label();
        assertThat(chosen, containsString("(runs orders-api:"));
        for (boolean dark : List.of(false, true)) {
            if (dark) {
                robot.clickOn("#darkToggle");
                waitUntil("dark colours", () -> editor.getScene().getRoot().getStyleClass().contains("dark"));
            }
            robot.interact(() -> { });
            ListCell<?> shown = robot.from(targets).lookup((java.util.function.Predicate<Node>) n -> n instanceof ListCell<?> && n.getParent() == targets)
                    .queryAs(ListCell.class);
            assertEquals(chosen, drawn(shown), "the chosen service and what it runs, drawn whole");
            assertFalse(drawn(shown).endsWith(ELLIPSIS));
            assertEquals(status.getText(), drawn(status), "the status drawn whole");
            assertFalse(drawn(status).endsWith(ELLIPSIS));
            assertThat("the status inside the window", onScene(status).getMaxX(), lessThanOrEqualTo(editor.getScene().getWidth()));
            assertThat("the picker inside the window", onScene(targets).getMaxX(), lessThanOrEqualTo(editor.getScene().getWidth()));
        }
        robot.clickOn("#darkToggle");
        waitUntil("light again", () -> !editor.getScene().getRoot().getStyleClass().contains("dark"));
    }

    @Test
    void theImageFieldShowsItsTagAndTheDiffShowsTheChangedImageWhole(FxRobot robot) {
        Node editor = editOrdersApi(robot, bench);
        TextField image = find(robot, editor, "#image-0");
        UiTestBench.scrollIntoView(robot, image);
        String original = image.getText();
        assertThat(original, containsString("/orders-api:3.4.1"));

        // Wide: the field fills its column, not a sliver beside its label.
        assertThat("the image field's width", image.getWidth(), greaterThan(240.0));
        TextField executionRole = find(robot, editor, "#execution-role");
        assertThat("the execution role field's width", executionRole.getWidth(), greaterThan(240.0));

        // Not focused, a value wider than the field shows its end: the tag is in sight, the full value in a tooltip.
        assertFalse(image.isFocused());
        assertShowsItsEnd(image);
        assertNotNull(image.getTooltip(), "the full value on hover");
        assertEquals(original, image.getTooltip().getText());
        // (The execution role fits its field at this size: its end-in-sight check varied with the skin's scroll state between runs.)

        // A new tag typed, then the field left: its end is shown again.
        robot.clickOn(image).type(KeyCode.END).type(KeyCode.BACK_SPACE, 5).write("3.4.3");
        robot.type(KeyCode.TAB);
        waitUntil("the image field left", () -> !image.isFocused());
        assertThat(image.getText(), containsString("/orders-api:3.4.3"));
        assertShowsItsEnd(image);
        assertEquals(image.getText(), image.getTooltip().getText());

        // The diff: the old and the new image reference each drawn whole from the repository to the tag.
        TableView<DiffEntry> table = find(robot, editor, "#diffTable");
        waitUntil("the diff has the change", () -> table.getItems().size() == 1 && table.getItems().get(0).right().contains("3.4.3"));
        for (boolean dark : List.of(false, true)) {
            if (dark) {
                robot.clickOn("#darkToggle");
                waitUntil("dark colours", () -> editor.getScene().getRoot().getStyleClass().contains("dark"));
            }
            waitUntil("the new reference drawn whole", () -> diffLine(table, "orders-api:3.4.3").isPresent());
            waitUntil("the old reference drawn whole", () -> diffLine(table, "orders-api:3.4.1").isPresent());
            for (String ref : List.of("/orders-api:3.4.3\"", "/orders-api:3.4.1\"")) {
                TextFlow line = diffLine(table, ref).orElseThrow(() -> new AssertionError("not drawn whole: " + ref));
                Bounds drawnLine = onScene(line);
                Bounds tableBounds = onScene(table);
                assertThat("inside the table, not cut at its right", drawnLine.getMaxX(), lessThanOrEqualTo(tableBounds.getMaxX() + 0.5));
                Node cell = line.getParent();
                while (!(cell instanceof javafx.scene.control.TableCell<?, ?>)) {
                    cell = cell.getParent();
                }
                assertThat("inside its cell", drawnLine.getMaxX(), lessThanOrEqualTo(onScene(cell).getMaxX() + 0.5));
                assertThat("inside its cell", drawnLine.getMaxY(), lessThanOrEqualTo(onScene(cell).getMaxY() + 0.5));
            }
        }
        robot.clickOn("#darkToggle");
        waitUntil("light again", () -> !editor.getScene().getRoot().getStyleClass().contains("dark"));

        // Every form label drawn whole.
        List<Label> labels = robot.from(editor).lookup(".form-label").queryAllAs(Label.class).stream().toList();
        assertThat(labels.size(), greaterThan(10));
        for (Label l : labels) {
            assertEquals(l.getText(), drawn(l), "drawn whole");
            assertFalse(drawn(l).endsWith(ELLIPSIS), "label cut: " + drawn(l));
        }
    }

    /** The field's text ends inside the field; when it is wider than the field, its start is what is scrolled out. */
    private static void assertShowsItsEnd(TextField field) {
        UiTestBench.waitUntil("the end of " + field.getId() + " in sight", () -> {
            Text text = shownText(field);
            if (text == null) {
                return false;
            }
            Bounds t = onScene(text);
            double innerLeft = onScene(field).getMinX() + field.getPadding().getLeft();
            double innerRight = onScene(field).getMaxX() - field.getPadding().getRight();
            // Its end inside the field, not cut at the right: the tag is in sight.
            return t.getMaxX() <= innerRight + 1 && t.getMaxX() > innerLeft;
        });
        Text text = shownText(field);
        double innerWidth = field.getWidth() - field.getPadding().getLeft() - field.getPadding().getRight();
        if (onScene(text).getWidth() > innerWidth) {
            assertThat("its start scrolled out", onScene(text).getMinX(), lessThan(onScene(field).getMinX() + field.getPadding().getLeft()));
        }
    }

    private static Text shownText(TextField field) {
        return field.lookupAll(".text").stream().filter(n -> n instanceof Text t && t.getText().equals(field.getText()))
                .map(Text.class::cast).findFirst().orElse(null);
    }
}
