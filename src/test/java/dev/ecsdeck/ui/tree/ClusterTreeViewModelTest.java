package dev.ecsdeck.ui.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClusterTreeViewModelTest {
    private final DemoSim sim = new DemoSim();
    private final ManualClock clock = sim.clock;
    private final SimProvider provider = sim.provider;
    private final ClusterTreeViewModel vm = new ClusterTreeViewModel(provider, new CurrentThreadTaskExecutor());

    @AfterEach
    void close() {
        provider.close();
    }

    private TreeItem<TreeEntry> child(TreeItem<TreeEntry> parent, String name) {
        return parent.getChildren().stream().filter(c -> c.getValue().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not under " + parent.getValue().name() + ": "
                        + parent.getChildren().stream().map(c -> c.getValue().name()).toList()));
    }

    private static List<String> names(TreeItem<TreeEntry> item) {
        return item.getChildren().stream().map(c -> c.getValue().name()).toList();
    }

    @Test
    void loadsChildrenOnlyWhenExpanded() {
        vm.start();
        TreeItem<TreeEntry> cluster = child(vm.root(), "prod-batch");
        assertEquals(List.of("Services", "Container instances"), names(cluster), "task definitions are not per cluster");
        TreeItem<TreeEntry> services = child(cluster, "Services");
        assertEquals(List.of("Loading…"), names(services), "nothing asked before expansion");
        services.setExpanded(true);
        assertEquals(List.of("cron-scheduler", "log-router", "metrics-gateway", "reports-worker"), names(services));
        TreeItem<TreeEntry> daemon = child(services, "log-router");
        daemon.setExpanded(true);
        assertEquals(4, daemon.getChildren().size());
        TreeItem<TreeEntry> task = daemon.getChildren().get(0);
        assertEquals(List.of("log-router"), names(task), "a task's containers come from the task itself");
        TreeItem<TreeEntry> instances = child(cluster, "Container instances");
        instances.setExpanded(true);
        assertEquals(4, instances.getChildren().size());
        assertTrue(instances.getChildren().stream().allMatch(i -> i.getValue() instanceof TreeEntry.InstanceEntry));
    }

    @Test
    void refreshKeepsRowsAndOnlyUpdatesWhatChanged() {
        vm.start();
        TreeItem<TreeEntry> cluster = child(vm.root(), "prod-web");
        cluster.setExpanded(true);
        TreeItem<TreeEntry> services = child(cluster, "Services");
        services.setExpanded(true);
        TreeItem<TreeEntry> web = child(services, "web");
        web.setExpanded(true);
        long createdBefore = vm.rowsCreated();
        vm.refresh();
        assertEquals(createdBefore, vm.rowsCreated(), "an unchanged refresh creates no rows");
        assertSame(web, child(services, "web"));

        provider.updateService(ServiceUpdate.desiredCount("prod-web", "web", 5));
        clock.advance(Duration.ofMinutes(2));
        vm.refresh();
        assertSame(web, child(services, "web"), "the row survives and keeps its expansion");
        assertTrue(web.isExpanded());
        assertEquals(5, ((TreeEntry.ServiceEntry) web.getValue()).service().desiredCount());
        assertEquals(5, web.getChildren().size());
        assertEquals(createdBefore + 3, vm.rowsCreated(), "one new task row and its two container rows");
    }

    @Test
    void expandingAgainMergesAFreshLoad() {
        vm.start();
        TreeItem<TreeEntry> services = child(child(vm.root(), "prod-web"), "Services");
        services.setExpanded(true);
        TreeItem<TreeEntry> web = child(services, "web");
        services.setExpanded(false);
        provider.updateService(ServiceUpdate.desiredCount("prod-web", "web", 2));
        services.setExpanded(true);
        assertSame(web, child(services, "web"));
        assertEquals(2, ((TreeEntry.ServiceEntry) web.getValue()).service().desiredCount());
    }

    @Test
    void stoppedTasksShowWhenAsked() {
        vm.start();
        TreeItem<TreeEntry> cluster = child(vm.root(), "staging");
        cluster.setExpanded(true);
        TreeItem<TreeEntry> services = child(cluster, "Services");
        services.setExpanded(true);
        TreeItem<TreeEntry> crashing = child(services, "notifications");
        crashing.setExpanded(true);
        int running = crashing.getChildren().size();
        vm.showStoppedTasksProperty().set(true);
        assertTrue(crashing.getChildren().size() > running, "the crash loop's stopped tasks appear");
        assertTrue(crashing.getChildren().stream().anyMatch(c -> c.getValue() instanceof TreeEntry.TaskEntry t
                && "EssentialContainerExited".equals(t.task().stopCode())));
    }

    @Test
    void taskDefinitionFamiliesAreListedOnceUnderTheBackendWithTheirCount() {
        vm.start();
        assertEquals(List.of("prod-web", "prod-batch", "staging", "Task definitions"), names(vm.root()));
        TreeItem<TreeEntry> folder = child(vm.root(), "Task definitions");
        int families = provider.listTaskDefinitionFamilies().size();
        assertEquals(families, ((TreeEntry.FolderEntry) folder.getValue()).count(), "counted before it is opened");
        folder.setExpanded(true);
        assertEquals(families, folder.getChildren().size());
        assertTrue(folder.getChildren().stream().allMatch(c -> c.getValue() instanceof TreeEntry.FamilyEntry));
        assertEquals(1, folder.getChildren().stream().filter(c -> c.getValue().name().equals("checkout")).count());
    }

    @Test
    void theFilterFindsServicesOfClustersNobodyOpenedDescribingOnlyTheMatches() {
        vm.start();
        TreeItem<TreeEntry> services = child(child(vm.root(), "staging"), "Services");
        vm.filterTextProperty().set("notif");
        assertEquals(List.of("staging"), names(vm.root()));
        assertEquals(List.of("notifications"), names(services));
        assertTrue(((EntryItem) services).state() != EntryItem.State.LOADED, "only the match was described, not the whole cluster");
        assertEquals("", vm.filterStatusProperty().get());
        vm.filterTextProperty().set("");
        assertTrue(!services.isExpanded(), "the folder the filter opened closes again");
        services.setExpanded(true);
        assertEquals(List.of("notifications", "orders-api", "web"), names(services), "opening it loads all its services");
    }

    @Test
    void revealingAStoppedTaskTurnsOnStoppedTasks() {
        vm.start();
        String stopped = provider.listTasks("staging", dev.ecsdeck.provider.TaskFilter.stoppedOfService("notifications")).get(0).taskId();
        List<TreeItem<TreeEntry>> found = new java.util.ArrayList<>();
        vm.revealTask("staging", "notifications", stopped, found::add, () -> { throw new AssertionError("missing"); });
        assertEquals(1, found.size());
        assertEquals(stopped, found.get(0).getValue().name());
        assertTrue(vm.showStoppedTasksProperty().get());
    }

    @Test
    void aFailedLoadShowsTheErrorInPlace() {
        provider.engine().clusters().createCluster("doomed", null, null, null);
        vm.start();
        TreeItem<TreeEntry> services = child(child(vm.root(), "doomed"), "Services");
        provider.engine().clusters().deleteCluster("doomed");
        services.setExpanded(true);
        TreeEntry row = services.getChildren().get(0).getValue();
        assertTrue(row instanceof TreeEntry.MessageEntry m && m.error(), String.valueOf(row));
        assertEquals("ListServices failed: ClusterNotFoundException: Cluster not found.", row.name());
    }
}
