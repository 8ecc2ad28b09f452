package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.KeyValue;
import dev.ecsdeck.model.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A cluster and everything in it. */
final class SimCluster {
    final String name;
    final String arn;
    final Instant createdAt;
    String status = "ACTIVE";
    final List<String> capacityProviders = new ArrayList<>();
    /** The strategy services and tasks get with neither a launch type nor a strategy of their own (PutClusterCapacityProviders). */
    final List<dev.ecsdeck.model.CapacityProviderStrategyItem> defaultStrategy = new ArrayList<>();
    /** UpdateCluster's configuration (execute command, managed storage) as given, and its Service Connect default namespace. */
    com.fasterxml.jackson.databind.node.ObjectNode configuration;
    String serviceConnectNamespace;
    final List<KeyValue> settings = new ArrayList<>();
    final List<Tag> tags = new ArrayList<>();
    final Map<String, SimService> services = new LinkedHashMap<>();
    final Map<String, SimInstance> instances = new LinkedHashMap<>();
    final Map<String, SimTask> tasks = new LinkedHashMap<>();
    /** Tasks that reached STOPPED, oldest first: pruned from the head once ECS would no longer show them. */
    final java.util.ArrayDeque<SimTask> stoppedOrder = new java.util.ArrayDeque<>();
    /** The tasks of each service, by service name: kept with {@link #tasks} by add and remove. */
    private final Map<String, List<SimTask>> tasksByService = new LinkedHashMap<>();

    SimCluster(String name, String arn, Instant createdAt) {
        this.name = name;
        this.arn = arn;
        this.createdAt = createdAt;
    }

    void add(SimTask task) {
        tasks.put(task.id, task);
        if (task.serviceName != null) {
            tasksByService.computeIfAbsent(task.serviceName, n -> new ArrayList<>()).add(task);
        }
    }

    /** Services whose tasks changed, or that must look again (instances changed). */
    void markAllServicesDirty() {
        for (SimService s : services.values()) {
            s.dirty = true;
        }
    }

    void remove(SimTask task) {
        tasks.remove(task.id);
        if (task.serviceName != null) {
            List<SimTask> list = tasksByService.get(task.serviceName);
            if (list != null) {
                list.remove(task);
            }
        }
    }

    /** The tasks of a task group ("service:NAME" is a service's): quick for services, a scan otherwise. */
    Iterable<SimTask> tasksInGroup(String group) {
        if (group != null && group.startsWith("service:")) {
            return tasksOf(group.substring("service:".length()));
        }
        return tasks.values().stream().filter(t -> group != null && group.equals(t.group))::iterator;
    }

    /** The service's tasks, in launch order (a live view: do not change it). */
    List<SimTask> tasksOf(String serviceName) {
        return tasksByService.getOrDefault(serviceName, List.of());
    }
}
