package dev.ecsdeck.ui.taskdef;

import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.taskdef.DiffEntry;
import dev.ecsdeck.taskdef.Problem;
import dev.ecsdeck.taskdef.Severity;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The revisions browser, and the JSON side of the editor: typing, problems, undo, find/replace, outline. */
@ExtendWith(ApplicationExtension.class)
class RevisionsAndJsonUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    private Tab selectedTab() {
        return bench.window.detailTabs().getSelectionModel().getSelectedItem();
    }

    private Node browser(FxRobot robot) {
        Node header = robot.lookup(".tab").queryAll().stream()
                .filter(n -> n.lookup(".tab-label") instanceof Label l && "Task definitions".equals(l.getText())).findFirst().orElseThrow();
        robot.clickOn(header);
        Node view = bench.window.detailTabs().getTabs().get(1).getContent();
        ListView<String> families = robot.from(view).lookup("#familiesList").queryListView();
        waitUntil("the families", () -> families.getItems().contains("orders-api"));
        return view;
    }

    @SuppressWarnings("unchecked")
    private static TableView<RevisionRow> revisions(FxRobot robot, Node browser) {
        return robot.from(browser).lookup("#revisionsTable").queryAs(TableView.class);
    }

    private static TableRow<?> rowOf(FxRobot robot, Node browser, int revision) {
        return robot.from(browser)
                .lookup((java.util.function.Predicate<Node>) n -> n instanceof TableRow<?> r
                        && r.getItem() instanceof RevisionRow rr && rr.revision() == revision)
                .query();
    }

    private static String confirm(FxRobot robot) {
        waitUntil("a confirmation", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        String question = robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText();
        dev.ecsdeck.ui.UiTestBench.answerDialog(robot, "Confirm");
        waitUntil("the confirmation closed", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        return question;
    }

    @Test
    void theBrowserListsRevisionsWithTheirServicesComparesAndDeregisters(FxRobot robot) {
        Node browser = browser(robot);
        robot.clickOn("orders-api");
        TableView<RevisionRow> table = revisions(robot, browser);
        waitUntil("orders-api's revisions", () -> table.getItems().size() == 2);
        assertEquals(List.of(2, 1), table.getItems().stream().map(RevisionRow::revision).toList(), "newest first");
        assertThat(String.join(", ", table.getItems().get(1).usedBy()), containsString("prod-web/orders-api"));
        waitUntil("used-by shown", () -> robot.from(browser)
                .lookup((java.util.function.Predicate<Node>) n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && c.getText() != null && c.getText().contains("prod-web/orders-api")).tryQuery().isPresent());

        // Compare: both rows chosen, the older on the left.
        robot.clickOn(rowOf(robot, browser, 2));
        robot.press(KeyCode.SHORTCUT).clickOn(rowOf(robot, browser, 1)).release(KeyCode.SHORTCUT);
        waitUntil("two chosen", () -> table.getSelectionModel().getSelectedItems().size() == 2);
        robot.clickOn(robot.from(browser).lookup("#compareRevisions").<Node>query());
        @SuppressWarnings("unchecked")
        TableView<DiffEntry> diff = robot.from(browser).lookup("#diffTable").queryAs(TableView.class);
        waitUntil("the comparison", () -> diff.getItems().stream().anyMatch(d -> d.path().endsWith("image")));
        DiffEntry image = diff.getItems().stream().filter(d -> d.path().endsWith("image")).findFirst().orElseThrow();
        assertThat(image.left(), containsString("3.4.1"));
        assertThat(image.right(), containsString("3.5.0-beta.2"));
        assertEquals("orders-api:1", diff.getColumns().get(1).getText());

        // Deregister orders-api:2 (asks first); it leaves the list until "Show inactive".
        robot.clickOn(rowOf(robot, browser, 2));
        waitUntil("one chosen", () -> table.getSelectionModel().getSelectedItems().size() == 1);
        robot.clickOn(robot.from(browser).lookup("#deregisterRevision").<Node>query());
        assertThat(confirm(robot), containsString("Deregister task definition orders-api:2?"));
        waitUntil("orders-api:2 gone from the active list", () -> table.getItems().size() == 1);
        assertEquals("INACTIVE", bench.backend.describeTaskDefinition("orders-api:2").status());
        robot.clickOn(robot.from(browser).lookup("#showInactive").<CheckBox>query());
        waitUntil("inactive shown", () -> table.getItems().size() == 2);
        assertEquals("INACTIVE", table.getItems().get(0).status());
        robot.clickOn(rowOf(robot, browser, 2));
        assertTrue(robot.from(browser).lookup("#deregisterRevision").<Button>query().isDisabled(), "an inactive revision cannot be deregistered again");

        // Double-click opens a revision in the editor.
        robot.doubleClickOn(rowOf(robot, browser, 1));
        waitUntil("the editor", () -> "orders-api:1".equals(selectedTab().getText()));
    }

    @Test
    void typingValidatesUndoRestoresFindReplaceAndOutlineNavigate(FxRobot robot) {
        Node browser = browser(robot);
        robot.clickOn("orders-api");
        waitUntil("revisions", () -> revisions(robot, browser).getItems().size() == 2);
        robot.doubleClickOn(rowOf(robot, browser, 1));
        waitUntil("the editor", () -> "orders-api:1".equals(selectedTab().getText()));
        Node editor = selectedTab().getContent();
        robot.clickOn(robot.from(editor).lookup("JSON").<Node>query());
        CodeArea json = robot.from(editor).lookup("#jsonArea").queryAs(CodeArea.class);
        waitUntil("the text", () -> json.getText().contains("orders-api:3.4.1"));
        String original = json.getText();
        Label summary = robot.from(editor).lookup("#validationSummary").queryAs(Label.class);
        Button register = robot.from(editor).lookup("#registerButton").queryAs(Button.class);
        ListView<Problem> problems = robot.from(editor).lookup("#problemsList").queryListView();
        assertEquals("Valid", summary.getText());

        // A stray comma after the opening brace: a syntax error at line 1.
        robot.clickOn(json);
        robot.press(KeyCode.SHORTCUT).type(KeyCode.HOME).release(KeyCode.SHORTCUT).type(KeyCode.END).write(",");
        waitUntil("the syntax error", () -> summary.getText().startsWith("1 error"));
        Problem syntax = problems.getItems().get(0);
        assertEquals(Severity.ERROR, syntax.severity());
        assertEquals(1, syntax.line(), syntax.toString());
        assertEquals(2, syntax.column(), syntax.toString());
        assertTrue(register.isDisabled(), "register is off while there are errors");
        assertTrue(json.getParagraph(0).getParagraphStyle().contains("problem-line-error"), "the line is marked");

        // Undo takes it back.
        robot.press(KeyCode.SHORTCUT).type(KeyCode.Z).release(KeyCode.SHORTCUT);
        waitUntil("valid again", () -> "Valid".equals(summary.getText()));
        assertEquals(original, json.getText());
        assertFalse(register.isDisabled());

        // Find and replace all: the image tag.
        robot.clickOn(robot.from(editor).lookup("#findField").<Node>query()).write("orders-api:3.4.1");
        robot.clickOn(robot.from(editor).lookup("#replaceField").<Node>query()).write("orders-api:3.4.9");
        robot.clickOn(robot.from(editor).lookup("#replaceAllButton").<Node>query());
        waitUntil("replaced", () -> json.getText().contains("orders-api:3.4.9"));
        @SuppressWarnings("unchecked")
        TableView<DiffEntry> diff = robot.from(editor).lookup("#diffTable").queryAs(TableView.class);
        waitUntil("the diff", () -> diff.getItems().size() == 1 && diff.getItems().get(0).right().contains("3.4.9"));

        // The outline goes to a section.
        @SuppressWarnings("unchecked")
        ComboBox<Object> outline = robot.from(editor).lookup("#outlineBox").queryAs(ComboBox.class);
        Object family = outline.getItems().stream().filter(i -> i.toString().equals("family")).findFirst().orElseThrow();
        robot.interact(() -> outline.getSelectionModel().select(family));
        int familyLine = json.getText().substring(0, json.getText().indexOf("\"family\"")).split("\n", -1).length - 1;
        waitUntil("the caret on family", () -> json.getCurrentParagraph() == familyLine);
        assertTrue(outline.getItems().stream().anyMatch(i -> i.toString().contains("container orders-api")), outline.getItems().toString());

        // A problem further down: clicking it puts the caret on its line.
        robot.interact(() -> json.replaceText(json.getText().replace("\"essential\": true", "\"essential\": \"yes\"")));
        waitUntil("the type error", () -> problems.getItems().stream().anyMatch(p -> p.path().endsWith("essential")));
        Problem wrongType = problems.getItems().stream().filter(p -> p.path().endsWith("essential")).findFirst().orElseThrow();
        robot.clickOn(robot.from(problems)
                .lookup((java.util.function.Predicate<Node>) n -> n instanceof javafx.scene.control.ListCell<?> c && c.getItem() == wrongType).<Node>query());
        waitUntil("the caret on the problem's line", () -> json.getCurrentParagraph() == wrongType.line() - 1);
    }
}
