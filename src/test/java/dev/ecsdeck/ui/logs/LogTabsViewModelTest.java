package dev.ecsdeck.ui.logs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ForwardingEcsProvider;
import dev.ecsdeck.provider.LogPage;
import dev.ecsdeck.provider.LogQuery;
import dev.ecsdeck.provider.LogSink;
import dev.ecsdeck.provider.LogSubscription;
import dev.ecsdeck.provider.LogTailRequest;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.provider.TailStatus;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Opening tails of services, tasks, containers and hand-picked streams on the demo simulator, from
 * each start point; and a service tail taking in new tasks after a scale-up, as the clock moves.
 */
class LogTabsViewModelTest {
    private static final Instant T0 = DemoSim.START;
    private final DemoSim sim = new DemoSim();
    private final ManualClock clock = sim.clock;
    private final SimProvider backend = sim.provider;
    private final Tails tails = new Tails(backend);
    private final LogTabsViewModel model = new LogTabsViewModel(tails, new CurrentThreadTaskExecutor(),
            () -> clock.now().toEpochMilli(), 100_000, ZoneOffset.UTC);

    @AfterEach
    void close() {
        model.closeAll();
        backend.close();
    }

    /**
     * The backend, but a tail is one FilterLogEvents read of what is there, delivered at once, with
     * no thread: the tests see exactly which streams were subscribed to, from when, and the lines.
     */
    static final class Tails extends ForwardingEcsProvider {
        final List<LogTailRequest> requests = new ArrayList<>();
        int closed;
        int finished;

        Tails(EcsProvider delegate) {
            super(delegate);
        }

        @Override
        public LogSubscription tailLogs(LogTailRequest request, LogSink sink) {
            requests.add(request);
            request.streams().stream().collect(Collectors.groupingBy(LogStreamRef::logGroupName)).forEach((group, refs) -> {
                String token = null;
                do {
                    LogPage page = delegate.filterLogEvents(new LogQuery(group, refs.stream().map(LogStreamRef::logStreamName).toList(),
                            request.startTime(), request.endTime(), token, null));
                    sink.accept(page.events());
                    token = page.nextToken();
                } while (token != null);
            });
            return new LogSubscription() {
                @Override
                public void close() {
                    closed++;
                }

                @Override
                public void finish() {
                    finished++;
                    sink.status(new TailStatus(TailStatus.State.ENDED, "Read to the end"));
                }
            };
        }

        List<LogStreamRef> lastStreams() {
            return requests.get(requests.size() - 1).streams();
        }
    }

    private TreeEntry.ServiceEntry service(String cluster, String name) {
        return new TreeEntry.ServiceEntry(cluster, backend.describeServices(cluster, List.of(name)).get(0));
    }

    private EcsTask aTaskOf(String cluster, String service) {
        return backend.listTasks(cluster, TaskFilter.ofService(service)).get(0);
    }

    private LogTailViewModel only() {
        assertEquals(1, model.tails().size());
        return model.tails().get(0);
    }

    @Test
    void aServiceTailFollowsEveryContainerOfEveryTaskFromFiveMinutesBack() {
        model.open(service("prod-web", "web"));
        LogTailViewModel tail = only();
        assertEquals(tail, model.selectedProperty().get());
        assertEquals("service web (prod-web)", tail.title());
        assertEquals(1, tails.requests.size());
        assertEquals(8, tails.lastStreams().size());
        assertEquals(T0.minus(Duration.ofMinutes(5)).toEpochMilli(), tails.requests.get(0).startTime());
        assertEquals(4, tail.sourceCount(), "each task its own colour");
        assertThat(tail.statusProperty().get(), containsString("Following service web: 4 tasks, 8 streams, since 2026-11-22 08:55:00 (5 min back)"));
        assertTrue(tail.drain() > 100, "five minutes of eight streams");
        Set<String> tasksSeen = new HashSet<>();
        tail.lines().forEach(l -> tasksSeen.add(l.taskId()));
        assertEquals(4, tasksSeen.size(), "lines of each task, interleaved");
    }

    @Test
    void aTaskTailFollowsItsContainersAndAContainerTailJustOne() {
        EcsTask task = aTaskOf("prod-web", "web");
        model.open(new TreeEntry.TaskEntry("prod-web", task));
        assertEquals(2, tails.lastStreams().size());
        tails.lastStreams().forEach(r -> assertEquals(task.taskId(), r.taskId()));
        assertEquals("task " + task.taskId().substring(0, 8) + " (prod-web)", model.tails().get(0).title());

        model.open(new TreeEntry.ContainerEntry("prod-web", task, task.containers().get(0)));
        assertEquals(2, model.tails().size());
        assertEquals(model.tails().get(1), model.selectedProperty().get(), "several tails in tabs; the new one shows");
        assertEquals(List.of(task.containers().get(0).name()), tails.lastStreams().stream().map(LogStreamRef::containerName).toList());
        assertThat(model.tails().get(1).statusProperty().get(), containsString("Following container " + task.containers().get(0).name()));
    }

