package dev.ecsdeck.sim.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.model.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Capacity providers in the state file: the providers with their simulated Auto Scaling groups, the
 * clusters' default strategies and settings from UpdateCluster, the services' strategies and the
 * tasks' providers (keyed "cluster/service" and "cluster/task id"). Absent from older state files
 * (null: none). {@link #capture} and {@link #restore} run after {@link EcsSnapshots}' own.
 */
public record CapacitySnapshot(List<ProviderState> providers, Map<String, ClusterCapacity> clusters,
        Map<String, List<CapacityProviderStrategyItem>> serviceStrategies, Map<String, TaskCapacity> tasks) {

    public record ProviderState(String name, String arn, String autoScalingGroupArn, String status, String updateStatus,
            String updateStatusReason, String managedScalingStatus, int targetCapacity, int minimumScalingStepSize,
            int maximumScalingStepSize, int instanceWarmupPeriod, String managedTerminationProtection, String managedDraining,
            List<Tag> tags, String cluster, Map<String, Instant> instances, Map<String, Instant> booting, List<String> draining,
            Instant overTargetSince) {}

    public record ClusterCapacity(List<CapacityProviderStrategyItem> defaultStrategy, ObjectNode configuration,
            String serviceConnectNamespace) {}

    public record TaskCapacity(String capacityProviderName, boolean awaitingCapacity) {}

    /** Must be called holding the engine's lock. */
    public static CapacitySnapshot capture(SimEcs ecs) {
        List<ProviderState> providers = new ArrayList<>();
        for (SimCapacityProvider p : ecs.capacityProviders.byName.values()) {
            providers.add(new ProviderState(p.name, p.arn, p.autoScalingGroupArn, p.status, p.updateStatus, p.updateStatusReason,
                    p.managedScalingStatus, p.targetCapacity, p.minimumScalingStepSize, p.maximumScalingStepSize, p.instanceWarmupPeriod,
                    p.managedTerminationProtection, p.managedDraining, List.copyOf(p.tags), p.cluster, new LinkedHashMap<>(p.instances),
                    new LinkedHashMap<>(p.booting), List.copyOf(p.draining), p.overTargetSince));
        }
        Map<String, ClusterCapacity> clusters = new LinkedHashMap<>();
        Map<String, List<CapacityProviderStrategyItem>> services = new LinkedHashMap<>();
        Map<String, TaskCapacity> tasks = new LinkedHashMap<>();
        for (SimCluster c : ecs.clusters.values()) {
            if (!c.defaultStrategy.isEmpty() || c.configuration != null || c.serviceConnectNamespace != null) {
                clusters.put(c.name, new ClusterCapacity(List.copyOf(c.defaultStrategy), c.configuration, c.serviceConnectNamespace));
            }
            for (SimService s : c.services.values()) {
                if (!s.capacityProviderStrategy.isEmpty()) {
                    services.put(c.name + "/" + s.name, List.copyOf(s.capacityProviderStrategy));
                }
            }
            for (SimTask t : c.tasks.values()) {
                if (t.capacityProviderName != null) {
                    tasks.put(c.name + "/" + t.id, new TaskCapacity(t.capacityProviderName, t.awaitingCapacity));
                }
            }
        }
        return new CapacitySnapshot(providers, clusters, services, tasks);
    }

    /** Puts the saved capacity providers back into an ECS restored by {@link EcsSnapshots#restore}; null restores none. */
    public static void restore(SimEcs ecs, CapacitySnapshot s) {
        if (s == null) {
            return;
        }
        for (ProviderState ps : s.providers() == null ? List.<ProviderState>of() : s.providers()) {
            SimCapacityProvider p = new SimCapacityProvider(ps.name(), ps.arn(), ps.autoScalingGroupArn());
            p.status = ps.status();
            p.updateStatus = ps.updateStatus();
            p.updateStatusReason = ps.updateStatusReason();
            p.managedScalingStatus = ps.managedScalingStatus();
            p.targetCapacity = ps.targetCapacity();
            p.minimumScalingStepSize = ps.minimumScalingStepSize();
            p.maximumScalingStepSize = ps.maximumScalingStepSize();
            p.instanceWarmupPeriod = ps.instanceWarmupPeriod();
            p.managedTerminationProtection = ps.managedTerminationProtection();
            p.managedDraining = ps.managedDraining();
            p.tags.addAll(ps.tags() == null ? List.of() : ps.tags());
            p.cluster = ps.cluster();
            p.instances.putAll(ps.instances() == null ? Map.of() : ps.instances());
            SimCluster owner = p.cluster == null ? null : ecs.clusters.get(p.cluster);
            if (owner != null) {
                p.instances.keySet().stream().map(owner.instances::get).filter(java.util.Objects::nonNull)
                        .forEach(i -> i.capacityProviderName = p.name);
            }
            p.booting.putAll(ps.booting() == null ? Map.of() : ps.booting());
            p.draining.addAll(ps.draining() == null ? List.of() : ps.draining());
            p.overTargetSince = ps.overTargetSince();
            ecs.capacityProviders.byName.put(p.name, p);
        }
        if (s.clusters() != null) {
            s.clusters().forEach((name, cc) -> {
                SimCluster c = ecs.clusters.get(name);
                if (c != null) {
                    c.defaultStrategy.addAll(cc.defaultStrategy() == null ? List.of() : cc.defaultStrategy());
                    c.configuration = cc.configuration();
                    c.serviceConnectNamespace = cc.serviceConnectNamespace();
                }
            });
        }
        if (s.serviceStrategies() != null) {
            s.serviceStrategies().forEach((key, strategy) -> {
                String[] k = key.split("/", 2);
                SimCluster c = ecs.clusters.get(k[0]);
                SimService svc = c == null || k.length < 2 ? null : c.services.get(k[1]);
                if (svc != null) {
                    svc.capacityProviderStrategy.addAll(strategy);
                }
            });
        }
        if (s.tasks() != null) {
            s.tasks().forEach((key, tc) -> {
                String[] k = key.split("/", 2);
                SimCluster c = ecs.clusters.get(k[0]);
                SimTask t = c == null || k.length < 2 ? null : c.tasks.get(k[1]);
                if (t != null) {
                    t.capacityProviderName = tc.capacityProviderName();
                    t.awaitingCapacity = tc.awaitingCapacity();
                }
            });
        }
    }
}
