package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.PlacementConstraint;
import dev.ecsdeck.model.PlacementStrategy;
import dev.ecsdeck.sim.SimIds;
import java.time.Instant;
import java.util.List;

/**
 * Creates tasks: places each one (instance resources and ports are taken at once), builds its
 * containers and starts its lifecycle; and gives the resources back when a task has STOPPED.
 */
final class TaskLauncher {
    private final SimIds ids;
    private final Placement placement;
    private final TaskLifecycle lifecycle;
    private final NetworkInterfaces interfaces;
    /** Gives a service's tasks their propagated and managed tags as they launch. */
    private ResourceTags tags;
    private final CapacityProviders capacityProviders;

    TaskLauncher(SimIds ids, Placement placement, TaskLifecycle lifecycle, CapacityProviders capacityProviders) {
        this.ids = ids;
        this.placement = placement;
        this.lifecycle = lifecycle;
        this.interfaces = new NetworkInterfaces();
        this.capacityProviders = capacityProviders;
    }

    void tagWith(ResourceTags resourceTags) {
        this.tags = resourceTags;
    }

    /** What a launch request is: the definition, how, and on whose behalf. */
    record Launch(SimTaskDefinition taskDefinition, String launchType, String group, String startedBy,
            List<PlacementConstraint> constraints, List<PlacementStrategy> strategies, String serviceName, String deploymentId,
            String onInstance, NetworkConfiguration network) {

        List<String> subnets() {
            return network == null || network.awsvpcConfiguration() == null ? List.of() : network.awsvpcConfiguration().subnets();
        }
    }

    /** The task, or the reason it could not be placed. */
    record Outcome(SimTask task, String failure) {}

    /**
     * Launches one task; a service's task goes to the capacity provider its strategy names next (the
     * service's wanted tasks counted by provider).
     */
    Outcome launch(SimCluster cluster, Launch launch, Instant now) {
        SimService svc = launch.serviceName() == null ? null : cluster.services.get(launch.serviceName());
        String provider = svc == null || svc.capacityProviderStrategy.isEmpty() || launch.onInstance() != null ? null
                : CapacityProviders.choose(svc.capacityProviderStrategy, CapacityProviders.countsOf(cluster.tasksOf(svc.name)));
        return launch(cluster, launch, provider, now);
    }

    /**
     * Launches one task on a capacity provider (null: by its launch type alone). On an Auto Scaling group
     * provider it is placed on the group's instances; when none fits and the provider's managed scaling
     * is on, it waits in PROVISIONING for {@link ClusterAutoScaling} to launch capacity, as ECS does.
     */
    Outcome launch(SimCluster cluster, Launch launch, String provider, Instant now) {
        SimCapacityProvider group = provider == null ? null : capacityProviders.find(provider);
        Placement.Result where;
        if (group != null && launch.onInstance() == null) {
            where = placement.placeOnInstance(cluster, launch.taskDefinition(), launch.group(), launch.constraints(), launch.strategies(),
                    i -> group.instances.containsKey(i.id));
            if (!where.placed() && group.managedScaling()) {
                where = new Placement.Result(null, null, null);
            }
        } else if ("FARGATE".equals(launch.launchType())) {
            where = placement.placeFargate(cluster, launch.group());
        } else if (launch.onInstance() != null) {
            SimInstance i = cluster.instances.get(launch.onInstance());
            String lack = i == null ? "is not registered" : Placement.lacks(i, launch.taskDefinition());
            where = lack == null ? new Placement.Result(i, i.availabilityZone(), null)
                    : new Placement.Result(null, null, "no container instance met all of its requirements. The closest matching (container-instance "
                            + launch.onInstance() + ") has " + lack + ". For more information, see the Troubleshooting section.");
        } else {
            where = placement.placeOnInstance(cluster, launch.taskDefinition(), launch.group(), launch.constraints(), launch.strategies());
        }
        if (!where.placed()) {
            return new Outcome(null, where.failure());
        }
        String taskId = ids.hex(32);
        SimTask task = new SimTask(taskId, ids.taskArn(cluster.name, taskId), cluster.name, launch.taskDefinition(),
                launch.launchType(), now);
        task.group = launch.group();
        task.startedBy = launch.startedBy();
        task.serviceName = launch.serviceName();
        task.deploymentId = launch.deploymentId();
        task.availabilityZone = where.availabilityZone();
        task.capacityProviderName = provider;
        task.awaitingCapacity = group != null && where.instance() == null;
        for (ContainerSpec spec : launch.taskDefinition().containers) {
            task.containers.add(new SimContainer(spec, ids.containerArn(cluster.name, taskId), taskId + "-" + ids.hex(10)));
        }
        if (where.instance() != null) {
            take(where.instance(), task);
        }
        if (task.awsvpc()) {
            task.eni = interfaces.provision(taskId, launch.subnets(), task.availabilityZone);
        }
        if (tags != null && task.serviceName != null) {
            tags.serviceTaskLaunched(cluster, task);
        }
        if (task.awaitingCapacity) {
            task.lastStatus = "PROVISIONING"; // no step is due until ClusterAutoScaling places it
        } else {
            lifecycle.begin(task, now);
        }
        cluster.add(task);
        return new Outcome(task, null);
    }

    /** A task that waited for capacity is placed on {@code instance} and goes on with its lifecycle. */
    void placeWaiting(SimTask task, SimInstance instance, Instant now) {
        task.awaitingCapacity = false;
        task.availabilityZone = instance.availabilityZone();
        take(instance, task);
        lifecycle.begin(task, now);
        task.bump();
    }

    private static void take(SimInstance instance, SimTask task) {
        SimTaskDefinition td = task.taskDefinition;
        task.containerInstanceId = instance.id;
        instance.usedCpu += td.reservedCpu();
        instance.usedMemory += td.reservedMemory();
        if ("awsvpc".equals(td.networkMode)) {
            return;
        }
        // One host port per mapping, in the task definition's order (SimViews shows the bindings in it):
        // a fixed one as given; a dynamic one (bridge mode, hostPort absent or 0) as Placement draws it.
        List<Integer> fixed = Placement.staticHostPorts(td);
        boolean bridge = "bridge".equals(td.networkMode);
        for (ContainerSpec c : td.containers) {
            for (ContainerSpec.PortSpec p : c.ports()) {
                boolean dynamic = p.hostPort() == null || p.hostPort() == 0;
                if (dynamic && !bridge) {
                    continue;
                }
                int port = dynamic ? Placement.dynamicHostPort(instance, fixed) : p.hostPort();
                instance.usedPorts.add(port);
                task.hostPorts.add(port);
            }
        }
    }

    /** Gives a STOPPED task's resources back to its instance (once). */
    void release(SimCluster cluster, SimTask task) {
        if (task.resourcesReleased) {
            return;
        }
        task.resourcesReleased = true;
        interfaces.release(task.eni);
        if (task.containerInstanceId == null) {
            return;
        }
        SimInstance instance = cluster.instances.get(task.containerInstanceId);
        if (instance != null) {
            instance.usedCpu -= task.taskDefinition.reservedCpu();
            instance.usedMemory -= task.taskDefinition.reservedMemory();
            task.hostPorts.forEach(instance.usedPorts::remove);
        }
    }

    /** A restored task that has not stopped keeps its address, and goes on with its health checks. */
    void restored(SimTask task) {
        if (!task.resourcesReleased) {
            interfaces.reserve(task.eni);
        }
        lifecycle.restored(task);
    }
}
