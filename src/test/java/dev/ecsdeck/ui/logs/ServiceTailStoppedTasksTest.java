package dev.ecsdeck.ui.logs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ForwardingEcsProvider;
import dev.ecsdeck.provider.LogPage;
import dev.ecsdeck.provider.LogQuery;
import dev.ecsdeck.provider.LogSink;
import dev.ecsdeck.provider.LogStreamResolver;
import dev.ecsdeck.provider.LogSubscription;
import dev.ecsdeck.provider.LogTailRequest;
import dev.ecsdeck.provider.PollingLogTail;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.provider.TailStatus;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A service's tail over the day: tasks stop and are replaced (one stopped by hand, then a
 * deployment); each stopped task's lines all arrive, once, then its streams are no longer read and
 * its subscription ends, and the status line counts the tasks running now.
 */
class ServiceTailStoppedTasksTest {
    private final DemoSim sim = new DemoSim();
    private final ManualClock clock = sim.clock;
    private final SimProvider backend = sim.provider;
    private final PolledTails polled = new PolledTails(backend);
    private final LogTabsViewModel model = new LogTabsViewModel(polled, new CurrentThreadTaskExecutor(),
            () -> clock.now().toEpochMilli(), 1_000_000, ZoneOffset.UTC);

    @AfterEach
    void close() {
        model.closeAll();
        backend.close();
    }

    /**
     * The backend with real polling tails (the ones the simulator's provider uses) that the test polls
     * by hand, once a simulated second, counting the FilterLogEvents calls that name each stream.
     */
    static final class PolledTails extends ForwardingEcsProvider {
        final List<PollingLogTail> open = new ArrayList<>();
        final Map<String, Integer> callsNaming = new HashMap<>();
        int opened;
        int calls;

        PolledTails(EcsProvider delegate) {
            super(delegate);
        }

        @Override
        public LogSubscription tailLogs(LogTailRequest request, LogSink sink) {
            opened++;
            PollingLogTail[] self = new PollingLogTail[1];
            LogSink ending = new LogSink() {
                @Override
                public void accept(List<LogEvent> batch) {
                    sink.accept(batch);
                }

                @Override
                public void status(TailStatus status) {
                    if (status.state() == TailStatus.State.ENDED || status.state() == TailStatus.State.STOPPED) {
                        open.remove(self[0]);
                    }
                    sink.status(status);
                }
            };
            self[0] = new PollingLogTail(this::read, request, ending, 1_000);
            open.add(self[0]);
            return self[0];
        }

        private LogPage read(LogQuery q) {
            calls++;
            q.logStreamNames().forEach(s -> callsNaming.merge(s, 1, Integer::sum));
            return delegate.filterLogEvents(q);
        }

        void pollAll() {
            List.copyOf(open).forEach(PollingLogTail::pollOnce);
        }
    }

    /** Moves the simulation on a second at a time: the tails poll, the view's timers run. */
    private void run(Duration d, LogTailViewModel tail) {
        for (long s = 0; s < d.toSeconds(); s++) {
            clock.advance(Duration.ofSeconds(1));
            polled.pollAll();
            model.poll();
            tail.drain();
        }
    }

    private List<LogStreamRef> streamsOf(List<EcsTask> tasks) {
        return new LogStreamResolver(backend).forTasks(tasks, null).streams();
    }

    /** Each line as the tail shows it: time, task, container, text. */
    private static Map<String, Integer> multiset(List<String> keys) {
        Map<String, Integer> m = new HashMap<>();
        keys.forEach(k -> m.merge(k, 1, Integer::sum));
        return m;
    }

    private List<EcsTask> running() {
        return backend.listTasks("prod-web", TaskFilter.ofService("web")).stream().filter(t -> t.startedAt() != null).toList();
    }

