package dev.ecsdeck.ui;

import static dev.ecsdeck.ui.UiTestBench.answerDialog;
import static dev.ecsdeck.ui.UiTestBench.clusterNamed;
import static dev.ecsdeck.ui.UiTestBench.onFx;
import static dev.ecsdeck.ui.UiTestBench.serviceNamed;
import static dev.ecsdeck.ui.UiTestBench.servicesOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.LogStreamResolver;
import dev.ecsdeck.provider.aws.AwsEcsProvider;
import dev.ecsdeck.provider.aws.AwsSettings;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.wire.WireServer;
import dev.ecsdeck.ui.logs.LogLine;
import dev.ecsdeck.ui.logs.LogTabsViewModel;
import dev.ecsdeck.ui.logs.LogTailViewModel;
import dev.ecsdeck.ui.service.ServicePanel;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The chaos run: the console's main flows in the real window, against the AWS provider (real SDK
 * clients) talking to the simulator's wire server on 127.0.0.1, which throttles 30% of calls,
 * fails 5% with HTTP 500, delays 5% by 2 s, resets 3% of connections, and, in the log test, goes
 * away entirely for 30 s. Every flow must complete once the faults clear, the tail must resume
 * with no line lost or repeated, and no exception may go uncaught. Simulated time moves only when
 * the test moves it; faults happen in real time, so waits are long but bounded.
 */
