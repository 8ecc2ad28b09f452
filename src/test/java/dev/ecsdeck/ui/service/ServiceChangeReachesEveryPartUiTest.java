package dev.ecsdeck.ui.service;

import static dev.ecsdeck.ui.UiTestBench.answerDialog;
import static dev.ecsdeck.ui.UiTestBench.onFx;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A change made in one part of the service panel shows in the others at once: the panel's own read
 * of the service is held at the provider (and the simulator's clock stays put) from before the
 * change until after the assertions, so only the description the change returned can show it.
 */
@ExtendWith(ApplicationExtension.class)
class ServiceChangeReachesEveryPartUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;
    /** While set, the panel's DescribeServices of {@link #held} waits here. */
    private volatile CountDownLatch gate;
    private volatile String held = "";
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger readsDone = new AtomicInteger();

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false, UiTestBench.draftsDir(), engine -> holdingReads(new SimProvider(engine, "demo"))));
    }

    /** Lets any held read go before the shared end closes the window. */
    @AfterEach
    void releaseHeldReads() {
        release();
    }

    /** The simulator, except that a DescribeServices of just the held service waits while the gate is shut. */
    private EcsProvider holdingReads(EcsProvider sim) {
        return (EcsProvider) Proxy.newProxyInstance(EcsProvider.class.getClassLoader(), new Class<?>[] {EcsProvider.class},
                (proxy, method, args) -> {
                    boolean read = method.getName().equals("describeServices") && List.of(held).equals(args[1]);
                    CountDownLatch shut = gate;
                    if (read && shut != null) {
                        waiting.incrementAndGet();
                        shut.await(30, TimeUnit.SECONDS);
                        waiting.decrementAndGet();
                    }
                    try {
                        return method.invoke(sim, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (read) {
                            readsDone.incrementAndGet();
                        }
                    }
                });
    }

    /** Shuts the gate and waits until the panel's next read of the service is held at it (it starts no other meanwhile). */
    private int holdTheNextRead(String service) {
        held = service;
        gate = new CountDownLatch(1);
        waitUntil("the panel's next read held", () -> waiting.get() == 1);
        return readsDone.get();
    }

    private void release() {
        CountDownLatch shut = gate;
        gate = null;
        if (shut != null) {
            shut.countDown();
        }
    }

    private static String counts(FxRobot robot) {
        return robot.lookup("#serviceCounts").queryAs(Label.class).getText();
    }

    /** The newest point of the Charts tab's "Desired" line, as drawn. */
    private static double chartedDesired(FxRobot robot) {
        return onFx(() -> {
            @SuppressWarnings("unchecked")
            XYChart<Number, Number> chart = (XYChart<Number, Number>) robot.lookup("#countsChart").query();
            XYChart.Series<Number, Number> desired = chart.getData().stream().filter(s -> "Desired".equals(s.getName())).findFirst()
                    .orElseThrow();
            return desired.getData().get(desired.getData().size() - 1).getYValue().doubleValue();
        });
    }

    @Test
    void aScaleShowsInTheCountsAndTheChartBeforeTheNextRead(FxRobot robot) {
        ServicePanel panel = bench.openServicePanel(robot, "prod-web", "web");
        waitUntil("four tasks", () -> counts(robot).startsWith("4 desired · 4 running"));
        robot.clickOn("Charts");
        waitUntil("the chart at 4", () -> chartedDesired(robot) == 4);
        int readsBefore = holdTheNextRead("web");

        robot.clickOn("#scaleUpButton").clickOn("#scaleUpButton");
        waitUntil("6 dialled", () -> panel.scaler().desiredProperty().get() == 6);
        robot.clickOn("#applyScaleButton");
        answerDialog(robot, "Confirm");

        waitUntil("the counts at 6", () -> counts(robot).startsWith("6 desired · 4 running"));
        assertEquals(6.0, chartedDesired(robot), "the Charts tab's desired line");
        assertEquals(readsBefore, readsDone.get(), "no read of the service finished meanwhile");
        assertEquals(1, waiting.get(), "the panel's read is still held");
        release();
        waitUntil("the scale controls on again once the change is done", () -> !robot.lookup("#scaleUpButton").query().isDisabled());
    }

    @Test
    void aForcedDeploymentShowsInTheCountsBeforeTheNextRead(FxRobot robot) {
        ServicePanel panel = bench.openServicePanel(robot, "prod-web", "orders-api");
        waitUntil("three tasks", () -> counts(robot).equals("3 desired · 3 running · 0 pending"));
        int readsBefore = holdTheNextRead("orders-api");

        robot.clickOn("#forceDeployButton");
        answerDialog(robot, "Confirm");

        waitUntil("the new deployment in the counts", () -> counts(robot).contains("PRIMARY orders-api:1: 0/3 running"));
        assertThat(counts(robot), containsString("ACTIVE orders-api:1: 3/3 running"));
        assertThat(counts(robot), startsWith("3 desired"));
        assertEquals(2, robot.lookup("#deploymentsTable").queryAs(TableView.class).getItems().size(),
                "the deployments table lists both");
        assertEquals(readsBefore, readsDone.get(), "no read of the service finished meanwhile");
        assertEquals(1, waiting.get(), "the panel's read is still held");
        assertEquals(2, panel.deployments().deployments().size());
    }
}
