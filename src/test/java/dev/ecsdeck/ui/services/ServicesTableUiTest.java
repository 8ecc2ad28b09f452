package dev.ecsdeck.ui.services;

import static dev.ecsdeck.ui.UiTestBench.clusterNamed;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.Deployment;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.ui.TableOnScreen;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.common.ReadOnlyHint;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The services table of a cluster in the real window: columns, sorting, filter, multi-selection and its actions. */
@ExtendWith(ApplicationExtension.class)
class ServicesTableUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    /** Clicks a cluster's row in the tree and waits for its services table to fill. */
    private TableView<ServiceRow> clickCluster(FxRobot robot, String cluster) {
        bench.clickTreeRow(robot, "cluster " + cluster, clusterNamed(cluster));
        waitUntil("the services table on screen", () -> robot.lookup("#servicesTable").tryQuery().isPresent());
        TableView<ServiceRow> table = robot.lookup("#servicesTable").queryTableView();
        waitUntil("the services of " + cluster, () -> table.isVisible() && !table.getItems().isEmpty()
                && table.getItems().get(0).cluster().equals(cluster));
        return table;
    }

    private static List<String> names(TableView<ServiceRow> table) {
        return UiTestBench.onFx(() -> table.getItems().stream().map(ServiceRow::name).toList());
    }

    private Node row(FxRobot robot, String service) {
        return robot.lookup("#servicesTable").lookup(".table-row-cell").match((TableRow<ServiceRow> r) -> r.getItem() != null
                && r.getItem().name().equals(service)).query();
    }

    private Node header(FxRobot robot, String title) {
        return robot.lookup("#servicesTable").lookup(".column-header").match((Node h) -> h.lookup(".label") instanceof Labeled l
                && title.equals(l.getText())).query();
    }

    private EcsService service(String cluster, String name) {
        return bench.engine.services().describeServices(cluster, List.of(name)).items().get(0);
    }

    private static String primaryId(EcsService s) {
        return s.deployments().stream().filter(Deployment::isPrimary).findFirst().orElseThrow().id();
    }

    /** The text of the dialog on screen (its header and content). */
    private String dialogText(FxRobot robot) {
        waitUntil("a dialog", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return UiTestBench.onFx(() -> robot.lookup(".dialog-pane").lookup(".label").queryAll().stream()
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null).reduce("", (a, b) -> a + "\n" + b));
    }

    @Test
    void clickingAClusterListsItsServicesSortableByColumnAndFilterable(FxRobot robot) {
        TableView<ServiceRow> table = clickCluster(robot, "prod-web");
        assertEquals(List.of("catalog", "checkout", "orders-api", "payments", "search", "web"), names(table));
        assertEquals("Services of prod-web", robot.lookup("#servicesTitle").queryAs(Label.class).getText());
        assertEquals("6 services", robot.lookup("#servicesStatus").queryAs(Label.class).getText());
        assertEquals(List.of("Name", "Badges", "Tasks", "Revision", "Launch", "Deployment", "Last event"),
                UiTestBench.onFx(() -> table.getColumns().stream().map(TableColumn::getText).toList()));

        robot.clickOn(header(robot, "Tasks"));
        waitUntil("sorted by Tasks (running), ascending", () -> table.getSortOrder().size() == 1
                && table.getSortOrder().get(0).getText().equals("Tasks")
                && table.getSortOrder().get(0).getSortType() == TableColumn.SortType.ASCENDING);
        // checkout's canary waits at a hook with both revisions at full size (6); catalog and search run two revisions of 2.
        assertEquals(List.of(3, 3, 4, 4, 4, 6), UiTestBench.onFx(() -> table.getItems().stream().map(ServiceRow::running).toList()));
        robot.clickOn(header(robot, "Tasks"));
        waitUntil("sorted by Tasks (running), descending", () -> table.getItems().get(0).name().equals("checkout"));
        assertEquals(List.of(6, 4, 4, 4, 3, 3), UiTestBench.onFx(() -> table.getItems().stream().map(ServiceRow::running).toList()));

        robot.clickOn("#servicesFilter").write("pay");
        waitUntil("narrowed", () -> table.getItems().size() == 1);
        assertEquals(List.of("payments"), names(table));
        assertEquals("1 of 6 services match", robot.lookup("#servicesStatus").queryAs(Label.class).getText());
        robot.eraseText(3).write("rolled");
        waitUntil("a badge matches", () -> names(table).equals(List.of("payments")));
        robot.eraseText(6);
        waitUntil("all again", () -> table.getItems().size() == 6);

        // The Services folder shows the same table.
        robot.interact(() -> bench.window.treeController().select(bench.window.tree().find(UiTestBench.servicesOf("staging"))));
        waitUntil("the services of staging, still by Tasks (running), descending",
                () -> names(table).equals(List.of("orders-api", "web", "notifications")));
        bench.closeAndCheck();
    }

    @Test
    void prodWebsServicesFitTheDefaultWindowWithNothingCutInLightAndDark(FxRobot robot) {
        TableOnScreen.treeAtDefaultWidth(robot, bench);
        TableView<ServiceRow> table = clickCluster(robot, "prod-web");
        TableOnScreen.assertFitsInLightAndDark(robot, table);
        bench.closeAndCheck();
    }

    @Test
    void forceNewDeploymentOfTwoSelectedServicesAsksNamingBoth(FxRobot robot) {
        TableView<ServiceRow> table = clickCluster(robot, "prod-web");
        String webBefore = primaryId(service("prod-web", "web"));
        String ordersBefore = primaryId(service("prod-web", "orders-api"));
        String paymentsBefore = primaryId(service("prod-web", "payments"));

        robot.clickOn(row(robot, "web"));
        robot.press(KeyCode.CONTROL).clickOn(row(robot, "orders-api")).release(KeyCode.CONTROL);
        waitUntil("two selected", () -> table.getSelectionModel().getSelectedItems().size() == 2);

        robot.clickOn("#forceDeploySelectedButton");
        String question = dialogText(robot);
        assertThat(question, containsString("2 services in prod-web: "));
        assertThat(question, containsString("web"));
        assertThat(question, containsString("orders-api"));
        UiTestBench.answerDialog(robot, "Cancel");
        waitUntil("cancelled", () -> "No deployment started.".equals(bench.window.services().messageProperty().get()));
        assertEquals(webBefore, primaryId(service("prod-web", "web")), "Cancel changes nothing");
        assertEquals(ordersBefore, primaryId(service("prod-web", "orders-api")));

        robot.clickOn("#forceDeploySelectedButton");
        UiTestBench.answerDialog(robot, "Confirm");
        waitUntil("both deployed", () -> bench.window.services().messageProperty().get().startsWith("New deployment started for "));
        assertNotEquals(webBefore, primaryId(service("prod-web", "web")));
        assertNotEquals(ordersBefore, primaryId(service("prod-web", "orders-api")));
        assertEquals(paymentsBefore, primaryId(service("prod-web", "payments")), "a service not selected is left alone");
        waitUntil("the table shows both rollouts", () -> table.getItems().stream()
                .filter(r -> r.name().equals("web") || r.name().equals("orders-api")).allMatch(r -> r.badges().contains("deploying")));
        assertEquals(List.of("orders-api", "web"), UiTestBench.onFx(() -> table.getSelectionModel().getSelectedItems().stream()
                .map(ServiceRow::name).sorted().toList()), "the refresh kept the selection");
        bench.closeAndCheck();
    }

    @Test
    void scaleAsksForACountThenConfirmsTypedForZero(FxRobot robot) {
        clickCluster(robot, "staging");
        robot.clickOn(row(robot, "web"));
        robot.clickOn("#scaleSelectedButton");
        waitUntil("the count dialog", () -> robot.lookup("#scaleCountSpinner").tryQuery().isPresent());
        robot.doubleClickOn(robot.lookup("#scaleCountSpinner .text-field").<Node>query()).eraseText(3).write("0");
        UiTestBench.answerDialog(robot, "Scale…");
        waitUntil("the typed confirmation", () -> robot.lookup("#typedConfirmation").tryQuery().isPresent());
        assertThat(dialogText(robot), containsString("Type the service name, web, to confirm."));
        Button confirm = robot.lookup(".dialog-pane").lookup((Node n) -> n instanceof Button b && "Confirm".equals(b.getText())).query();
        assertTrue(confirm.isDisabled(), "Confirm stays off until the name is typed");
        robot.clickOn("#typedConfirmation").write("web");
        waitUntil("Confirm on", () -> !confirm.isDisabled());
        robot.clickOn(confirm);
        waitUntil("scaled to zero", () -> service("staging", "web").desiredCount() == 0);
        bench.closeAndCheck();
    }

    @Test
    void tailLogsOpensOneTailPerSelectedService(FxRobot robot) {
        clickCluster(robot, "staging");
        robot.clickOn(row(robot, "web"));
        robot.press(KeyCode.CONTROL).clickOn(row(robot, "orders-api")).release(KeyCode.CONTROL);
        robot.clickOn("#tailSelectedButton");
        waitUntil("two tails", () -> bench.window.logs().tails().size() == 2);
        bench.closeAndCheck();
    }

    @Test
    void readOnlyDisablesTheChangesButNotTailing(FxRobot robot) {
        clickCluster(robot, "prod-web");
        robot.clickOn(row(robot, "web"));
        Button force = robot.lookup("#forceDeploySelectedButton").queryButton();
        Button scale = robot.lookup("#scaleSelectedButton").queryButton();
        waitUntil("enabled with a selection", () -> !force.isDisabled() && !scale.isDisabled());
        robot.clickOn("#readOnlyToggle");
        waitUntil("read-only", () -> force.isDisabled() && scale.isDisabled());
        assertTrue(force.getStyleClass().contains("mutating") && scale.getStyleClass().contains("mutating"));
        assertEquals(ReadOnlyHint.READ_ONLY, force.getTooltip().getText());
        assertFalse(robot.lookup("#tailSelectedButton").queryButton().isDisabled(), "tailing changes nothing");
        robot.clickOn("#readOnlyToggle");
        waitUntil("read-write", () -> !force.isDisabled());
        bench.closeAndCheck();
    }
}
