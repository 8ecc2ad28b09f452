package dev.ecsdeck.ui.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import dev.ecsdeck.ui.common.HeldTaskExecutor;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What one part of the service panel changes, every part shows at once, without waiting for the next read. */
class CurrentServiceTest {
    private final ServiceTestSim sim = new ServiceTestSim();
    private final List<String> calls = new ArrayList<>();
    private final EcsProvider counted = (EcsProvider) Proxy.newProxyInstance(EcsProvider.class.getClassLoader(),
            new Class<?>[] {EcsProvider.class}, (proxy, method, args) -> {
                calls.add(method.getName());
                try {
                    return method.invoke(sim.provider, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });

    @AfterEach
    void close() {
        sim.close();
    }

    private ServicePanelContext context(TaskExecutor executor) {
        return new ServicePanelContext(counted, executor, sim.context.confirmer(), sim.context.typedConfirmer(), sim.readOnly,
                sim.context.nowMillis());
    }

    private long reads() {
        return calls.stream().filter("describeServices"::equals).count();
    }

    @Test
    void aScaleShowsInTheCountsAndTheChartWithoutAnotherRead() {
        ServicePanelContext context = context(new CurrentThreadTaskExecutor());
        ServicePanelViewModel panel = new ServicePanelViewModel(context, new ServiceRef("prod-web", "web"));
        ServiceScaler scaler = panel.add(new ServiceScaler(context, panel.ref(), panel.current()));
        ServiceChartsViewModel charts = panel.add(new ServiceChartsViewModel(context, panel.ref(), panel.serviceProperty()));
        panel.poll();
        assertThat(panel.countsProperty().get(), startsWith("4 desired"));
        long before = reads();

        scaler.desiredProperty().set(6);
        scaler.apply();

        assertEquals(before, reads(), "no DescribeServices after the UpdateService");
        assertThat(panel.countsProperty().get(), startsWith("6 desired"));
        assertEquals(6, charts.counts().get(charts.counts().size() - 1).desired(), "the chart's newest desired count");
        assertEquals(6, scaler.desiredProperty().get());
    }

    @Test
    void aNewDeploymentShowsInTheCountsAndTheScalerWithoutAnotherRead() {
        ServicePanelContext context = context(new CurrentThreadTaskExecutor());
        ServicePanelViewModel panel = new ServicePanelViewModel(context, new ServiceRef("prod-web", "orders-api"));
        ServiceScaler scaler = panel.add(new ServiceScaler(context, panel.ref(), panel.current()));
        DeploymentsViewModel deployments = panel.add(new DeploymentsViewModel(context, panel.ref(), panel.current()));
        panel.poll();
        long before = reads();

        deployments.forceNewDeployment();

        assertEquals(before, reads());
        assertEquals(2, deployments.deployments().size());
        assertThat(panel.countsProperty().get(), containsString("PRIMARY orders-api:1: 0/3 running"));
        assertEquals(3, scaler.desiredProperty().get());
    }

    @Test
    void anAutoScalingChangeMakesThePanelReadTheServiceAtOnce() {
        ServicePanelContext context = context(new CurrentThreadTaskExecutor());
        ServicePanelViewModel panel = new ServicePanelViewModel(context, new ServiceRef("prod-web", "orders-api"));
        AutoScalingViewModel autoScaling = panel.add(new AutoScalingViewModel(context, panel.ref(), panel.current()));
        panel.poll();
        assertThat(panel.countsProperty().get(), startsWith("3 desired"));
        long before = reads();

        autoScaling.minTextProperty().set("5");
        autoScaling.applyRange();

        assertEquals(before + 1, reads(), "the panel read the service once, at once");
        assertEquals(sim.service("prod-web", "orders-api").desiredCount(), panel.serviceProperty().get().desiredCount());
    }

    @Test
    void aChangeMadeElsewhereIsShownOnlyByItsServicesPanel() {
        ServicePanelContext context = context(new CurrentThreadTaskExecutor());
        ServicePanelViewModel panel = new ServicePanelViewModel(context, new ServiceRef("prod-web", "web"));
        panel.poll();
        EcsService other = sim.provider.updateService(ServiceUpdate.desiredCount("prod-web", "orders-api", 7));
        panel.changedElsewhere(other);
        assertEquals("web", panel.serviceProperty().get().serviceName());
        EcsService web = sim.provider.updateService(ServiceUpdate.desiredCount("prod-web", "web", 2));
        panel.changedElsewhere(web);
        assertSame(web, panel.serviceProperty().get());
        assertThat(panel.countsProperty().get(), startsWith("2 desired"));
    }

    @Test
    void aReadBegunBeforeAChangeDoesNotPutTheOldServiceBack() {
        HeldTaskExecutor executor = new HeldTaskExecutor();
        ServicePanelViewModel panel = new ServicePanelViewModel(context(executor), new ServiceRef("prod-web", "web"));
        panel.poll();
        executor.runNext();
        panel.poll(); // reads desired 4 …
        EcsService scaled = sim.provider.updateService(ServiceUpdate.desiredCount("prod-web", "web", 6));
        panel.current().publish(scaled); // … while a part publishes 6
        executor.runNext();
        assertSame(scaled, panel.serviceProperty().get(), "the older read is not shown");
        assertEquals(2, panel.readsProperty().get());
        panel.poll();
        executor.runNext();
        assertEquals(6, panel.serviceProperty().get().desiredCount(), "the next read is shown");
        assertFalse(scaled == panel.serviceProperty().get());
    }

    @Test
    void aReadAskedForWhileOneIsUnderWayFollowsIt() {
        HeldTaskExecutor executor = new HeldTaskExecutor();
        ServicePanelViewModel panel = new ServicePanelViewModel(context(executor), new ServiceRef("prod-web", "web"));
        panel.poll();
        panel.current().readNow();
        assertEquals(1, executor.waiting(), "one read at a time");
        executor.runNext();
        assertEquals(1, executor.waiting(), "the asked-for read follows the one under way");
        executor.runNext();
        assertTrue(executor.waiting() == 0);
        assertEquals(2, panel.readsProperty().get());
    }
}
