package dev.ecsdeck.ui.taskdef;

import static dev.ecsdeck.ui.taskdef.EditorOnScreen.drawn;
import static dev.ecsdeck.ui.taskdef.EditorOnScreen.editOrdersApi;
import static dev.ecsdeck.ui.taskdef.EditorOnScreen.find;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.taskdef.DiffEntry;
import dev.ecsdeck.taskdef.Problem;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the editor shows, at the default window size (1280×800): a form edit reaching the JSON and
 * the diff as it is typed, the changed part of a value never cut, problems marked and told in
 * plain words, token colours that are not the error's, and Deregister kept apart from Register.
 */
@ExtendWith(ApplicationExtension.class)
class EditorLegibilityUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    /** The value cell of the image row in the diff table (old above new). */
    private static DiffValueCell imageCell(FxRobot robot, TableView<?> table) {
        return robot.from(table).lookup((Predicate<Node>) n -> n instanceof DiffValueCell c && c.getItem() != null
                && c.getItem().path().endsWith("image") && "diffValues".equals(c.getTableColumn().getId())).query();
    }

    /** One line of the cell: "diff-old-line" or "diff-new-line". */
    private static TextFlow line(DiffValueCell cell, String side) {
        return (TextFlow) cell.getGraphic().lookupAll("." + side).stream().findFirst().orElseThrow(() -> new AssertionError("no " + side));
    }

    private static List<Text> texts(DiffValueCell cell, String side, String styleClass) {
        return line(cell, side).getChildren().stream().map(Text.class::cast).filter(t -> t.getStyleClass().contains(styleClass)).toList();
    }

    @Test
    void aFormEditReachesTheJsonAndTheDiffAsTypedAndTheChangedTagIsShownHighlighted(FxRobot robot) {
        Node editor = editOrdersApi(robot, bench);
        CodeArea json = find(robot, editor, "#jsonArea");
        TextField image = find(robot, editor, "#image-0");
        UiTestBench.scrollIntoView(robot, image);

        // Type the new tag key by key; the field keeps the focus all along.
        robot.clickOn(image).type(KeyCode.END).type(KeyCode.BACK_SPACE, 5).write("3.4");
        waitUntil("the JSON follows mid-word", () -> json.getText().contains("/orders-api:3.4\""));
        robot.write(".3");
        assertTrue(image.isFocused(), "still typing in the field");
        waitUntil("the JSON has the new tag", () -> json.getText().contains("orders-api:3.4.3\""));
        TableView<DiffEntry> table = find(robot, editor, "#diffTable");
        waitUntil("the diff has the change", () -> table.getItems().size() == 1 && table.getItems().get(0).right().contains("3.4.3"));
        assertTrue(image.isFocused(), "the diff followed without leaving the field");

        // The cells as drawn, at the default window size: the changed digit on each side, highlighted.
        waitUntil("the image cell drawn", () -> {
            DiffValueCell both = imageCell(robot, table);
            return both.getGraphic() != null && !both.getGraphic().lookupAll(".diff-new-line").isEmpty()
                    && texts(both, "diff-new-line", "diff-value-text").stream().map(Text::getText).collect(Collectors.joining()).contains("3.4.3");
        });
        DiffValueCell both = imageCell(robot, table);
        String shownRight = texts(both, "diff-new-line", "diff-value-text").stream().map(Text::getText).collect(Collectors.joining());
        String shownLeft = texts(both, "diff-old-line", "diff-value-text").stream().map(Text::getText).collect(Collectors.joining());
        assertThat(shownRight, containsString(":3.4.3"));
        assertThat(shownLeft, containsString(":3.4.1"));
        assertEquals(List.of("3"), texts(both, "diff-new-line", "diff-changed-part").stream().map(Text::getText).toList());
        assertEquals(List.of("1"), texts(both, "diff-old-line", "diff-changed-part").stream().map(Text::getText).toList());
        assertTrue(texts(both, "diff-new-line", "diff-changed-part").get(0).getStyleClass().contains("diff-new-part"));
        // The old line above the new one, each within the cell.
        Bounds cell = both.localToScene(both.getLayoutBounds());
        Bounds oldLine = line(both, "diff-old-line").localToScene(line(both, "diff-old-line").getLayoutBounds());
        Bounds newLine = line(both, "diff-new-line").localToScene(line(both, "diff-new-line").getLayoutBounds());
        assertThat("old above new", oldLine.getMaxY(), lessThanOrEqualTo(newLine.getMinY() + 0.5));
        for (Bounds flow : List.of(oldLine, newLine)) {
            assertThat(flow.getMaxX(), lessThanOrEqualTo(cell.getMaxX() + 0.5));
            assertThat(flow.getMaxY(), lessThanOrEqualTo(cell.getMaxY() + 0.5));
        }

        // The same diff as text: long lines wrap, so the new tag at the end of the line is there.
        robot.clickOn(robot.from(editor).lookup("#diffAsText").<Node>query());
        TextArea text = find(robot, editor, "#diffText");
        waitUntil("the text diff", () -> text.isVisible());
        assertTrue(text.isWrapText());
        assertThat(text.getText(), containsString("orders-api:3.4.1\" \u2192 \"123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api:3.4.3\""));

        // Every form label is drawn whole (wrapped where long), none cut with "…".
        List<Label> labels = robot.from(editor).lookup(".form-label").queryAllAs(Label.class).stream().toList();
        assertThat(labels.size(), greaterThan(10));
        for (Label l : labels) {
            assertEquals(l.getText(), drawn(l), "drawn whole");
            assertFalse(drawn(l).endsWith("\u2026"), "label cut: " + drawn(l));
        }
    }

    @Test
    void deregisterSitsApartFromRegisterLooksNeutralAndStillAsks(FxRobot robot) {
        Node editor = editOrdersApi(robot, bench);
        Button register = find(robot, editor, "#registerButton");
        Button deregister = find(robot, editor, "#deregisterButton");
        Bounds r = register.localToScene(register.getLayoutBounds());
        Bounds d = deregister.localToScene(deregister.getLayoutBounds());
        assertThat("a gap between the two", d.getMinX() - r.getMaxX(), greaterThan(200.0));
        assertFalse(deregister.getStyleClass().contains("danger") || deregister.getStyleClass().contains("accent"),
                deregister.getStyleClass().toString());
        assertThat(d.getMaxX(), lessThanOrEqualTo(deregister.getScene().getWidth()));

        robot.clickOn(deregister);
        waitUntil("a confirmation", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getContentText(),
                containsString("Deregister task definition orders-api:1?"));
        UiTestBench.answerDialog(robot, "Cancel");
        waitUntil("the confirmation closed", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertEquals("ACTIVE", bench.backend.describeTaskDefinition("orders-api:1").status(), "cancelled: nothing deregistered");
    }

    @Test
    void aSyntaxErrorIsMarkedInTheGutterAndTheLineToldInPlainWordsAndTheListKeepsItsHeight(FxRobot robot) {
        Node editor = editOrdersApi(robot, bench);
        // The rollout pane open below, as after a deploy.
        robot.clickOn(robot.from(editor).lookup("#forceButton").<Node>query());
        UiTestBench.answerDialog(robot, "Confirm");
        waitUntil("the rollout pane", () -> find(robot, editor, "#rolloutPane").isVisible());

        robot.clickOn(robot.from(editor).lookup("JSON").<Node>query());
        CodeArea json = find(robot, editor, "#jsonArea");
        Label summary = find(robot, editor, "#validationSummary");
        ListView<Problem> problems = find(robot, editor, "#problemsList");
        robot.clickOn(json);
        robot.press(KeyCode.SHORTCUT).type(KeyCode.HOME).release(KeyCode.SHORTCUT).type(KeyCode.END).write(",");
        waitUntil("the syntax error", () -> summary.getText().startsWith("1 error"));

        // The line: tinted (a background from the stylesheet) and a sign in the gutter.
        waitUntil("the marks", () -> !json.lookupAll(".problem-marker-error").isEmpty());
        Node line = json.lookupAll(".problem-line-error").stream().findFirst().orElseThrow();
        assertTrue(line instanceof Region reg && reg.getBackground() != null && !reg.getBackground().getFills().isEmpty(),
                "the problem line has a background");
        List<Node> signs = List.copyOf(json.lookupAll(".problem-marker-error"));
        assertEquals(1, signs.size(), "one sign, on the one bad line");
        Label sign = (Label) signs.get(0);
        assertTrue(sign.getBackground() != null && !sign.getBackground().getFills().isEmpty(), "the sign is drawn");
        assertThat(sign.getTooltip().getText(), containsString("1:2"));

        // The message: line:column and plain words, drawn whole.
        ListCell<?> cell = robot.from(problems).lookup((Predicate<Node>) n -> n instanceof ListCell<?> c && c.getItem() != null).query();
        Text message = (Text) cell.getGraphic();
        assertEquals("1:2 \u2014 Invalid JSON: a name in double quotes was expected here, found ','", message.getText());
        assertThat("wrapped to the list", message.getWrappingWidth(), greaterThan(0.0));
        Bounds drawnMessage = message.localToScene(message.getLayoutBounds());
        Bounds list = problems.localToScene(problems.getLayoutBounds());
        assertThat("inside the list, not cut at its right", drawnMessage.getMaxX(), lessThanOrEqualTo(list.getMaxX()));
        assertThat("the cell is as tall as the wrapped message", cell.getHeight(), greaterThanOrEqualTo(message.getLayoutBounds().getHeight()));
        assertThat("the list keeps room for its problems", problems.getHeight(), greaterThanOrEqualTo(88.0));

        // Dark theme: true/false/null are not drawn like the error.
        java.util.function.Supplier<Text> literalText = () -> json.lookupAll(".json-literal").stream().filter(n -> n instanceof Text)
                .map(Text.class::cast).findFirst().orElseThrow();
        Paint light = UiTestBench.onFx(() -> literalText.get().getFill());
        robot.clickOn("#darkToggle");
        try {
            waitUntil("dark colours", () -> json.getScene().getRoot().getStyleClass().contains("dark") && !light.equals(literalText.get().getFill()));
            Text literal = literalText.get();
            Paint error = message.getFill();
            assertTrue(cell.getStyleClass().contains("problem-error"));
            assertNotEquals(error, literal.getFill(), "a boolean is not in the error's colour");
            assertNotEquals(javafx.scene.paint.Color.web("#f85149"), literal.getFill());
            assertFalse(literal.getFont().getStyle().toLowerCase().contains("bold"), literal.getFont().toString());
        } finally {
            robot.clickOn("#darkToggle");
            waitUntil("light again", () -> !json.getScene().getRoot().getStyleClass().contains("dark"));
        }
    }
}
