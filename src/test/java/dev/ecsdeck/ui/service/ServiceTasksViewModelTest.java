package dev.ecsdeck.ui.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.TargetHealth;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.ui.common.TaskTargets.TaskTargetHealth;
import dev.ecsdeck.ui.service.ServiceTasksViewModel.TaskRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceTasksViewModelTest {
    private final SimServiceFixture sim = new SimServiceFixture("prod-web", "orders-api");
    private final ServiceTasksViewModel vm = sim.add(new ServiceTasksViewModel(sim.context(), sim.ref, sim.service));
    private final List<EcsTask> tailedTasks = new ArrayList<>();
    private int tailedService;

    ServiceTasksViewModelTest() {
        vm.onTailTask(tailedTasks::add);
        vm.onTailService(() -> tailedService++);
    }

    @AfterEach
    void close() {
        sim.close();
    }

    private EcsTask inBackend(TaskRow row) {
        return sim.backend.describeTasks("prod-web", List.of(row.taskArn())).get(0);
    }

    @Test
    void listsTheServicesTasksWithStatusHealthRevisionStartAndPlace() {
        sim.pollNow();
        List<String> running = sim.backend.listTasks("prod-web", TaskFilter.ofService("orders-api")).stream().map(EcsTask::taskArn).sorted().toList();
        assertEquals(running, vm.rows().stream().map(TaskRow::taskArn).sorted().toList());
        assertEquals("3 tasks: 3 RUNNING", vm.countProperty().get());
        TaskRow row = vm.rows().get(0);
        EcsTask t = row.task();
        assertEquals("RUNNING", ServiceTasksViewModel.status(t));
        assertEquals("HEALTHY", ServiceTasksViewModel.health(t));
        assertEquals("orders-api:1", ServiceTasksViewModel.revision(t));
        assertThat(ServiceTasksViewModel.where(t), startsWith("Fargate (us-east-1"));
        assertEquals("", ServiceTasksViewModel.stoppedReason(t));
        assertEquals(dev.ecsdeck.ui.common.TimeFormat.local(t.startedAt()), ServiceTasksViewModel.startedAt(t));
        assertEquals(row.taskId().substring(0, 8) + "…", ServiceTasksViewModel.shortId(row.taskId()));
        assertTrue(t.startedAt().compareTo(vm.rows().get(2).task().startedAt()) >= 0, "newest first");
    }

    @Test
    void readsUpdateTheRowsInPlace() {
        sim.pollNow();
        List<TaskRow> before = List.copyOf(vm.rows());
        sim.poll();
        for (int i = 0; i < before.size(); i++) {
            assertSame(before.get(i), vm.rows().get(i));
        }
        EcsTask unchanged = before.get(1).task();
        sim.poll();
        assertSame(unchanged, before.get(1).task(), "an equal task is not even replaced inside its row");

        sim.backend.stopTask("prod-web", before.get(0).taskArn(), "test");
        sim.poll(Duration.ofSeconds(10));
        assertFalse(vm.rows().contains(before.get(0)), "the stopped task left (Show stopped is off)");
        assertSame(before.get(1), vm.rows().stream().filter(r -> r.taskArn().equals(before.get(1).taskArn())).findFirst().orElseThrow());
        for (int i = 0; i < 30 && vm.rows().size() < 3; i++) {
            sim.poll(Duration.ofSeconds(10));
        }
        assertEquals(3, vm.rows().size(), "a replacement came: " + vm.rows());
        assertSame(before.get(1), vm.rows().get(1), "the replacement is the newest, so it goes on top; the others keep their order");
        assertSame(before.get(2), vm.rows().get(2));
    }

    @Test
    void showStoppedAddsTheStoppedTasksWithTheirReasonAndExitCodes() {
        try (SimServiceFixture staging = new SimServiceFixture("staging", "notifications")) {
            ServiceTasksViewModel tasks = staging.add(new ServiceTasksViewModel(staging.context(), staging.ref, staging.service));
            staging.pollNow();
            int wanted = (int) tasks.rows().stream().filter(r -> !r.stopping()).count();
            if (wanted > 0) {
                assertTrue(tasks.rows().stream().noneMatch(TaskRow::stopping), "stopped ones only when asked: " + tasks.rows());
            } else {
                // Between its crashes none of the service's tasks is wanted: its stopped ones show instead of nothing.
                assertFalse(tasks.rows().isEmpty(), "none running: the stopped tasks are listed");
                assertThat(tasks.countProperty().get(), containsString("None running"));
            }

            tasks.showStoppedProperty().set(true);
            List<TaskRow> stopped = tasks.rows().stream().filter(TaskRow::stopping).toList();
            assertTrue(stopped.size() >= 3, "the crash loop left stopped tasks: " + tasks.rows());
            EcsTask t = stopped.get(0).task();
            assertEquals("STOPPED", ServiceTasksViewModel.status(t));
            assertEquals("Essential container in task exited (notifications exit 137)", ServiceTasksViewModel.stoppedReason(t));
            assertEquals("Essential container in task exited", ServiceTasksViewModel.reason(t));
            assertEquals("137", ServiceTasksViewModel.exitCodes(t));
            assertFalse(ServiceTasksViewModel.stoppedAt(t).isEmpty());
            assertEquals(wanted + stopped.size(), tasks.rows().size());
            assertTrue(tasks.rows().indexOf(stopped.get(0)) >= wanted, "stopped tasks after the wanted ones");
            assertThat(tasks.countProperty().get(), containsString(stopped.size() + " STOPPED"));

            tasks.showStoppedProperty().set(false);
            if (wanted > 0) {
                assertEquals(wanted, tasks.rows().size());
                assertTrue(tasks.rows().stream().noneMatch(TaskRow::stopping));
            } else {
                assertTrue(tasks.rows().stream().allMatch(TaskRow::stopping), "still none running: still the stopped ones");
            }
        }
    }

    @Test
    void aServiceScaledToZeroListsItsStoppedTasks() {
        try (SimServiceFixture web = new SimServiceFixture("prod-web", "web")) {
            ServiceTasksViewModel tasks = web.add(new ServiceTasksViewModel(web.context(), web.ref, web.service));
            web.backend.updateService(dev.ecsdeck.provider.ServiceUpdate.desiredCount("prod-web", "web", 0));
            web.poll(Duration.ofMinutes(2));
            assertEquals(4, tasks.rows().size(), "the four stopped tasks, not 'No tasks': " + tasks.rows());
            assertTrue(tasks.rows().stream().allMatch(TaskRow::stopping), tasks.rows().toString());
            assertThat(tasks.countProperty().get(), containsString("None running"));
            assertFalse(tasks.showStoppedProperty().get(), "without the user asking");
        }
    }

    @Test
    void stopAsksNamingTaskAndServiceAndDoesNothingWhenDeclined() {
        sim.pollNow();
        TaskRow row = vm.rows().get(0);
        sim.answer = false;
        vm.stop(row);
        assertEquals(1, sim.questions.size());
        assertThat(sim.questions.get(0), containsString("Stop task " + row.taskId() + " of service orders-api in prod-web?"));
        assertEquals("RUNNING", inBackend(row).desiredStatus());
        assertEquals("", vm.messageProperty().get());

        sim.answer = true;
        vm.stop(row);
        assertEquals("STOPPED", inBackend(row).desiredStatus());
        assertEquals(ServiceTasksViewModel.STOP_REASON, inBackend(row).stoppedReason());
        assertThat(vm.messageProperty().get(), containsString("is stopping"));
        assertFalse(vm.rows().contains(row), "read again after the stop: it is no longer wanted running");

        vm.showStoppedProperty().set(true);
        TaskRow stopping = vm.rows().stream().filter(r -> r.taskArn().equals(row.taskArn())).findFirst().orElseThrow();
        assertFalse(vm.canStop(stopping), "a stopping task cannot be stopped again");
        vm.stop(stopping);
        assertEquals(2, sim.questions.size(), "not asked again");
    }

    @Test
    void readOnlyMakesStoppingImpossibleWithoutAsking() {
        sim.pollNow();
        TaskRow row = vm.rows().get(0);
        sim.readOnly.set(true);
        assertFalse(vm.canStop(row));
        vm.stop(row);
        assertEquals(List.of(), sim.questions);
        assertEquals("RUNNING", inBackend(row).desiredStatus());
        sim.readOnly.set(false);
        assertTrue(vm.canStop(row));
    }

    @Test
    void aStopTheBackendRefusesSaysWhy() {
        sim.pollNow();
        TaskRow row = vm.rows().get(0);
        sim.backend.faults().failNext("StopTask", "AccessDeniedException", "not allowed to stop tasks", 400);
        vm.stop(row);
        assertThat(vm.messageProperty().get(), startsWith("Not stopped: StopTask failed: AccessDeniedException"));
        assertEquals("RUNNING", inBackend(row).desiredStatus());
    }

    @Test
    void aFailedReadSaysWhyAndKeepsTheRows() {
        sim.pollNow();
        List<TaskRow> before = List.copyOf(vm.rows());
        sim.backend.faults().failNext("ListTasks", "ThrottlingException", "Rate exceeded", 400);
        sim.poll();
        assertThat(vm.messageProperty().get(), startsWith("Tasks: ListTasks failed: ThrottlingException"));
        assertEquals(before, vm.rows());
        sim.poll();
        assertEquals("", vm.messageProperty().get());
    }

    @Test
    void tailHandlersGetTheTaskOrTheService() {
        sim.pollNow();
        vm.tail(vm.rows().get(1));
        assertEquals(List.of(vm.rows().get(1).task()), tailedTasks);
        vm.tail(null);
        assertEquals(1, tailedTasks.size());
        vm.tailAll();
        assertEquals(1, tailedService);
        sim.readOnly.set(true);
        vm.tailAll();
        vm.tail(vm.rows().get(0));
        assertEquals(2, tailedService, "tailing changes nothing, so read-only allows it");
        assertEquals(2, tailedTasks.size());
    }

    @Test
    void aTaskThatChangesStaysTheSameRowWithTheNewValues() {
        sim.pollNow();
        sim.backend.updateService(dev.ecsdeck.provider.ServiceUpdate.desiredCount("prod-web", "orders-api", 4));
        sim.poll();
        Map<String, TaskRow> rows = vm.rows().stream().collect(Collectors.toMap(TaskRow::taskArn, Function.identity()));
        TaskRow fresh = vm.rows().stream().filter(r -> !"RUNNING".equals(r.task().lastStatus())).findFirst().orElseThrow();
        String statusBefore = fresh.task().lastStatus();
        List<String> seen = new ArrayList<>();
        fresh.taskProperty().addListener((obs, was, now) -> seen.add(now.lastStatus() + "/" + ServiceTasksViewModel.health(now)));
        for (int i = 0; i < 60 && !"RUNNING".equals(fresh.task().lastStatus()); i++) {
            sim.poll(Duration.ofSeconds(5));
        }
        assertEquals("RUNNING", fresh.task().lastStatus(), statusBefore + " → " + seen);
        assertTrue(seen.size() >= 2, "it went through states on the way: " + seen);
        assertSame(fresh, vm.rows().stream().filter(r -> r.taskArn().equals(fresh.taskArn())).findFirst().orElseThrow());
        assertTrue(rows.values().stream().allMatch(vm.rows()::contains), "every row stayed");
    }

    @Test
    void eachTaskOfALoadBalancedServiceShowsItsTargetHealth() {
        try (SimServiceFixture batch = new SimServiceFixture("prod-batch", "reports-worker")) {
            ServiceTasksViewModel reports = batch.add(new ServiceTasksViewModel(batch.context(), batch.ref, batch.service));
            EcsService s = batch.pollNow();
            assertTrue(reports.loadBalancedProperty().get());
            // What the simulator says of each task's target (its instance and the host port of its container port).
            Map<String, String> instances = batch.backend.listContainerInstances("prod-batch").stream()
                    .collect(Collectors.toMap(ContainerInstance::containerInstanceArn, ContainerInstance::ec2InstanceId));
            List<TargetHealth> targets = batch.backend.describeTargetHealth(s.loadBalancers().get(0).targetGroupArn());
            assertEquals(4, reports.rows().size());
            for (TaskRow row : reports.rows()) {
                String instance = instances.get(row.task().containerInstanceArn());
                int hostPort = row.task().containers().get(0).networkBindings().get(0).hostPort();
                TargetHealth target = targets.stream().filter(t -> t.targetId().equals(instance) && t.port() == hostPort).findFirst().orElseThrow();
                TaskTargetHealth shown = row.targetHealthProperty().get();
                assertEquals(target.state(), shown.state(), row.taskId());
                assertEquals(target.reason() == null ? "healthy" : "unhealthy — " + target.reason(), shown.text());
            }
            assertEquals(1, reports.rows().stream().filter(r -> "unhealthy".equals(r.targetHealthProperty().get().state())).count());
        }
    }

    @Test
    void aServiceWithoutLoadBalancersHasNoTargetHealth() {
        try (SimServiceFixture batch = new SimServiceFixture("prod-batch", "cron-scheduler")) {
            ServiceTasksViewModel cron = batch.add(new ServiceTasksViewModel(batch.context(), batch.ref, batch.service));
            batch.pollNow();
            assertFalse(cron.loadBalancedProperty().get());
            assertFalse(cron.rows().isEmpty());
            assertTrue(cron.rows().stream().allMatch(r -> r.targetHealthProperty().get() == null));
        }
    }
}
