package dev.ecsdeck.ui.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tree reads target health with a service's tasks, once per target group, and only for load-balanced services that are open. */
class TreeTargetHealthTest {
    private final DemoSim sim = new DemoSim();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final EcsProvider counted = (EcsProvider) Proxy.newProxyInstance(EcsProvider.class.getClassLoader(),
            new Class<?>[] {EcsProvider.class}, (proxy, method, args) -> {
                calls.add(method.getName());
                try {
                    return method.invoke(sim.provider, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    private final ClusterTreeViewModel vm = new ClusterTreeViewModel(counted, new CurrentThreadTaskExecutor());

    @AfterEach
    void close() {
        sim.close();
    }

    private static TreeItem<TreeEntry> child(TreeItem<TreeEntry> parent, String name) {
        return parent.getChildren().stream().filter(c -> c.getValue().name().equals(name)).findFirst().orElseThrow();
    }

    private long count(String call) {
        return calls.stream().filter(call::equals).count();
    }

    @Test
    void targetHealthIsReadOncePerGroupForOpenLoadBalancedServicesOnly() {
        vm.start();
        TreeItem<TreeEntry> cluster = child(vm.root(), "prod-batch");
        cluster.setExpanded(true);
        TreeItem<TreeEntry> services = child(cluster, "Services");
        services.setExpanded(true);
        assertEquals(0, count("describeTargetHealth"), "nothing open, nothing read");

        TreeItem<TreeEntry> cron = child(services, "cron-scheduler");
        cron.setExpanded(true);
        assertEquals(0, count("describeTargetHealth") + count("listContainerInstances"), "cron-scheduler has no load balancer");
        assertTrue(cron.getChildren().stream().allMatch(t -> ((TreeEntry.TaskEntry) t.getValue()).targetHealth() == null));

        TreeItem<TreeEntry> reports = child(services, "reports-worker");
        reports.setExpanded(true);
        assertEquals(4, reports.getChildren().size());
        assertEquals(1, count("describeTargetHealth"), "one call for its one target group, not one per task");
        assertEquals(1, count("listContainerInstances"), "the instances of its bridge tasks, once");
        reports.getChildren().forEach(t -> assertNotNull(((TreeEntry.TaskEntry) t.getValue()).targetHealth()));
        assertEquals(1, reports.getChildren().stream().filter(t -> "unhealthy".equals(((TreeEntry.TaskEntry) t.getValue()).targetHealth().state()))
                .count());

        vm.refresh();
        assertEquals(2, count("describeTargetHealth"), "a refresh reads the open service's group again");
        assertEquals(1, count("listContainerInstances"), "the instances are known already");

        reports.setExpanded(false);
        vm.refresh();
        assertEquals(2, count("describeTargetHealth"), "a closed service is not read");
    }
}