    @Test
    void theChosenStartPointAppliesToTheNextTail() {
        model.start().choiceProperty().set(TailStart.Choice.LIVE);
        model.open(service("prod-web", "web"));
        assertEquals(T0.toEpochMilli(), tails.requests.get(0).startTime());
        assertThat(model.tails().get(0).statusProperty().get(), containsString("live from 2026-11-22 09:00:00"));

        model.start().choiceProperty().set(TailStart.Choice.ONE_MINUTE);
        model.open(service("prod-web", "web"));
        assertEquals(T0.minusSeconds(60).toEpochMilli(), tails.requests.get(1).startTime());

        model.start().choiceProperty().set(TailStart.Choice.ONE_HOUR);
        model.open(service("prod-web", "web"));
        assertEquals(T0.minusSeconds(3600).toEpochMilli(), tails.requests.get(2).startTime());

        model.start().choiceProperty().set(TailStart.Choice.CHOSEN);
        model.start().timeTextProperty().set("2026-11-22 08:30");
        model.open(service("prod-web", "web"));
        assertEquals(Instant.parse("2026-11-22T08:30:00Z").toEpochMilli(), tails.requests.get(3).startTime());
        assertThat(model.tails().get(3).statusProperty().get(), containsString("since 2026-11-22 08:30:00"));
        assertEquals(4, model.tails().size());
    }

    @Test
    void aBadChosenTimeOpensNothingAndSaysWhy() {
        model.start().choiceProperty().set(TailStart.Choice.CHOSEN);
        model.start().timeTextProperty().set("yesterday 9am");
        model.open(service("prod-web", "web"));
        assertTrue(model.tails().isEmpty());
        assertTrue(tails.requests.isEmpty());
        assertEquals("Start time: 'yesterday 9am' is not a date and time as yyyy-MM-dd HH:mm[:ss].", model.start().errorProperty().get());

        model.start().timeTextProperty().set("2026-11-22 10:00");
        assertEquals("", model.start().errorProperty().get(), "typing clears the error");
        model.open(service("prod-web", "web"));
        assertThat(model.start().errorProperty().get(), containsString("is in the future"));
        assertTrue(model.tails().isEmpty());
    }

    @Test
    void aServiceTailTakesInNewTasksAfterAScaleUp() {
        model.open(service("prod-web", "web"));
        LogTailViewModel tail = only();
        assertEquals(1, tails.requests.size());
        backend.updateService(ServiceUpdate.desiredCount("prod-web", "web", 6));

        clock.advance(Duration.ofSeconds(10));
        model.poll();
        assertEquals(1, tails.requests.size(), "not yet: tasks are looked for every 15 s");

        clock.advance(Duration.ofSeconds(50));
        model.poll();
        assertEquals(2, tails.requests.size(), "one more subscription, for the new tasks' streams");
        List<LogStreamRef> added = tails.lastStreams();
        assertEquals(4, added.size(), "two containers of two new tasks");
        assertEquals(2, added.stream().map(LogStreamRef::taskId).distinct().count());
        assertEquals(T0.minus(Duration.ofMinutes(5)).toEpochMilli(), tails.requests.get(1).startTime(), "from the tail's start");
        assertEquals(6, tail.sourceCount(), "the new tasks get their own colours");
        tail.drain();
        Set<String> tasksSeen = new HashSet<>();
        tail.lines().forEach(l -> tasksSeen.add(l.taskId()));
        assertTrue(tasksSeen.containsAll(added.stream().map(LogStreamRef::taskId).toList()), "lines of the new tasks arrive");

        clock.advance(Duration.ofSeconds(15));
        model.poll();
        assertEquals(2, tails.requests.size(), "nothing new, no new subscription");

        model.close(tail);
        assertEquals(2, tails.closed, "closing the tab closes every subscription");
        clock.advance(Duration.ofSeconds(60));
        model.poll();
        assertEquals(2, tails.requests.size(), "a closed tail is not looked after");
    }

    @Test
    void handPickedStreamsAndPrefixes() {
        List<String> two = backend.describeLogStreams("/ecs/web", null, null).items().stream().limit(2)
                .map(s -> s.logStreamName()).toList();
        model.openHandPicked(new HandPickedSource("/ecs/web", two, "", TailStart.since(Duration.ofMinutes(1))));
        assertEquals(two, tails.lastStreams().stream().map(LogStreamRef::logStreamName).toList());
        assertEquals(T0.minusSeconds(60).toEpochMilli(), tails.requests.get(0).startTime());
        assertEquals("/ecs/web · 2 streams", model.tails().get(0).title());

        String prefix = two.get(0).substring(0, two.get(0).indexOf('/') + 1);
        model.openHandPicked(new HandPickedSource("/ecs/web", List.of(), prefix, TailStart.live()));
        assertTrue(tails.lastStreams().size() >= 8);
        tails.lastStreams().forEach(r -> assertTrue(r.logStreamName().startsWith(prefix), r.logStreamName()));
        assertThat(model.tails().get(1).statusProperty().get(), containsString("Following streams of /ecs/web starting with '" + prefix + "'"));

        // A prefix keeps finding new streams; named streams do not.
        int before = tails.requests.size();
        backend.updateService(ServiceUpdate.desiredCount("prod-web", "web", 5));
        clock.advance(Duration.ofSeconds(60));
        model.poll();
        assertEquals(before + 1, tails.requests.size());
        assertEquals(2, tails.lastStreams().size(), "the new task's two streams");
    }

