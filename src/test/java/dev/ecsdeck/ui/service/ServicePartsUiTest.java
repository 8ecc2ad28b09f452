package dev.ecsdeck.ui.service;

import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.ServiceUtilization;
import dev.ecsdeck.provider.ForwardingEcsProvider;
import dev.ecsdeck.provider.ReadOnlyEcsProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.common.DialogConfirmer;
import dev.ecsdeck.ui.common.FxThreadCheckingProvider;
import dev.ecsdeck.ui.common.ReadOnlyHint;
import dev.ecsdeck.ui.common.UiTaskExecutor;
import dev.ecsdeck.ui.service.ServiceTasksViewModel.TaskRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The events, charts and tasks views in a window over the demo simulator, polled the way the service
 * panel polls (describe the service off the FX thread, publish it, refresh the parts).
 */
@ExtendWith(ApplicationExtension.class)
class ServicePartsUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private final DemoSim sim = end.closeAfter(new DemoSim());
    private final ManualClock clock = sim.clock;
    private final SimProvider backend = sim.provider;
    private final SimpleBooleanProperty readOnly = new SimpleBooleanProperty(false);
    private volatile boolean utilizationMissing;
    private final FxThreadCheckingProvider provider = end.offFxThread(new ForwardingEcsProvider(
            new ReadOnlyEcsProvider(backend, readOnly::get)) {
        @Override
        public Optional<ServiceUtilization> serviceUtilization(String cluster, String service, Instant since, java.time.Duration period) {
            return utilizationMissing ? Optional.empty() : super.serviceUtilization(cluster, service, since, period); // a backend without
        }
    });
    private final UiTaskExecutor executor = end.executor(2);
    private final ServiceRef ref = new ServiceRef("prod-web", "orders-api");
    private final SimpleObjectProperty<EcsService> service = new SimpleObjectProperty<>();
    private final List<String> linked = new CopyOnWriteArrayList<>();
    private final List<EcsTask> tailed = new CopyOnWriteArrayList<>();
    private final List<String> tailedServices = new CopyOnWriteArrayList<>();
    private final List<ServicePart> parts = new ArrayList<>();
    private TabPane tabs;
    private Parent eventsView;
    private Parent chartsView;
    private Parent tasksView;

    @Start
    void start(Stage stage) {
        ServicePanelContext ctx = new ServicePanelContext(provider, executor, new DialogConfirmer(stage), (title, message, expected) -> false,
                readOnly, () -> clock.now().toEpochMilli());
        ServiceEventsViewModel events = new ServiceEventsViewModel(ctx, ref, service);
        ServiceChartsViewModel charts = new ServiceChartsViewModel(ctx, ref, service);
        ServiceTasksViewModel tasks = new ServiceTasksViewModel(ctx, ref, service);
        parts.addAll(List.of(events, charts, tasks));
        events.onTaskLinked(linked::add);
        tasks.onTailTask(tailed::add);
        tasks.onTailService(() -> tailedServices.add(ref.toString()));
        eventsView = new ServiceEventsController(events).view();
        chartsView = new ServiceChartsController(charts).view();
        tasksView = new ServiceTasksController(tasks).view();
        tabs = new TabPane(new Tab("Events", eventsView), new Tab("Charts", chartsView), new Tab("Tasks", tasksView));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        stage.setScene(new Scene(tabs, 1100, 700));
        stage.show();
    }

    /** The panel's poll: two seconds later, DescribeServices off the FX thread, then publish and refresh on it. */
    private void poll(FxRobot robot) {
        clock.advance(Duration.ofSeconds(2));
        EcsService s = provider.describeServices(ref.cluster(), List.of(ref.service())).get(0);
        robot.interact(() -> {
            service.set(s);
            parts.forEach(ServicePart::refresh);
        });
    }

    private void show(FxRobot robot, int tab) {
        robot.interact(() -> tabs.getSelectionModel().select(tab));
    }

    private static <T extends Node> T find(FxRobot robot, Node view, String query) {
        return robot.from(view).lookup(query).query();
    }

    @SuppressWarnings("unchecked")
    private TableView<TaskRow> tasksTable(FxRobot robot) {
        return find(robot, tasksView, "#tasksTable");
    }

    @Test
    void theFilterNarrowsTheEventsAndATaskLinkCallsTheHandler(FxRobot robot) {
        show(robot, 0);
        poll(robot);
        ListView<?> list = find(robot, eventsView, "#eventsList");
        waitUntil("the events", () -> list.getItems().size() == 3);
        Label count = find(robot, eventsView, "#eventsCount");
        assertEquals("3 events", count.getText());

        Hyperlink link = robot.from(eventsView).lookup(".task-link").<Hyperlink>queryAll().stream()
                .filter(Node::isVisible).findFirst().orElseThrow();
        String id = link.getText();
        assertTrue(id.matches("[0-9a-f]{32}"), id);
        robot.clickOn(link);
        waitUntil("the link handled", () -> linked.size() == 1);
        assertEquals(List.of(id), linked);

        robot.clickOn("#eventsFilter").write("Steady");
        waitUntil("the filter applied", () -> list.getItems().size() == 1);
        assertEquals("1 of 3 events", count.getText());
        assertTrue(robot.from(eventsView).lookup(".task-link").queryAll().stream().noneMatch(Node::isVisible),
                "the steady-state event names no task");
    }

    @Test
    void theChartsHavePointsAfterAFewPolls(FxRobot robot) {
        show(robot, 1);
        for (int i = 0; i < 3; i++) {
            poll(robot);
        }
        LineChart<Number, Number> counts = find(robot, chartsView, "#countsChart");
        assertEquals(List.of("Desired", "Running", "Pending"), counts.getData().stream().map(s -> s.getName()).toList());
        waitUntil("counts plotted", () -> counts.getData().get(0).getData().size() >= 2);
        assertEquals(3, counts.getData().get(1).getData().get(0).getYValue().intValue(), "three running");
        assertFalse(counts.getAnimated());

        LineChart<Number, Number> utilization = find(robot, chartsView, "#utilizationChart");
        waitUntil("CPU plotted", () -> utilization.getData().get(0).getData().size() > 10);
        assertTrue(utilization.isVisible());
        assertFalse(find(robot, chartsView, "#utilizationMessage").isVisible());
    }

    @Test
    void withoutUtilisationFromTheBackendTheChartSaysSo(FxRobot robot) {
        utilizationMissing = true;
        show(robot, 1);
        poll(robot);
        Label message = find(robot, chartsView, "#utilizationMessage");
        waitUntil("the placeholder", () -> message.isVisible() && message.getText().contains("not available"));
        assertEquals(ServiceChartsViewModel.NOT_AVAILABLE, message.getText());
        assertFalse(find(robot, chartsView, "#utilizationChart").isVisible(), "no empty chart");
    }

    @Test
    void stoppingATaskAsksAndStopsItInTheSimulatorAndTailButtonsCallTheHandlers(FxRobot robot) {
        show(robot, 2);
        poll(robot);
        TableView<TaskRow> table = tasksTable(robot);
        waitUntil("the tasks", () -> table.getItems().size() == 3);
        assertTrue(find(robot, tasksView, "#serviceStopTaskButton").isDisabled(), "nothing selected yet");

        TaskRow chosen = table.getItems().get(0);
        Node row = robot.from(tasksView).lookup((java.util.function.Predicate<Node>) n -> n instanceof TableRow<?> r && r.getItem() == chosen).query();
        robot.clickOn(row);
        waitUntil("the row selected", () -> table.getSelectionModel().getSelectedItem() == chosen);

        robot.clickOn("#serviceTailTaskButton");
        waitUntil("tail of the task", () -> tailed.size() == 1);
        assertEquals(chosen.taskArn(), tailed.get(0).taskArn());
        robot.clickOn("#serviceTailAllButton");
        waitUntil("tail of the service", () -> tailedServices.size() == 1);

        robot.clickOn("#serviceStopTaskButton");
        waitUntil("a confirmation", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        String question = robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText();
        assertThat(question, containsString("Stop task " + chosen.taskId() + " of service orders-api in prod-web?"));
        dev.ecsdeck.ui.UiTestBench.answerDialog(robot, "Confirm");
        waitUntil("the confirmation closed", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        waitUntil("the task stopping in the simulator",
                () -> "STOPPED".equals(backend.describeTasks("prod-web", List.of(chosen.taskArn())).get(0).desiredStatus()));
        waitUntil("the task gone from the list", () -> !table.getItems().contains(chosen));
        Label message = find(robot, tasksView, "#tasksMessage");
        assertThat(message.getText(), containsString("is stopping"));
    }

    @Test
    void readOnlyDisablesEveryMutatingControlAndSaysWhy(FxRobot robot) {
        show(robot, 2);
        poll(robot);
        TableView<TaskRow> table = tasksTable(robot);
        waitUntil("the tasks", () -> table.getItems().size() == 3);
        robot.interact(() -> table.getSelectionModel().select(0));
        Control stop = find(robot, tasksView, "#serviceStopTaskButton");
        assertFalse(stop.isDisabled(), "a running task can be stopped");

        robot.interact(() -> readOnly.set(true));
        List<Node> mutating = new ArrayList<>();
        for (Parent view : List.of(eventsView, chartsView, tasksView)) {
            Set<Node> found = robot.from(view).lookup(".mutating").queryAll();
            mutating.addAll(found);
        }
        assertThat(mutating, not(empty()));
        for (Node n : mutating) {
            assertTrue(n.isDisabled(), n + " is disabled in read-only mode");
            assertEquals(ReadOnlyHint.READ_ONLY, ((Control) n).getTooltip().getText(), n + " says why");
        }

        robot.interact(() -> readOnly.set(false));
        assertFalse(stop.isDisabled());
        assertThat(stop.getTooltip().getText(), containsString("Stop the selected task"));
    }
}
