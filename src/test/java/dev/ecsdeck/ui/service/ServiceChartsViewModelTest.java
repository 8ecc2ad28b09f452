package dev.ecsdeck.ui.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.MetricPoint;
import dev.ecsdeck.model.ServiceUtilization;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ForwardingEcsProvider;
import dev.ecsdeck.provider.Operation;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.provider.ThrottledException;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.ui.service.ServiceChartsViewModel.CountSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceChartsViewModelTest {
    /** Forwards to the simulator, or answers as the AWS provider does (empty), or fails; counts the calls. */
    static final class Utilization extends ForwardingEcsProvider {
        enum Mode { FORWARD, EMPTY, FAIL }

        Mode mode = Mode.FORWARD;
        int calls;
        Instant lastSince;

        Utilization(EcsProvider delegate) {
            super(delegate);
        }

        @Override
        public Optional<ServiceUtilization> serviceUtilization(String cluster, String service, Instant since) {
            calls++;
            lastSince = since;
            return switch (mode) {
                case FORWARD -> super.serviceUtilization(cluster, service, since);
                case EMPTY -> Optional.empty();
                case FAIL -> throw new ThrottledException(Operation.GET_SERVICE_UTILIZATION, "ThrottlingException", "Rate exceeded");
            };
        }
    }

    private Utilization utilization;
    private final SimServiceFixture sim = new SimServiceFixture("prod-web", "orders-api", p -> utilization = new Utilization(p));
    private final Instant opened = sim.clock.now();
    private final ServiceChartsViewModel vm = sim.add(new ServiceChartsViewModel(sim.context(), sim.ref, sim.service));

    @AfterEach
    void close() {
        sim.close();
    }

    private CountSample last() {
        return vm.counts().get(vm.counts().size() - 1);
    }

    @Test
    void eachPollAddsTheCountsAtTheBackendsTime() {
        assertEquals(List.of(), vm.counts());
        sim.pollNow();
        assertEquals(List.of(new CountSample(opened, 3, 3, 0)), vm.counts());
        sim.poll();
        assertEquals(List.of(new CountSample(opened, 3, 3, 0), new CountSample(opened.plusSeconds(2), 3, 3, 0)), vm.counts());

        // Equal counts extend the run: its last point follows the clock.
        sim.poll();
        sim.poll();
        assertEquals(List.of(new CountSample(opened, 3, 3, 0), new CountSample(opened.plusSeconds(6), 3, 3, 0)), vm.counts());

        sim.backend.updateService(ServiceUpdate.desiredCount("prod-web", "orders-api", 5));
        sim.poll();
        assertEquals(opened.plusSeconds(8), last().time());
        assertEquals(5, last().desired());
        for (int i = 0; i < 60 && last().running() < 5; i++) {
            sim.poll();
        }
        assertEquals(5, last().running());
        assertTrue(vm.counts().stream().anyMatch(s -> s.pending() > 0), "the new tasks were pending for a while: " + vm.counts());
        Instant previous = Instant.MIN;
        for (CountSample s : vm.counts()) {
            assertTrue(s.time().isAfter(previous), "times rise: " + vm.counts());
            previous = s.time();
        }
        assertEquals(sim.clock.now(), last().time());
    }

    @Test
    void countsAreKeptForTwoHours() {
        try (SimServiceFixture web = new SimServiceFixture("prod-web", "web")) { // not auto scaled: its counts are ours to set
            ServiceChartsViewModel charts = web.add(new ServiceChartsViewModel(web.context(), web.ref, web.service));
            web.pollNow();
            for (int i = 0; i < 18; i++) { // three hours, a change every ten minutes
                web.backend.updateService(ServiceUpdate.desiredCount("prod-web", "web", 2 + i % 2));
                web.poll(Duration.ofMinutes(10));
            }
            List<CountSample> counts = charts.counts();
            assertEquals(web.clock.now().minus(Duration.ofHours(2)), counts.get(0).time(), "the first point is two hours back: " + counts);
            assertEquals(13, counts.size(), counts.toString());
            assertEquals(web.clock.now(), counts.get(counts.size() - 1).time());
            assertEquals(List.of(2, 3), counts.stream().map(CountSample::desired).distinct().sorted().toList());
        }
    }

    @Test
    void utilisationComesFromTheSimulatorWithHistoryFromBeforeThePanelOpened() {
        assertEquals(ServiceChartsViewModel.READING, vm.utilizationMessageProperty().get());
        sim.pollNow();
        assertEquals(1, utilization.calls);
        assertEquals(opened.minus(Duration.ofHours(1)), utilization.lastSince);
        assertTrue(vm.utilizationAvailableProperty().get());
        assertEquals("", vm.utilizationMessageProperty().get());
        assertThat("the simulator warmed up for 15 minutes", vm.cpu().size(), greaterThan(10));
        assertEquals(vm.cpu().size(), vm.memory().size());
        assertTrue(vm.cpu().get(0).time().isBefore(opened), vm.cpu().get(0).toString());
        assertTrue(vm.cpu().stream().allMatch(p -> p.value() > 30 && p.value() < 70), "about 48% CPU: " + vm.cpu());
        assertTrue(vm.memory().stream().allMatch(p -> p.value() > 25 && p.value() < 60), "about 41% memory: " + vm.memory());

        // Not more often than every 30 s of backend time.
        for (int i = 0; i < 14; i++) {
            sim.poll();
        }
        assertEquals(1, utilization.calls);
        sim.poll();
        assertEquals(2, utilization.calls);

        // Later reads add the new minutes and leave the points already shown in place.
        MetricPoint first = vm.cpu().get(0);
        int before = vm.cpu().size();
        sim.poll(Duration.ofMinutes(5));
        assertEquals(3, utilization.calls);
        assertSame(first, vm.cpu().get(0));
        assertEquals(before + 5, vm.cpu().size());
    }

    @Test
    void moreLoadShowsAsMoreCpu() {
        sim.pollNow();
        sim.engine.services().setLoadFactor("prod-web", "orders-api", 1.8);
        sim.poll(Duration.ofMinutes(2));
        double latest = vm.cpu().get(vm.cpu().size() - 1).value();
        assertThat("CPU at 1.8 times the load: " + vm.cpu(), latest, greaterThan(65.0));
    }

    @Test
    void aBackendWithoutUtilisationSaysSoInsteadOfAnEmptyChart() {
        utilization.mode = Utilization.Mode.EMPTY;
        sim.pollNow();
        assertFalse(vm.utilizationAvailableProperty().get());
        assertEquals("CPU and memory utilisation are not available from this backend (CloudWatch metrics are not read).",
                vm.utilizationMessageProperty().get());
        assertEquals(List.of(), vm.cpu());
        assertEquals(List.of(), vm.memory());
        sim.poll(Duration.ofMinutes(5));
        assertEquals(1, utilization.calls, "not asked again: the backend cannot change");
        assertEquals(2, vm.counts().size(), "the counts chart works all the same");
    }

    @Test
    void aFailedReadSaysWhyKeepsThePointsAndIsTriedAgainLater() {
        sim.pollNow();
        int shown = vm.cpu().size();
        utilization.mode = Utilization.Mode.FAIL;
        sim.poll(Duration.ofSeconds(30));
        assertThat(vm.utilizationMessageProperty().get(), containsString("CPU and memory utilisation: "));
        assertThat(vm.utilizationMessageProperty().get(), containsString("ThrottlingException: Rate exceeded"));
        assertTrue(vm.utilizationAvailableProperty().get());
        assertEquals(shown, vm.cpu().size());

        utilization.mode = Utilization.Mode.FORWARD;
        sim.poll(Duration.ofSeconds(30));
        assertEquals("", vm.utilizationMessageProperty().get());
        assertEquals(3, utilization.calls);
    }

    @Test
    void mergingPointsKeepsEqualOnesAndFollowsTheNewList() {
        javafx.collections.ObservableList<MetricPoint> shown = javafx.collections.FXCollections.observableArrayList();
        Instant t = DemoSim.START;
        MetricPoint a = new MetricPoint(t, 1);
        MetricPoint b = new MetricPoint(t.plusSeconds(60), 2);
        MetricPoint c = new MetricPoint(t.plusSeconds(120), 3);
        ServiceChartsViewModel.merge(shown, List.of(a, b, c));
        assertEquals(List.of(a, b, c), shown);
        MetricPoint b2 = new MetricPoint(t.plusSeconds(60), 2.5);
        MetricPoint d = new MetricPoint(t.plusSeconds(180), 4);
        ServiceChartsViewModel.merge(shown, List.of(new MetricPoint(t.plusSeconds(60), 2), new MetricPoint(t.plusSeconds(120), 3), d));
        assertSame(b, shown.get(0), "an equal point stays the same object");
        assertEquals(List.of(b, c, d), shown);
        ServiceChartsViewModel.merge(shown, List.of(b2, d));
        assertEquals(List.of(b2, d), shown);
        ServiceChartsViewModel.merge(shown, List.of());
        assertEquals(List.of(), shown);
    }
}