@ExtendWith(ApplicationExtension.class)
class ChaosUiTest {
    private static final ApiFaults.Config CHAOS = ApiFaults.Config.none().withThrottleRate(0.30).withErrorRate(0.05)
            .withSpikes(0.05, 2_000).withDropRate(0.03);
    private static final int OUTAGE_SECONDS = 30;
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private final ApiFaults faults = ApiFaults.realTime(20261122);
    private WireServer server;
    private UiTestBench bench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        bench = end.watch(new UiTestBench(stage, false, UiTestBench.draftsDir(), engine -> {
            try {
                server = end.closeAfter(new WireServer(engine, faults, 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new AwsEcsProvider(new AwsSettings(null, "us-east-1", URI.create("http://127.0.0.1:" + server.port())));
        }));
        faults.configure(CHAOS);
    }

    @AfterEach
    void printFaultCounts() {
        ApiFaults.Counts counts = faults.counts();
        System.out.printf("CHAOS calls=%d throttled=%d failed=%d spikes=%d%n", counts.calls(), counts.throttled(), counts.failed(),
                faults.spikes());
    }

    @Test
    void theMainFlowsCompleteUnderFaultsAndAThirtySecondOutageAndTheTailLosesNothing(FxRobot robot) {
        // Browse: every cluster, and their services with their counts.
        for (String cluster : List.of("prod-web", "prod-batch", "staging")) {
            TreeItem<TreeEntry> row = waitForRow("cluster " + cluster, clusterNamed(cluster));
            robot.interact(() -> row.setExpanded(true));
            TreeItem<TreeEntry> folder = waitForRow("services of " + cluster, servicesOf(cluster));
            robot.interact(() -> folder.setExpanded(true));
        }
        waitForRow("web", serviceNamed("prod-web", "web"));
        waitForRow("notifications", serviceNamed("staging", "notifications"));

        // Tail web's logs from five minutes back.
        long tailStart = bench.clock.now().toEpochMilli() - LogTabsViewModel.DEFAULT_LOOKBACK_MS;
        ServicePanel panel = openPanel(robot, "prod-web", "web");
        robot.clickOn("#tailServiceButton");
        waitLong("a log tab", 60, () -> !bench.window.logs().tails().isEmpty());
        LogTailViewModel tail = bench.window.logs().tails().get(0);
        waitLong("the backlog", 60, () -> tail.receivedProperty().get() > 50);
        List<LogStreamRef> streams = new LogStreamResolver(bench.backend).forService("prod-web", "web").streams();
        assertEquals(4, streams.stream().map(LogStreamRef::taskId).distinct().count(), "web's four tasks");

        // The network goes away for 30 s while the containers keep logging; the tail says it is
        // retrying, and a scale is asked for in the middle of it.
        faults.outage(true);
        long outageEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(OUTAGE_SECONDS);
        for (int i = 0; i < 6; i++) {
            bench.clock.advance(Duration.ofSeconds(10));
        }
        waitLong("4 desired", 30, () -> panel.scaler().desiredProperty().get() == 4);
        robot.clickOn("#scaleUpButton");
        robot.clickOn("#applyScaleButton");
        confirm(robot);
        waitLong("the tail says it is retrying", 40, () -> tail.statusProperty().get().contains("Retrying"));
        waitLong("the outage's end", OUTAGE_SECONDS + 5, () -> System.nanoTime() >= outageEnds);
        faults.outage(false);

        // The scale either ran out of SDK retries during the outage — a clear error naming the call,
        // nothing changed — or its last retries came after it and it went through. Both are right.
        waitLong("scaling settled", 60, () -> scaleProgress(robot).startsWith("Not scaled: UpdateService failed")
                || desiredOfWeb() == 5);
        if (desiredOfWeb() != 5) {
            assertThat(scaleProgress(robot), containsString("UpdateService failed"));
            System.out.println("CHAOS scaling during the outage ended with: " + scaleProgress(robot));
            waitLong("5 dialled", 30, () -> panel.scaler().desiredProperty().get() == 5);
            robot.clickOn("#applyScaleButton");
            confirm(robot);
        } else {
            System.out.println("CHAOS scaling during the outage went through once it ended");
        }
        waitLong("desired 5 in ECS", 60, () -> desiredOfWeb() == 5);
        bench.clock.advance(Duration.ofMinutes(2));
        waitLong("running 5 on screen", 60, () -> counts(robot).startsWith("5 desired · 5 running · 0 pending"));

        // Edit orders-api's image, register, deploy, and follow the rollout to the end.
        openPanel(robot, "prod-web", "orders-api");
        robot.clickOn("#editTaskDefinitionButton");
        waitLong("the editor", 60, () -> selectedTab().getText().equals("orders-api:1") && !selectedTab().getContent().lookupAll("#image-0").isEmpty());
        Node editor = onFx(() -> selectedTab().getContent());
        TextField image = robot.from(editor).lookup("#image-0").query();
        UiTestBench.scrollIntoView(robot, image);
        robot.clickOn(image).type(KeyCode.END).type(KeyCode.BACK_SPACE).write("2").type(KeyCode.ENTER);
        robot.clickOn(robot.from(editor).lookup("#registerButton").<Node>query());
        waitLong("registered", 60, () -> selectedTab().getText().equals("orders-api:3"));
        assertThat(bench.backend.describeTaskDefinition("orders-api:3").json(), containsString("orders-api:3.4.2"));
        assertEquals(3, bench.backend.listTaskDefinitions("orders-api", false).size(), "registered once, not once per retry");

        ComboBox<?> targets = robot.from(editor).lookup("#deployTargets").query();
        waitLong("deploy targets", 60, () -> targets.getItems().size() == 2);
        robot.clickOn(targets);
        robot.clickOn("orders-api in prod-web (runs orders-api:1)");
        robot.clickOn(robot.from(editor).lookup("#deployButton").<Node>query());
        // The deploy question: the service's own (rolling) strategy, once it has read the changes.
        waitLong("the deploy question, ready", 60, () -> robot.lookup("#deployConfirm").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        answerDialog(robot, "Deploy");
        waitLong("deployed", 60, () -> bench.backend.describeServices("prod-web", List.of("orders-api")).get(0).taskDefinition()
                .endsWith("orders-api:3"));
        bench.clock.advance(Duration.ofMinutes(15));
        waitLong("the rollout's end on screen", 90, () -> robot.from(editor).lookup("#rolloutHeadline").queryAs(Label.class).getText()
                .contains("orders-api:3 is deployed"));

        // The tail went through all of it: every line web's first four tasks wrote, once (the fifth joined later).
        List<LogEvent> written = bench.logEventsWritten(streams, tailStart);
        waitLong("every line written, through the outage", 60, () -> linesOf(tail, streams) >= written.size());
        Map<String, Integer> expected = new HashMap<>();
        Map<String, LogStreamRef> byStream = new HashMap<>();
        streams.forEach(st -> byStream.put(st.logStreamName(), st));
        for (LogEvent e : written) {
            expected.merge(byStream.get(e.logStreamName()).taskId() + " " + e.message(), 1, Integer::sum);
        }
        java.util.Set<String> tasks = byStream.values().stream().map(LogStreamRef::taskId).collect(java.util.stream.Collectors.toSet());
        Map<String, Integer> received = onFx(() -> {
            Map<String, Integer> m = new HashMap<>();
            for (LogLine l : tail.lines()) {
                if (tasks.contains(l.taskId())) {
                    m.merge(l.taskId() + " " + l.message(), 1, Integer::sum);
                }
            }
            return m;
        });
        assertEquals(expected, received, "the same lines, each as many times as written: none lost, none twice");
        assertTrue(faults.counts().throttled() > 10 && faults.counts().failed() > 0, "faults were injected: " + faults.counts());
        System.out.printf("CHAOS flows=4 tail lines=%d lost=0 duplicated=0%n", written.size());
    }

    private static long linesOf(LogTailViewModel tail, List<LogStreamRef> streams) {
        java.util.Set<String> tasks = streams.stream().map(LogStreamRef::taskId).collect(java.util.stream.Collectors.toSet());
        return tail.lines().stream().filter(l -> tasks.contains(l.taskId())).count();
    }

    private int desiredOfWeb() {
        return bench.backend.describeServices("prod-web", List.of("web")).get(0).desiredCount();
    }

    private static String scaleProgress(FxRobot robot) {
        return robot.lookup("#scaleProgress").queryAs(Label.class).getText();
    }

    private ServicePanel openPanel(FxRobot robot, String cluster, String service) {
        TreeItem<TreeEntry> clusterRow = waitForRow("cluster " + cluster, clusterNamed(cluster));
        robot.interact(() -> clusterRow.setExpanded(true));
        TreeItem<TreeEntry> folder = waitForRow("services folder", servicesOf(cluster));
        robot.interact(() -> folder.setExpanded(true));
        TreeItem<TreeEntry> row = waitForRow("service " + service, serviceNamed(cluster, service));
        robot.interact(() -> {
            bench.window.detailTabs().getSelectionModel().select(0);
            bench.window.treeController().select(row);
        });
        waitLong("the panel of " + service, 60, () -> bench.window.servicePanel() != null
                && bench.window.servicePanel().ref().service().equals(service)
                && bench.window.servicePanel().model().serviceProperty().get() != null
                && bench.window.servicePanel().model().serviceProperty().get().serviceName().equals(service));
        return bench.window.servicePanel();
    }

    /** Confirms the question on screen; under faults, reading what it shows can take a while. */
    private static void confirm(FxRobot robot) {
        waitLong("a question", 60, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        answerDialog(robot, "Confirm");
    }

    private TreeItem<TreeEntry> waitForRow(String what, java.util.function.Predicate<TreeEntry> which) {
        waitLong(what, 60, () -> bench.window.tree().find(which) != null);
        return onFx(() -> bench.window.tree().find(which));
    }

    private Tab selectedTab() {
        return bench.window.detailTabs().getSelectionModel().getSelectedItem();
    }

    private static String counts(FxRobot robot) {
        return robot.lookup("#serviceCounts").queryAs(Label.class).getText();
    }

    /** Waits on the FX thread for up to {@code seconds}: faults make calls slow, never endless. */
    private static void waitLong(String what, int seconds, BooleanSupplier condition) {
        long t0 = System.nanoTime();
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + seconds + " s waiting for " + what, e);
        }
        System.out.printf("CHAOS %6d ms  %s%n", (System.nanoTime() - t0) / 1_000_000, what);
    }
}
