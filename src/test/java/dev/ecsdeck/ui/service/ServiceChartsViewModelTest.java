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
import dev.ecsdeck.model.TaskCountHistory;
import dev.ecsdeck.provider.AccessDeniedException;
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
        enum Mode { FORWARD, EMPTY, FAIL, DENIED }

        Mode mode = Mode.FORWARD;
        int calls;
        Instant lastSince;
        Duration lastPeriod;
        /** What serviceTaskCounts answers (as the AWS provider's default: empty); null: the simulator's. */
        Optional<TaskCountHistory> taskCounts = Optional.empty();
        int countCalls;

        Utilization(EcsProvider delegate) {
            super(delegate);
        }

        @Override
        public Optional<ServiceUtilization> serviceUtilization(String cluster, String service, Instant since, Duration period) {
            calls++;
            lastSince = since;
            lastPeriod = period;
            return switch (mode) {
                case FORWARD -> super.serviceUtilization(cluster, service, since, period);
                case EMPTY -> Optional.empty();
                case FAIL -> throw new ThrottledException(Operation.GET_SERVICE_UTILIZATION, "ThrottlingException", "Rate exceeded");
                case DENIED -> throw new AccessDeniedException(Operation.GET_SERVICE_UTILIZATION, "AccessDeniedException",
                        "User: arn:aws:iam::123456789012:user/ops is not authorized to perform: cloudwatch:GetMetricData", null);
            };
        }

        @Override
        public Optional<TaskCountHistory> serviceTaskCounts(String cluster, String service, Instant since) {
            countCalls++;
            return taskCounts == null ? super.serviceTaskCounts(cluster, service, since) : taskCounts;
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
    void countsAreKeptForTheRange() {
        try (SimServiceFixture web = new SimServiceFixture("prod-web", "web")) { // not auto scaled: its counts are ours to set
            ServiceChartsViewModel charts = web.add(new ServiceChartsViewModel(web.context(), web.ref, web.service));
            charts.rangeProperty().set(ChartRange.HOUR);
            web.pollNow();
            for (int i = 0; i < 18; i++) { // three hours, a change every ten minutes; one hour kept
                web.backend.updateService(ServiceUpdate.desiredCount("prod-web", "web", 2 + i % 2));
                web.poll(Duration.ofMinutes(10));
            }
            List<CountSample> counts = charts.counts();
            assertEquals(web.clock.now().minus(Duration.ofHours(1)), counts.get(0).time(), "the first point is an hour back: " + counts);
            assertEquals(7, counts.size(), counts.toString());
            assertEquals(web.clock.now(), counts.get(counts.size() - 1).time());
            assertEquals(List.of(2, 3), counts.stream().map(CountSample::desired).distinct().sorted().toList());
        }
    }

    @Test
    void utilisationComesFromTheSimulatorWithHistoryFromBeforeThePanelOpened() {
        assertEquals(ServiceChartsViewModel.READING, vm.utilizationMessageProperty().get());
        sim.pollNow();
        assertEquals(1, utilization.calls);
        assertEquals(opened.minus(Duration.ofHours(3)), utilization.lastSince, "the last three hours");
        assertEquals(Duration.ofMinutes(1), utilization.lastPeriod);
        assertTrue(vm.utilizationAvailableProperty().get());
        assertEquals("", vm.utilizationMessageProperty().get());
        assertEquals(180, vm.cpu().size(), "the demo's 3 hours of history");
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

        // Later reads add the new minutes, drop those now older than the range, and leave the points still shown in place.
        int before = vm.cpu().size();
        MetricPoint sixth = vm.cpu().get(5);
        MetricPoint last = vm.cpu().get(before - 1);
        sim.poll(Duration.ofMinutes(5));
        assertEquals(3, utilization.calls);
        assertEquals(before, vm.cpu().size(), "a full 3 hours: 5 minutes in, 5 out");
        assertSame(sixth, vm.cpu().get(0));
        assertSame(last, vm.cpu().get(before - 6));
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
        assertEquals("CPU and memory utilisation are not available from this backend.", vm.utilizationMessageProperty().get());
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
        ChartPoints.merge(shown, List.of(a, b, c));
        assertEquals(List.of(a, b, c), shown);
        MetricPoint b2 = new MetricPoint(t.plusSeconds(60), 2.5);
        MetricPoint d = new MetricPoint(t.plusSeconds(180), 4);
        ChartPoints.merge(shown, List.of(new MetricPoint(t.plusSeconds(60), 2), new MetricPoint(t.plusSeconds(120), 3), d));
        assertSame(b, shown.get(0), "an equal point stays the same object");
        assertEquals(List.of(b, c, d), shown);
        ChartPoints.merge(shown, List.of(b2, d));
        assertEquals(List.of(b2, d), shown);
        ChartPoints.merge(shown, List.of());
        assertEquals(List.of(), shown);
    }

    @Test
    void anotherRangeIsReadAtOnceWithItsPeriodThenEvery30Seconds() {
        sim.pollNow();
        assertEquals(1, utilization.calls);
        sim.poll();
        vm.rangeProperty().set(ChartRange.DAY);
        assertEquals(2, utilization.calls, "read at once, not 30 s after the last read");
        assertEquals(sim.clock.now().minus(Duration.ofDays(1)), utilization.lastSince);
        assertEquals(Duration.ofMinutes(5), utilization.lastPeriod);
        // The simulator answers per minute: the chart shows 5-minute averages, each at the start of its period.
        assertTrue(vm.cpu().size() > 1, vm.cpu().toString());
        for (MetricPoint p : vm.cpu()) {
            assertEquals(0, p.time().getEpochSecond() % 300, "on a 5-minute boundary: " + vm.cpu());
        }
        for (int i = 1; i < vm.cpu().size(); i++) {
            assertEquals(Duration.ofMinutes(5), Duration.between(vm.cpu().get(i - 1).time(), vm.cpu().get(i).time()));
        }
        assertEquals("", vm.utilizationMessageProperty().get());
        for (int i = 0; i < 14; i++) {
            sim.poll();
        }
        assertEquals(2, utilization.calls, "then again only every 30 s");
        sim.poll();
        assertEquals(3, utilization.calls);
        assertEquals(sim.clock.now(), vm.endProperty().get(), "the charts end at the backend's time");
    }

    @Test
    void hiddenChartsDoNotReadAndReadWhenShownAgain() {
        sim.pollNow();
        vm.shownProperty().set(false);
        sim.poll(Duration.ofMinutes(5));
        sim.poll(Duration.ofMinutes(5));
        vm.rangeProperty().set(ChartRange.HOUR);
        assertEquals(1, utilization.calls, "no reads while another tab is in front, not even for a new range");
        assertEquals(1, utilization.countCalls);
        vm.shownProperty().set(true);
        assertEquals(2, utilization.calls);
        assertEquals(sim.clock.now().minus(Duration.ofHours(1)), utilization.lastSince);
    }

    @Test
    void containerInsightsHistoryComesBeforeTheLiveSamples() {
        Instant before = opened.minusSeconds(opened.getEpochSecond() % 60);
        List<MetricPoint> desired = new java.util.ArrayList<>();
        List<MetricPoint> running = new java.util.ArrayList<>();
        for (int m = 10; m >= 1; m--) {
            Instant t = before.minus(Duration.ofMinutes(m));
            desired.add(new MetricPoint(t, m > 5 ? 2 : 3));
            running.add(new MetricPoint(t, m > 4 ? 2 : 3));
        }
        desired.add(new MetricPoint(opened.plusSeconds(30), 9)); // after the panel opened: the live samples win there
        utilization.taskCounts = Optional.of(new TaskCountHistory(desired, running, List.of()));
        sim.pollNow();
        sim.poll();
        assertEquals(1, utilization.countCalls);
        assertEquals(10, vm.historySize());
        assertEquals(12, vm.counts().size(), vm.counts().toString());
        assertEquals(new CountSample(before.minus(Duration.ofMinutes(10)), 2, 2, 0), vm.counts().get(0));
        assertEquals(new CountSample(before.minus(Duration.ofMinutes(4)), 3, 3, 0), vm.counts().get(6));
        assertEquals(new CountSample(opened, 3, 3, 0), vm.counts().get(10), "then the live samples");
        assertEquals("", vm.countsMessageProperty().get());

        // A later read with more history replaces it; the live samples stay as they are.
        CountSample firstLive = vm.counts().get(10);
        desired.add(0, new MetricPoint(before.minus(Duration.ofMinutes(11)), 1));
        utilization.taskCounts = Optional.of(new TaskCountHistory(desired, running, List.of()));
        sim.poll(Duration.ofSeconds(30));
        assertEquals(11, vm.historySize());
        assertEquals(1, vm.counts().get(0).desired());
        assertSame(firstLive, vm.counts().get(11));
    }

    @Test
    void withoutContainerInsightsTheCountsChartSaysHowToGetHistory() {
        try (SimServiceFixture batch = new SimServiceFixture("prod-batch", "reports-worker")) { // the demo's cluster without it
            Instant start = batch.clock.now();
            ServiceChartsViewModel charts = batch.add(new ServiceChartsViewModel(batch.context(), batch.ref, batch.service));
            batch.pollNow();
            assertEquals(0, charts.historySize());
            assertEquals("Task counts before " + dev.ecsdeck.ui.common.TimeFormat.clock(start)
                    + " are not recorded: turn on Container Insights for cluster prod-batch to see their history.",
                    charts.countsMessageProperty().get());

            // Once the range no longer reaches back before the panel opened, there is nothing to explain.
            batch.poll(Duration.ofMinutes(61));
            charts.rangeProperty().set(ChartRange.HOUR);
            assertEquals("", charts.countsMessageProperty().get());
        }
    }

    @Test
    void withContainerInsightsOnButNoHistoryItSaysSoAndDoesNotAskToTurnItOn() {
        sim.pollNow(); // prod-web has Container Insights enabled in the demo; this provider returns no history
        assertEquals("Task counts before " + dev.ecsdeck.ui.common.TimeFormat.clock(opened)
                + " are not shown: Container Insights returned none for this range.", vm.countsMessageProperty().get());
    }

    @Test
    void aRefusedReadSaysWhichPermissionTheChartsNeed() {
        utilization.mode = Utilization.Mode.DENIED;
        sim.pollNow();
        assertThat(vm.utilizationMessageProperty().get(), containsString("not authorized to perform: cloudwatch:GetMetricData"));
        utilization.mode = Utilization.Mode.FORWARD;
        String text = ServiceChartsViewModel.failure(new AccessDeniedException(Operation.GET_SERVICE_UTILIZATION, "AccessDeniedException",
                "Access denied", null));
        assertThat(text, containsString("AccessDeniedException"));
        assertThat(text, containsString("the charts need the IAM permission cloudwatch:GetMetricData."));
    }

    @Test
    void pointsAreAveragedOverTheRangesPeriod() {
        Instant t = Instant.parse("2026-01-01T10:00:00Z");
        List<MetricPoint> minutes = new java.util.ArrayList<>();
        for (int m = 0; m < 12; m++) {
            minutes.add(new MetricPoint(t.plus(Duration.ofMinutes(m)), m));
        }
        assertEquals(List.of(new MetricPoint(t, 2), new MetricPoint(t.plusSeconds(300), 7), new MetricPoint(t.plusSeconds(600), 10.5)),
                ChartPoints.averaged(minutes, Duration.ofMinutes(5)));
        assertEquals(minutes, ChartPoints.averaged(minutes, Duration.ofMinutes(1)));
        assertEquals(List.of(), ChartPoints.averaged(List.of(), Duration.ofMinutes(5)));
    }

    @Test
    void everyRangeHasAtMost360PointsOnWholeMinutes() {
        for (ChartRange r : ChartRange.values()) {
            long points = r.span().dividedBy(r.period());
            assertTrue(points <= 360, r + ": " + points);
            assertEquals(0, r.period().getSeconds() % 60, r.toString());
        }
        assertEquals(ChartRange.THREE_HOURS, ChartRange.DEFAULT);
    }

    @Test
    void theSimulatorsContainerInsightsCountsComeBeforeTheLiveOnes() {
        utilization.taskCounts = null; // prod-web has Container Insights in the demo
        sim.pollNow();
        assertThat("the warm-up's minutes", vm.historySize(), greaterThan(5));
        assertTrue(vm.counts().get(0).time().isBefore(opened), vm.counts().toString());
        assertTrue(vm.counts().subList(0, vm.historySize()).stream().allMatch(c -> c.time().isBefore(opened) && c.desired() == 3),
                vm.counts().toString());
        assertEquals(opened, vm.counts().get(vm.historySize()).time(), "then the live samples");
        assertEquals("", vm.countsMessageProperty().get());
    }
}
