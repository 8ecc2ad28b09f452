package dev.ecsdeck.ui.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.ui.service.ServiceEventsViewModel.EventRow;
import dev.ecsdeck.ui.service.ServiceEventsViewModel.Segment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceEventsViewModelTest {
    private final SimServiceFixture sim = new SimServiceFixture("prod-web", "orders-api");
    private final ServiceEventsViewModel vm = sim.add(new ServiceEventsViewModel(sim.context(), sim.ref, sim.service));
    private final List<String> linked = new ArrayList<>();

    ServiceEventsViewModelTest() {
        vm.onTaskLinked(linked::add);
    }

    @AfterEach
    void close() {
        sim.close();
    }

    private static List<String> messages(List<EventRow> rows) {
        return rows.stream().map(EventRow::message).toList();
    }

    @Test
    void showsTheServicesEventsNewestFirstWithTheirTimes() {
        EcsService s = sim.pollNow();
        assertEquals(s.events().stream().map(ServiceEvent::message).toList(), messages(vm.events()));
        assertEquals(3, vm.events().size(), vm.events().toString());
        assertThat(vm.events().get(0).message(), containsString("has reached a steady state"));
        assertThat(vm.events().get(2).message(), containsString("has started 3 tasks"));
        assertTrue(vm.events().get(0).createdAt().isAfter(vm.events().get(2).createdAt()));
        assertEquals("3 events", vm.countProperty().get());
    }

    @Test
    void newEventsGoOnTopAndTheRowsThatStayAreNotReplaced() {
        sim.pollNow();
        List<EventRow> before = List.copyOf(vm.events());
        List<String> changes = new ArrayList<>();
        vm.events().addListener((ListChangeListener<EventRow>) c -> {
            while (c.next()) {
                changes.add((c.wasAdded() ? "+" + c.getAddedSize() + "@" + c.getFrom() : "") + (c.wasRemoved() ? "-" + c.getRemovedSize() : ""));
            }
        });

        sim.poll();
        sim.poll();
        assertEquals(List.of(), changes, "polls without new events change nothing");

        sim.backend.updateService(ServiceUpdate.desiredCount("prod-web", "orders-api", 5));
        for (int i = 0; i < 60 && sim.service.get().runningCount() < 5; i++) {
            sim.poll(Duration.ofSeconds(10));
        }
        assertTrue(vm.events().size() > before.size(), vm.events().toString());
        int added = vm.events().size() - before.size();
        assertThat(vm.events().get(added - 1).message(), containsString("has started 2 tasks"));
        for (int i = 0; i < before.size(); i++) {
            assertSame(before.get(i), vm.events().get(added + i), "row " + i + " is the same object");
        }
        assertTrue(changes.stream().allMatch(c -> c.startsWith("+") && c.endsWith("@0")), "only insertions at the top: " + changes);
        assertEquals(messages(vm.events()), sim.service.get().events().stream().map(ServiceEvent::message).toList());
    }

    @Test
    void eventsEcsNoLongerReturnsLeaveFromTheBottom() {
        EcsService s = sim.pollNow();
        Instant t = DemoSim.START;
        List<ServiceEvent> three = s.events();
        ServiceEvent newest = new ServiceEvent("e-new", t, "(service orders-api) has reached a steady state.");
        sim.service.set(withEvents(s, List.of(newest, three.get(0), three.get(1))));
        assertEquals(List.of("e-new", three.get(0).id(), three.get(1).id()), vm.events().stream().map(EventRow::key).toList());
        assertEquals("3 events", vm.countProperty().get());
        sim.service.set(withEvents(s, List.of()));
        assertEquals(List.of(), vm.events());
        assertEquals("0 events", vm.countProperty().get());
    }

    @Test
    void theFilterNarrowsTheRowsIgnoringCaseAndCounts() {
        sim.pollNow();
        vm.filterProperty().set("STEADY");
        assertEquals(1, vm.shownEvents().size());
        assertThat(vm.shownEvents().get(0).message(), containsString("steady state"));
        assertEquals("1 of 3 events", vm.countProperty().get());

        vm.filterProperty().set("deployment");
        assertThat(vm.shownEvents().get(0).message(), containsString("deployment completed"));
        assertEquals("1 of 3 events", vm.countProperty().get());

        vm.filterProperty().set("no such text");
        assertEquals(List.of(), vm.shownEvents());
        assertEquals("0 of 3 events", vm.countProperty().get());

        vm.filterProperty().set("  ");
        assertEquals(3, vm.shownEvents().size());
        assertEquals("3 events", vm.countProperty().get());
    }

    @Test
    void newEventsThatMatchTheFilterShowWhileFiltering() {
        sim.pollNow();
        vm.filterProperty().set("started");
        assertEquals("1 of 3 events", vm.countProperty().get());
        EcsService s = sim.service.get();
        List<ServiceEvent> more = new ArrayList<>();
        more.add(new ServiceEvent("e-new", Instant.parse("2026-11-22T09:01:00Z"),
                "(service orders-api) has started 1 tasks: (task 0123456789abcdef0123456789abcdef)."));
        more.addAll(s.events());
        sim.service.set(withEvents(s, more));
        assertEquals("2 of 4 events", vm.countProperty().get());
        assertEquals("e-new", vm.shownEvents().get(0).key());
    }

    @Test
    void taskIdsInMessagesAreLinksThatCallTheHandler() {
        sim.pollNow();
        EventRow started = vm.events().get(2);
        List<String> ids = started.taskIds();
        assertEquals(3, ids.size(), started.toString());
        assertTrue(ids.stream().allMatch(id -> id.matches("[0-9a-f]{32}")), ids.toString());
        assertEquals(started.message(), String.join("", started.segments().stream().map(Segment::text).toList()),
                "the pieces make up the whole message");
        assertThat(started.segments().get(0).text(), startsWith("(service orders-api) has started 3 tasks: (task "));
        assertEquals(List.of(), vm.events().get(0).taskIds(), "a steady state names no task");

        vm.openTask(ids.get(1));
        assertEquals(List.of(ids.get(1)), linked);
        List<String> running = sim.backend.listTasks("prod-web", dev.ecsdeck.provider.TaskFilter.ofService("orders-api")).stream()
                .map(dev.ecsdeck.model.EcsTask::taskId).toList();
        assertTrue(running.containsAll(ids), "the links are the service's tasks: " + ids + " " + running);
    }

    @Test
    void onlyWholeTaskIdsInTaskParenthesesAreLinks() {
        List<Segment> parts = ServiceEventsViewModel.segments(
                "(service x) has stopped 2 running tasks: (task 0123456789abcdef0123456789abcdef) (task abc). "
                        + "(deployment ecs-svc/0123456789abcdef0123456789abcdef)");
        assertEquals(List.of("0123456789abcdef0123456789abcdef"), parts.stream().filter(Segment::isTaskLink).map(Segment::taskId).toList());
    }

    private static EcsService withEvents(EcsService s, List<ServiceEvent> events) {
        return new EcsService(s.serviceArn(), s.serviceName(), s.clusterArn(), s.status(), s.desiredCount(), s.runningCount(),
                s.pendingCount(), s.launchType(), s.capacityProviderStrategy(), s.platformVersion(), s.taskDefinition(),
                s.deploymentConfiguration(), s.deployments(), events, s.createdAt(), s.createdBy(), s.placementConstraints(),
                s.placementStrategy(), s.networkConfiguration(), s.loadBalancers(), s.schedulingStrategy(),
                s.healthCheckGracePeriodSeconds(), s.tags());
    }
}
