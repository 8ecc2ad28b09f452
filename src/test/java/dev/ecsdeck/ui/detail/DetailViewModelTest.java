package dev.ecsdeck.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ReadOnlyEcsProvider;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DetailViewModelTest {
    private final DemoSim sim = new DemoSim();
    private final SimProvider backend = sim.provider;
    private final SimpleBooleanProperty readOnly = new SimpleBooleanProperty(false);
    private final EcsProvider provider = new ReadOnlyEcsProvider(backend, readOnly::get);
    private final List<String> questions = new ArrayList<>();
    private boolean answer;
    private int changes;
    private final DetailViewModel vm = new DetailViewModel(provider, new CurrentThreadTaskExecutor(), (title, message) -> {
        questions.add(message);
        return answer;
    }, readOnly);

    DetailViewModelTest() {
        vm.onChanged(() -> changes++);
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private TreeEntry.ServiceEntry web() {
        EcsService s = backend.describeServices("prod-web", List.of("web")).get(0);
        return new TreeEntry.ServiceEntry("prod-web", s);
    }

    private int desired() {
        return backend.describeServices("prod-web", List.of("web")).get(0).desiredCount();
    }

    @Test
    void showsAServiceSheetAndEvents() {
        vm.show(web());
        assertEquals("web", vm.titleProperty().get());
        assertEquals("Service in prod-web", vm.subtitleProperty().get());
        assertTrue(vm.serviceSelectedProperty().get());
        assertEquals(List.of("Service", "Deployment configuration", "Deployments", "Network and placement", "Auto scaling"),
                vm.sections().stream().map(DetailSection::title).toList());
        assertFalse(vm.events().isEmpty());
    }

    @Test
    void readOnlyDisablesStoppingATaskWithTheReason() {
        EcsTask task = backend.listTasks("prod-web", TaskFilter.ofService("web")).get(0);
        vm.show(new TreeEntry.TaskEntry("prod-web", task));
        readOnly.set(true);
        assertTrue(vm.actionsDisabledProperty().get());
        assertEquals("Read-only mode: changes are turned off.", vm.disabledReason());
        answer = true;
        vm.stopTask();
        assertTrue(questions.isEmpty(), "nothing is even asked");
        assertEquals("RUNNING", backend.describeTasks("prod-web", List.of(task.taskArn())).get(0).desiredStatus());
    }

    @Test
    void stoppingATaskAsksAndReportsBackendErrorsInPlace() {
        EcsTask task = backend.listTasks("prod-web", TaskFilter.ofService("web")).get(0);
        vm.show(new TreeEntry.TaskEntry("prod-web", task));
        assertTrue(vm.runningTaskSelectedProperty().get());
        answer = true;
        vm.stopTask();
        assertTrue(questions.get(0).startsWith("Stop task " + task.taskId()));
        assertEquals("STOPPED", backend.describeTasks("prod-web", List.of(task.taskArn())).get(0).desiredStatus());

        EcsTask ghost = new EcsTask(task.taskArn().replace(task.taskId(), "0000"), task.clusterArn(), task.taskDefinitionArn(), null, null,
                "service:web", null, "RUNNING", "RUNNING", null, "FARGATE", null, null, null, List.of(), null, null, null, null, null,
                null, null, null, 1, List.of());
        vm.show(new TreeEntry.TaskEntry("prod-web", ghost));
        vm.stopTask();
        assertEquals("StopTask failed: InvalidParameterException: The referenced task was not found.", vm.messageProperty().get());
    }
}