    @Test
    void aStoppedTaskIsReadFromItsStartToItsStopThenTheTabSaysHowItStopped() {
        clock.advance(Duration.ofMinutes(3)); // notifications on staging crash-loops: some of its tasks have stopped
        String arn = backend.listTasks("staging", TaskFilter.stoppedOfService("notifications")).get(0).taskArn();
        EcsTask stopped = backend.describeTasks("staging", List.of(arn)).get(0);
        model.open(new TreeEntry.TaskEntry("staging", stopped));

        LogTailRequest request = tails.requests.get(0);
        assertEquals(stopped.createdAt().toEpochMilli(), request.startTime(), "from its start, not five minutes back");
        assertEquals(stopped.stoppedAt().toEpochMilli() + StoppedTask.END_SLACK_MS, request.endTime());
        assertEquals(1, tails.finished, "stopped long enough ago: read what is there and end");
        LogTailViewModel tail = only();
        assertTrue(tail.drain() > 0);
        String when = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").format(stopped.stoppedAt().atZone(ZoneOffset.UTC));
        assertEquals("Task stopped at " + when + " — exit code 137 — " + stopped.stoppedReason() + " — "
                + stopped.containers().get(0).reason(), tail.statusProperty().get(), "the task's figures, and its container's reason");
        assertTrue(tail.lines().get(tail.lines().size() - 1).message().contains("137"), "its last line: the exit");
    }

    @Test
    void aRunningTaskTailEndsOnceItsTaskHasStoppedAndItsLastLinesAreIn() {
        EcsTask task = aTaskOf("prod-web", "web");
        model.open(new TreeEntry.TaskEntry("prod-web", task));
        LogTailViewModel tail = only();
        tail.drain();
        assertThat(tail.statusProperty().get(), containsString("Following task " + task.taskId()));
        assertEquals(null, tails.requests.get(0).endTime(), "a running task is followed with no end");

        backend.stopTask("prod-web", task.taskArn(), "Stopped by the test");
        clock.advance(Duration.ofSeconds(16));
        model.poll(); // looks at the task: stopped, but its last lines may still be on their way
        clock.advance(Duration.ofSeconds(60));
        model.poll();
        assertEquals(1, tails.finished);
        tail.drain();
        assertThat(tail.statusProperty().get(), containsString("Task stopped at "));
        assertThat(tail.statusProperty().get(), containsString("Stopped by the test"));
        assertFalse(tail.statusProperty().get().contains("Following"));
    }

    @Test
    void pausedTheStatusSaysSoAndCountsTheLinesArriving() {
        model.open(service("prod-web", "web"));
        LogTailViewModel tail = only();
        tail.drain();
        tail.followProperty().set(false);
        assertThat(tail.statusProperty().get(), containsString("Paused: 0 new lines since pausing — service web: 4 tasks"));
        tail.accept(List.of(new dev.ecsdeck.model.LogEvent("x", "/ecs/web", "s", clock.now().toEpochMilli(), 0, "late")));
        tail.drain();
        assertThat(tail.statusProperty().get(), containsString("Paused: 1 new line since pausing"));
        tail.followProperty().set(true);
        assertThat(tail.statusProperty().get(), containsString("Following service web: 4 tasks"));
    }

    @Test
    void aContainerWhoseLogsAreNotInCloudWatchSaysSo() {
        EcsTask task = aTaskOf("prod-web", "web");
        EcsProvider noLogs = new ForwardingEcsProvider(backend) {
            @Override
            public dev.ecsdeck.model.TaskDefinition describeTaskDefinition(String taskDefinition) {
                dev.ecsdeck.model.TaskDefinition td = delegate.describeTaskDefinition(taskDefinition);
                String json = td.json().replace("\"awslogs\"", "\"splunk\"");
                return new dev.ecsdeck.model.TaskDefinition(td.taskDefinitionArn(), td.family(), td.revision(), td.status(),
                        td.networkMode(), td.cpu(), td.memory(), td.requiresCompatibilities(), td.containerNames(), td.registeredAt(),
                        td.registeredBy(), td.deregisteredAt(), json);
            }
        };
        LogTabsViewModel other = new LogTabsViewModel(noLogs, new CurrentThreadTaskExecutor(), () -> clock.now().toEpochMilli(), 1000,
                ZoneOffset.UTC);
        other.open(new TreeEntry.TaskEntry("prod-web", task));
        LogTailViewModel opened = other.tails().get(0);
        assertThat(opened.statusProperty().get(), containsString("no CloudWatch log streams to follow"));
        assertThat(opened.statusProperty().get(), containsString("logs to the splunk driver, not to CloudWatch Logs"));
    }
}