    @Test
    void aStoppedTasksLinesAllArriveOnceThenItsStreamsAreNoLongerRead() {
        long start = clock.now().toEpochMilli() - LogTabsViewModel.DEFAULT_LOOKBACK_MS;
        model.open(new TreeEntry.ServiceEntry("prod-web", backend.describeServices("prod-web", List.of("web")).get(0)));
        LogTailViewModel tail = model.tails().get(0);
        List<EcsTask> first = running();
        assertEquals(4, first.size());
        run(Duration.ofSeconds(5), tail);
        assertThat(tail.statusProperty().get(), containsString("service web: 4 tasks, 8 streams"));

        // One task stops and the service replaces it; then a deployment replaces every task.
        EcsTask gone = first.get(0);
        backend.stopTask("prod-web", gone.taskArn(), "Stopped by the test");
        run(Duration.ofMinutes(2), tail);
        assertThat(tail.statusProperty().get(), containsString("service web: 4 tasks, 8 streams, 1 stopped task read to its stop"));
        backend.updateService(ServiceUpdate.forceNewDeployment("prod-web", "web"));
        run(Duration.ofMinutes(15), tail);

        List<EcsTask> now = running();
        Set<String> nowIds = new HashSet<>();
        now.forEach(t -> nowIds.add(t.taskId()));
        first.forEach(t -> assertTrue(!nowIds.contains(t.taskId()), "the deployment replaced every first task"));
        List<EcsTask> stopped = backend.listTasks("prod-web", TaskFilter.stoppedOfService("web"));
        assertTrue(stopped.size() >= 5, "the first four and the one stopped by hand's replacement... at least five stopped: " + stopped.size());

        // Every line of every stopped task arrived, once.
        Map<String, LogStreamRef> refOf = new HashMap<>();
        List<LogStreamRef> stoppedStreams = streamsOf(stopped);
        stoppedStreams.forEach(r -> refOf.put(r.logStreamName(), r));
        assertEquals(Set.of("/ecs/web"), new HashSet<>(stoppedStreams.stream().map(LogStreamRef::logGroupName).toList()));
        List<String> written = new ArrayList<>();
        LogQuery q = new LogQuery("/ecs/web", stoppedStreams.stream().map(LogStreamRef::logStreamName).toList(), start, null, null, null);
        for (LogPage page = backend.filterLogEvents(q);; page = backend.filterLogEvents(q.withNextToken(page.nextToken()))) {
            page.events().forEach(e -> written.add(e.timestamp() + " " + refOf.get(e.logStreamName()).taskId() + " "
                    + refOf.get(e.logStreamName()).containerName() + " " + e.message()));
            if (page.nextToken() == null) {
                break;
            }
        }
        Set<String> stoppedIds = new HashSet<>(stopped.stream().map(EcsTask::taskId).toList());
        List<String> shown = tail.lines().stream().filter(l -> stoppedIds.contains(l.taskId()))
                .map(l -> l.timestamp() + " " + l.taskId() + " " + l.container() + " " + l.message()).toList();
        assertTrue(written.size() > 100, "the stopped tasks wrote lines: " + written.size());
        assertEquals(multiset(written), multiset(shown), "every line of the stopped tasks, exactly once");

        // Their streams are read no more: a minute on, only the running tasks' streams are named.
        Map<String, Integer> before = new HashMap<>(polled.callsNaming);
        run(Duration.ofMinutes(1), tail);
        Set<String> readLastMinute = new HashSet<>();
        polled.callsNaming.forEach((stream, calls) -> {
            if (calls > before.getOrDefault(stream, 0)) {
                readLastMinute.add(stream);
            }
        });
        Set<String> runningStreams = new HashSet<>();
        streamsOf(running()).forEach(r -> runningStreams.add(r.logStreamName()));
        assertEquals(runningStreams, readLastMinute, "the running tasks' streams only");
        assertTrue(polled.open.size() <= running().size(),
                "no more subscriptions than running tasks: " + polled.open.size() + " of " + polled.opened + " opened");
        assertTrue(polled.opened > polled.open.size(), "the first subscriptions ended");
        assertThat(tail.statusProperty().get(), containsString("service web: 4 tasks, 8 streams, " + stopped.size()
                + " stopped tasks read to their stop"));
    }

    /** The soak bench's finding: hours of tailing with a deployment an hour, subscriptions and reads stay those of the running tasks. */
    @Test
    void overHoursWithADeploymentAnHourTheTailReadsTheRunningTasksOnly() {
        model.open(new TreeEntry.ServiceEntry("prod-web", backend.describeServices("prod-web", List.of("web")).get(0)));
        LogTailViewModel tail = model.tails().get(0);
        int calls = 0;
        Set<String> named = new HashSet<>();
        for (int hour = 1; hour <= 4; hour++) {
            backend.updateService(ServiceUpdate.forceNewDeployment("prod-web", "web"));
            run(Duration.ofMinutes(59), tail);
            Map<String, Integer> before = new HashMap<>(polled.callsNaming);
            int callsBefore = polled.calls;
            run(Duration.ofMinutes(1), tail);
            calls = polled.calls - callsBefore;
            named.clear();
            polled.callsNaming.forEach((stream, n) -> {
                if (n > before.getOrDefault(stream, 0)) {
                    named.add(stream);
                }
            });
            System.out.printf("hour %d: %d subscriptions open (%d opened), %d FilterLogEvents calls in the last minute naming %d streams; %s%n",
                    hour, polled.open.size(), polled.opened, calls, named.size(), tail.statusProperty().get());
        }
        Set<String> runningStreams = new HashSet<>();
        streamsOf(running()).forEach(r -> runningStreams.add(r.logStreamName()));
        assertEquals(runningStreams, named, "the last minute's reads named the running tasks' streams only");
        assertTrue(polled.open.size() <= running().size(), "no more subscriptions than running tasks: " + polled.open.size());
        assertTrue(calls <= 60 * polled.open.size() * 2, "about a call a second per open subscription: " + calls);
        assertThat(tail.statusProperty().get(), containsString("service web: 4 tasks, 8 streams, "));
    }
}
