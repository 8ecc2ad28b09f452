package dev.ecsdeck.ui.taskdef;

import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The editor's image field on the demo's simulated ECR (123456789012's registry): suggestions as the
 * user types, picked with the keyboard and the mouse; and a mistyped tag named before Register and
 * before Deploy, done only when the user says go on.
 */
@ExtendWith(ApplicationExtension.class)
class ImageFieldUiTest {
    private static final String ORDERS = "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api";
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    /** The suggestion rows on screen (in the popup under the field), as they read. */
    private static List<String> suggestions(FxRobot robot) {
        return robot.lookup((Predicate<Node>) n -> n instanceof ListCell<?> c && c.isVisible() && c.getItem() instanceof ImageSuggestion)
                .queryAll().stream().map(n -> (ImageSuggestion) ((ListCell<?>) n).getItem())
                .map(s -> s.title() + " | " + s.details()).toList();
    }

    private static Node suggestionCell(FxRobot robot, String title) {
        return robot.lookup((Predicate<Node>) n -> n instanceof ListCell<?> c && c.isVisible() && c.getItem() instanceof ImageSuggestion s
                && s.title().equals(title)).query();
    }

    private static void scrollTo(FxRobot robot, Node editor, Node field) {
        ScrollPane form = EditorOnScreen.find(robot, editor, "#formScroll");
        UiTestBench.scrollIntoView(robot, field);
        waitUntil("the field on screen", () -> form.localToScene(form.getLayoutBounds()).contains(field.localToScene(field.getLayoutBounds())));
    }

    /** Empties the field and types {@code text} into it, as a user does. */
    private static void retype(FxRobot robot, TextField field, String text) {
        robot.clickOn(field);
        robot.press(KeyCode.SHORTCUT).type(KeyCode.A).release(KeyCode.SHORTCUT).type(KeyCode.BACK_SPACE);
        robot.write(text);
    }

    @Test
    void theImageFieldOffersTheRepositoriesThenTheirTagsNewestFirstAndTakesThePickedOne(FxRobot robot) {
        Node editor = EditorOnScreen.editOrdersApi(robot, bench);
        TextField image = EditorOnScreen.find(robot, editor, "#image-0");
        CodeArea json = EditorOnScreen.find(robot, editor, "#jsonArea");
        scrollTo(robot, editor, image);

        retype(robot, image, "order");
        // Wait for the list of the last keystroke: one drawn for "or" (reports-worker too) may still be up for a moment.
        List<String> expected = List.of("orders-api | ECR repository · " + ORDERS);
        waitUntil("the repositories offered for \"order\"", () -> suggestions(robot).equals(expected));
        assertEquals(expected, suggestions(robot));
        robot.type(KeyCode.ENTER); // the first, selected, is taken
        waitUntil("the repository's URI in the field", () -> ORDERS.equals(image.getText()));

        // Its tags follow at once, newest pushed first, with when, how big and what the scan found.
        waitUntil("the tags offered", () -> suggestions(robot).stream().anyMatch(s -> s.startsWith("3.4.3 | ")));
        List<String> tags = suggestions(robot);
        assertThat(tags.get(0), containsString("3.5.0-beta.2 | pushed 2 days ago · "));
        assertTrue(tags.get(0).matches("3\\.5\\.0-beta\\.2 \\| pushed 2 days ago · \\d+\\.\\d MB · 5 low, 1 informational · sha256:[0-9a-f]{12}…"),
                tags.get(0));

        // ":3.4" (not ":3.4."): the list for it is the first with exactly four rows, so the wait below sees the last list drawn.
        robot.write(":3.4");
        try {
            waitUntil("only the 3.4 tags", () -> suggestions(robot).size() == 4);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": field " + image.getText() + ", list " + suggestions(robot), e);
        }
        assertEquals(List.of("3.4.3", "3.4.2", "3.4.1", "3.4.0"), suggestions(robot).stream().map(s -> s.substring(0, s.indexOf(" |"))).toList());
        assertThat(suggestions(robot).get(0), containsString("pushed 8 days ago"));
        assertThat(suggestions(robot).get(3), containsString("1 high, 5 medium, 9 low, 2 informational"));

        // The keyboard: down twice to 3.4.1, Enter.
        robot.type(KeyCode.DOWN).type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitUntil("3.4.1 taken", () -> (ORDERS + ":3.4.1").equals(image.getText()));

        // The mouse: 3.4.2 clicked in the list.
        robot.type(KeyCode.BACK_SPACE);
        waitUntil("the 3.4 tags again", () -> suggestions(robot).size() == 4);
        robot.clickOn(suggestionCell(robot, "3.4.2"));
        waitUntil("3.4.2 taken, and in the JSON", () -> (ORDERS + ":3.4.2").equals(image.getText()) && json.getText().contains(ORDERS + ":3.4.2"));
        waitUntil("the list closed", () -> suggestions(robot).isEmpty());
        bench.closeAndCheck();
    }

    @Test
    void aMistypedTagIsNamedBeforeRegisterAndBeforeDeployAndOnlyGoingOnDoesIt(FxRobot robot) {
        Node editor = EditorOnScreen.editOrdersApi(robot, bench);
        TextField image = EditorOnScreen.find(robot, editor, "#image-0");
        CodeArea json = EditorOnScreen.find(robot, editor, "#jsonArea");
        scrollTo(robot, editor, image);
        retype(robot, image, ORDERS + ":3.4.7");
        robot.type(KeyCode.ENTER);
        waitUntil("the JSON has the typo", () -> json.getText().contains(ORDERS + ":3.4.7"));
        int revisions = bench.backend.listTaskDefinitions("orders-api", false).size();

        robot.clickOn(robot.from(editor).lookup("#registerButton").<Node>query());
        waitUntil("the warning", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        String warning = robot.lookup(".dialog-pane .content").queryAs(Label.class).getText();
        assertThat(warning, containsString("Container orders-api: image " + ORDERS + ":3.4.7 — tag 3.4.7 not found in repository orders-api "
                + "(newest tags: 3.5.0-beta.2, latest, 3.5.0-beta.1)"));
        assertEquals(revisions, bench.backend.listTaskDefinitions("orders-api", false).size(), "nothing registered while it asks");
        UiTestBench.answerDialog(robot, "Go back");
        Label message = EditorOnScreen.find(robot, editor, "#editorMessage");
        waitUntil("not registered, said", () -> message.getText().startsWith("Not registered: Container orders-api: image " + ORDERS + ":3.4.7"));
        assertEquals(revisions, bench.backend.listTaskDefinitions("orders-api", false).size());
        assertEquals(ORDERS + ":3.4.7", image.getText(), "the text is kept");

        robot.clickOn(robot.from(editor).lookup("#registerButton").<Node>query());
        UiTestBench.answerDialog(robot, "Register anyway");
        waitUntil("registered", () -> message.getText().startsWith("Registered orders-api:"));
        assertEquals(revisions + 1, bench.backend.listTaskDefinitions("orders-api", false).size());
        String registered = bench.backend.listTaskDefinitions("orders-api", false).get(0);
        assertThat(bench.backend.describeTaskDefinition(registered).json(), containsString(ORDERS + ":3.4.7"));

        // Deploy to prod-web: the question stops at the missing tag; Deploy anyway deploys it.
        ComboBox<DeployViewModel.Target> targets = EditorOnScreen.find(robot, editor, "#deployTargets");
        waitUntil("deploy targets", () -> targets.getItems().size() == 2);
        robot.clickOn(targets);
        robot.clickOn("orders-api in prod-web (runs orders-api:1)");
        waitUntil("target chosen", () -> targets.getValue() != null && targets.getValue().cluster().equals("prod-web"));
        robot.clickOn(robot.from(editor).lookup("#deployButton").<Node>query());
        waitUntil("the changes read", () -> robot.lookup("#deployChanges").tryQuery().isPresent()
                && !robot.lookup("#deployChanges").queryAs(javafx.scene.control.TextArea.class).getText().startsWith("Reading"));
        UiTestBench.answerDialog(robot, "Deploy");
        Label missing = robot.lookup("#deployImageWarning").queryAs(Label.class);
        waitUntil("the missing image named", () -> missing.isVisible() && !missing.getText().isEmpty());
        assertEquals("Container orders-api: image " + ORDERS + ":3.4.7 — tag 3.4.7 not found in repository orders-api "
                + "(newest tags: 3.5.0-beta.2, latest, 3.5.0-beta.1)", missing.getText());
        assertThat(robot.lookup("#deployQuestionStatus").queryAs(Label.class).getText(),
                containsString("Cancel to go back and fix it, or press Deploy anyway."));
        assertEquals("orders-api:1", dev.ecsdeck.model.Arns.familyRevision(
                bench.backend.describeServices("prod-web", List.of("orders-api")).get(0).taskDefinition()), "not deployed while it asks");
        robot.clickOn("#deployAnyway");
        waitUntil("the question closed", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertEquals(registered, bench.backend.describeServices("prod-web", List.of("orders-api")).get(0).taskDefinition());
        bench.closeAndCheck();
    }

    @Test
    void theServicePanelsDeployNamesTheMissingTagAndCancelDeploysNothing(FxRobot robot) {
        String typo = bench.backend.registerTaskDefinition(bench.backend.describeTaskDefinition("orders-api:1").json()
                .replace(ORDERS + ":3.4.1", ORDERS + ":3.4.7")).taskDefinitionArn();
        bench.openServicePanel(robot, "prod-web", "orders-api");
        robot.clickOn("#deployServiceButton");
        waitUntil("the question on the newest revision", () -> robot.lookup("#deployRevision").tryQuery()
                .map(n -> ((ComboBox<?>) n).getValue() instanceof dev.ecsdeck.ui.deploy.DeployQuestion.RevisionChoice r
                        && r.taskDefinitionArn().equals(typo)).orElse(false));
        waitUntil("the changes read", () -> !robot.lookup("#deployChanges").queryAs(javafx.scene.control.TextArea.class).getText()
                .startsWith("Reading"));
        UiTestBench.answerDialog(robot, "Deploy");
        Label missing = robot.lookup("#deployImageWarning").queryAs(Label.class);
        waitUntil("the missing image named", () -> missing.isVisible() && missing.getText().contains("tag 3.4.7 not found in repository orders-api"));
        assertThat(missing.getText(), containsString("Container orders-api: image " + ORDERS + ":3.4.7"));
        UiTestBench.answerDialog(robot, "Cancel");
        waitUntil("the question closed", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertEquals("orders-api:1", dev.ecsdeck.model.Arns.familyRevision(
                bench.backend.describeServices("prod-web", List.of("orders-api")).get(0).taskDefinition()));
        bench.closeAndCheck();
    }
}
