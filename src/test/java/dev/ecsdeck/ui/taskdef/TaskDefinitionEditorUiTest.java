package dev.ecsdeck.ui.taskdef;

import static dev.ecsdeck.ui.UiTestBench.clusterNamed;
import static dev.ecsdeck.ui.UiTestBench.serviceNamed;
import static dev.ecsdeck.ui.UiTestBench.servicesOf;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.taskdef.DiffEntry;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The user's whole loop in the editor, on the simulator: edit, register, deploy, watch, roll back; and a register that fails. */
@ExtendWith(ApplicationExtension.class)
class TaskDefinitionEditorUiTest {
    private static final String OLD_TAG = "orders-api:3.4.1";
    private static final String NEW_TAG = "orders-api:3.4.2";
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();

    private final Path draftsDir = UiTestBench.draftsDir();
    private Stage stage;
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        bench = end.watch(new UiTestBench(stage, false, draftsDir));
    }

    /** Selects the service in the tree and presses "Edit task definition" in its detail; returns the editor's tab. */
    private Node editServiceRevision(FxRobot robot, String cluster, String service, String expectedTitle) {
        TreeItem<TreeEntry> clusterRow = bench.waitForRow("cluster " + cluster, clusterNamed(cluster));
        robot.interact(() -> clusterRow.setExpanded(true));
        TreeItem<TreeEntry> folder = bench.waitForRow("services folder", servicesOf(cluster));
        robot.interact(() -> folder.setExpanded(true));
        TreeItem<TreeEntry> row = bench.waitForRow("service " + service, serviceNamed(cluster, service));
        robot.interact(() -> bench.window.treeController().select(row));
        waitUntil("detail of " + service, () -> service.equals(bench.window.detail().titleProperty().get()));
        waitUntil("the service panel", () -> robot.lookup("#editTaskDefinitionButton").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.clickOn("#editTaskDefinitionButton");
        waitUntil("the editor on " + expectedTitle, () -> selectedTab().getText().equals(expectedTitle)
                && !selectedTab().getContent().lookupAll("#image-0").isEmpty());
        return selectedTab().getContent();
    }

    /** Scrolls the form so the field is on screen, as the user would before clicking it. */
    private static void scrollTo(FxRobot robot, Node editor, Node field) {
        ScrollPane form = find(robot, editor, "#formScroll");
        robot.interact(() -> {
            double contentHeight = form.getContent().getBoundsInLocal().getHeight();
            double viewport = form.getViewportBounds().getHeight();
            double y = form.getContent().sceneToLocal(field.localToScene(field.getBoundsInLocal())).getMinY();
            form.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, Math.max(0, (y - 20) / (contentHeight - viewport))));
        });
        waitUntil("the field on screen", () -> form.localToScene(form.getLayoutBounds()).contains(field.localToScene(field.getLayoutBounds())));
    }

    private Tab selectedTab() {
        return bench.window.detailTabs().getSelectionModel().getSelectedItem();
    }

    private static <T extends Node> T find(FxRobot robot, Node editor, String query) {
        return robot.from(editor).lookup(query).query();
    }

    private static String text(FxRobot robot, Node editor, String labelId) {
        return robot.from(editor).lookup(labelId).queryAs(Label.class).getText();
    }

    /** Answers the deploy question that is showing with "Deploy" (the service's own strategy), after reading what it says. */
    private static String deploy(FxRobot robot) {
        waitUntil("the deploy question", () -> robot.lookup("#deployHeadline").tryQuery().map(n -> !((Label) n).getText().isEmpty()).orElse(false));
        waitUntil("the changes read", () -> !robot.lookup("#deployChanges").queryAs(javafx.scene.control.TextArea.class).getText().startsWith("Reading"));
        String question = robot.lookup("#deployHeadline").queryAs(Label.class).getText() + "\n"
                + robot.lookup("#deployChanges").queryAs(javafx.scene.control.TextArea.class).getText() + "\n"
                + robot.lookup("#deployPlan").queryAs(Label.class).getText();
        dev.ecsdeck.ui.UiTestBench.answerDialog(robot, "Deploy");
        waitUntil("the question closed", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        return question;
    }

    /**
     * Lets 15 simulated minutes pass (a rollout of three tasks takes under ten) and waits for the
     * panel's own two-second poll to show the end.
     */
    private void runRolloutUntil(FxRobot robot, Node editor, String headline) {
        assertThat(text(robot, editor, "#rolloutHeadline"), containsString("Deploying"));
        bench.clock.advance(Duration.ofMinutes(15));
        try {
            waitUntil("rollout headline '" + headline + "'", () -> text(robot, editor, "#rolloutHeadline").contains(headline));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; it says: " + text(robot, editor, "#rolloutHeadline"), e);
        }
    }

    private List<String> runningRevisions(String cluster, String service) {
        return bench.backend.listTasks(cluster, TaskFilter.ofService(service)).stream().filter(t -> "RUNNING".equals(t.lastStatus()))
                .map(EcsTask::taskDefinitionArn).map(Arns::familyRevision).distinct().toList();
    }

    @Test
    void editRegisterDeployWatchAndRollBack(FxRobot robot) {
        Node editor = editServiceRevision(robot, "prod-web", "orders-api", "orders-api:1");
        CodeArea json = find(robot, editor, "#jsonArea");
        assertThat(json.getText(), containsString(OLD_TAG));
        assertThat(json.getText(), not(containsString("taskDefinitionArn")));
        assertEquals("Valid", text(robot, editor, "#validationSummary"));

        // Change the image tag in the form: 3.4.1 → 3.4.2.
        TextField image = find(robot, editor, "#image-0");
        scrollTo(robot, editor, image);
        robot.clickOn(image).type(KeyCode.END).type(KeyCode.BACK_SPACE).write("2").type(KeyCode.ENTER);
        waitUntil("the JSON follows the form", () -> json.getText().contains(NEW_TAG));
        assertThat(json.getText(), not(containsString(OLD_TAG)));
        TableView<DiffEntry> diff = find(robot, editor, "#diffTable");
        waitUntil("the diff shows the change", () -> diff.getItems().size() == 1);
        DiffEntry change = diff.getItems().get(0);
        assertEquals(DiffEntry.Change.CHANGED, change.change());
        assertThat(change.path(), containsString("image"));
        assertThat(change.left(), containsString(OLD_TAG));
        assertThat(change.right(), containsString(NEW_TAG));
        assertEquals(1, bench.drafts.all().size(), "the edit is saved as a draft");

        // Register: orders-api:2 existed before the editor opened, so no question; the new revision is 3.
        robot.clickOn(robot.from(editor).lookup("#registerButton").<Node>query());
        waitUntil("registered", () -> selectedTab().getText().equals("orders-api:3"));
        assertThat(text(robot, editor, "#editorMessage"), containsString("Registered orders-api:3."));
        assertThat(bench.backend.describeTaskDefinition("orders-api:3").json(), containsString(NEW_TAG));
        assertEquals(List.of(), bench.drafts.all(), "registered: the draft is gone");

        // Deploy to prod-web's orders-api: the question shows the diff and the plan of its rolling update.
        ComboBox<DeployViewModel.Target> targets = find(robot, editor, "#deployTargets");
        waitUntil("deploy targets", () -> targets.getItems().size() == 2);
        robot.clickOn(targets);
        robot.clickOn("orders-api in prod-web (runs orders-api:1)");
        waitUntil("target chosen", () -> targets.getValue() != null && targets.getValue().cluster().equals("prod-web"));
        robot.clickOn(robot.from(editor).lookup("#deployButton").<Node>query());
        String question = deploy(robot);
        assertThat(question, containsString("Deploy orders-api:3 to service orders-api in prod-web? It runs orders-api:1 now."));
        assertThat(question, containsString(NEW_TAG));
        assertThat(question, containsString("keeping at least 3 healthy (100%) and at most 6 running (200%); circuit breaker on, with rollback"));

        waitUntil("the rollout panel", () -> find(robot, editor, "#rolloutPane").isVisible());
        TableView<?> deployments = find(robot, editor, "#rolloutDeployments");
        waitUntil("two deployments while rolling out", () -> deployments.getItems().size() == 2);
        runRolloutUntil(robot, editor, "orders-api:3 is deployed");
        waitUntil("one deployment left", () -> deployments.getItems().size() == 1);
        assertEquals(List.of("orders-api:3"), runningRevisions("prod-web", "orders-api"));
        assertFalse(robot.lookup("#rolloutEvents").queryListView().getItems().isEmpty(), "the events since the deploy are listed");

        // The picker says what the service runs now: :3, not the :1 it ran when the list was first read.
        String runsNow = "orders-api in prod-web (runs orders-api:3)";
        waitUntil("the chosen service read again", () -> targets.lookup(".list-cell") instanceof javafx.scene.control.ListCell<?> shown
                && runsNow.equals(shown.getText()));
        robot.clickOn(targets);
        waitUntil("the open picker lists it", () -> robot.lookup((java.util.function.Predicate<Node>) n -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getScene() != targets.getScene() && runsNow.equals(c.getText())).tryQuery().isPresent());
        assertTrue(robot.lookup((java.util.function.Predicate<Node>) n -> n instanceof javafx.scene.control.ListCell<?> c && c.getText() != null
                && c.getText().contains("(runs orders-api:1)") && c.getText().contains("prod-web")).tryQuery().isEmpty(), "no stale line");
        robot.type(KeyCode.ESCAPE);

        // Roll back: the same confirmation, for orders-api:1, and the same following.
        robot.clickOn(robot.from(editor).lookup("#rollBackButton").<Node>query());
        assertThat(deploy(robot), containsString("Deploy orders-api:1 to service orders-api in prod-web? It runs orders-api:3 now."));
        runRolloutUntil(robot, editor, "orders-api:1 is deployed");
        assertEquals(List.of("orders-api:1"), runningRevisions("prod-web", "orders-api"));

        // The service's detail shows the previous revision again.
        robot.interact(() -> bench.window.detailTabs().getSelectionModel().select(0));
        robot.clickOn("#refreshButton");
        waitUntil("the detail shows orders-api:1", () -> bench.window.detail().sections().stream()
                .flatMap(s -> s.rows().stream()).anyMatch(r -> "orders-api:1".equals(r.value())));
    }

    @Test
    void aFailedRegisterKeepsTheTextShowsTheErrorAndTheDraftComesBackNextStart(FxRobot robot) {
        Node editor = editServiceRevision(robot, "prod-web", "orders-api", "orders-api:1");
        CodeArea json = find(robot, editor, "#jsonArea");
        TextField image = find(robot, editor, "#image-0");
        scrollTo(robot, editor, image);
        robot.clickOn(image).type(KeyCode.END).type(KeyCode.BACK_SPACE).write("2").type(KeyCode.ENTER);
        waitUntil("the JSON follows the form", () -> json.getText().contains(NEW_TAG));
        String edited = json.getText();

        bench.backend.faults().failNext("RegisterTaskDefinition", "ClientException",
                "Too many concurrent attempts to create a new revision of the specified family.", 400);
        robot.clickOn(robot.from(editor).lookup("#registerButton").<Node>query());

        waitUntil("the error in place", () -> text(robot, editor, "#editorMessage").startsWith("Not registered"));
        String message = text(robot, editor, "#editorMessage");
        assertThat(message, containsString("Too many concurrent attempts"));
        assertThat(message, containsString("Your text is kept."));
        assertEquals(edited, json.getText());
        assertEquals("orders-api:1", selectedTab().getText());
        assertEquals(2, bench.backend.listTaskDefinitions("orders-api", false).size(), "nothing was registered");
        assertEquals(edited, bench.drafts.all().get(0).json());
        assertFalse(find(robot, editor, "#registerButton").isDisabled(), "the user can try again");

        // The next start (a new window on the same drafts folder) offers the draft back.
        bench.close();
        robot.interact(() -> bench = end.watch(new UiTestBench(stage, false, draftsDir)));
        MenuButton drafts = robot.lookup("#draftsButton").queryAs(MenuButton.class);
        waitUntil("the drafts menu", () -> drafts.isVisible() && drafts.getText().equals("Drafts (1)"));
        robot.clickOn(drafts);
        robot.clickOn(robot.lookup(n -> n instanceof javafx.scene.control.Label l && l.getText() != null
                && l.getText().startsWith("orders-api (from orders-api:1)")).<Node>query());
        waitUntil("the draft reopened", () -> selectedTab().getText().equals("orders-api:1 (draft)"));
        Node reopened = selectedTab().getContent();
        CodeArea reopenedJson = find(robot, reopened, "#jsonArea");
        waitUntil("the draft's text", () -> reopenedJson.getText().equals(edited));
        TableView<DiffEntry> diff = find(robot, reopened, "#diffTable");
        waitUntil("the diff against its base", () -> diff.getItems().size() == 1);
    }
}
