package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.PlacementConstraint;
import dev.ecsdeck.model.PlacementStrategy;
import dev.ecsdeck.sim.SimRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Chooses a container instance for a task as ECS does on EC2: first the instances with the CPU,
 * memory and host ports the task needs, then those that meet the placement constraints
 * (distinctInstance, memberOf), then the placement strategies in order (binpack, spread, random).
 * Fargate tasks need no instance; strategies and constraints do not apply to them.
 */
final class Placement {
    /** Ports the ECS agent and Docker hold on every instance. */
    static final Set<Integer> RESERVED_PORTS = Set.of(22, 2375, 2376, 51678, 51679);
    static final List<String> FARGATE_ZONES = List.of("a", "b", "c");

    /** The outcome: an instance (null for Fargate), its zone, or why no instance fits. */
    record Result(SimInstance instance, String availabilityZone, String failure) {
        boolean placed() {
            return failure == null;
        }
    }

    private final SimRandom random;
    private final String region;

    Placement(SimRandom random, String region) {
        this.random = random;
        this.region = region;
    }

    Result placeFargate(SimCluster cluster, String group) {
        // Fargate spreads a service's tasks over the zones of its subnets.
        int[] counts = new int[FARGATE_ZONES.size()];
        for (SimTask t : cluster.tasksInGroup(group)) {
            if (!t.isStopped() && t.fargate() && t.availabilityZone != null) {
                int i = FARGATE_ZONES.indexOf(t.availabilityZone.substring(t.availabilityZone.length() - 1));
                if (i >= 0) {
                    counts[i]++;
                }
            }
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] < counts[best]) {
                best = i;
            }
        }
        return new Result(null, region + FARGATE_ZONES.get(best), null);
    }

    Result placeOnInstance(SimCluster cluster, SimTaskDefinition td, String group,
            List<PlacementConstraint> constraints, List<PlacementStrategy> strategies) {
        List<SimInstance> active = cluster.instances.values().stream().filter(SimInstance::active).toList();
        if (active.isEmpty()) {
            return new Result(null, null, "No Container Instances were found in your cluster.");
        }
        List<SimInstance> fit = new ArrayList<>();
        SimInstance closest = null;
        String closestLack = null;
        for (SimInstance i : active) {
            String lack = lacks(i, td);
            if (lack == null) {
                fit.add(i);
            } else if (closest == null) {
                closest = i;
                closestLack = lack;
            }
        }
        if (fit.isEmpty()) {
            return new Result(null, null, "no container instance met all of its requirements. The closest matching (container-instance "
                    + closest.id + ") has " + closestLack + ". For more information, see the Troubleshooting section.");
        }
        List<SimInstance> allowed = fit;
        for (PlacementConstraint c : constraints) {
            allowed = applyConstraint(cluster, allowed, c, group);
        }
        if (allowed.isEmpty()) {
            return new Result(null, null, "no container instance met all of its requirements. The closest matching (container-instance "
                    + fit.get(0).id + ") encountered error \"MemberOf placement constraint unsatisfied.\". "
                    + "For more information, see the Troubleshooting section.");
        }
        SimInstance chosen = choose(cluster, allowed, strategies, group);
        return new Result(chosen, chosen.availabilityZone(), null);
    }

    /** What the instance lacks for one more task of this definition, or null if it fits. */
    static String lacks(SimInstance i, SimTaskDefinition td) {
        if (i.remainingCpu() < td.reservedCpu()) {
            return "insufficient CPU units available";
        }
        if (i.remainingMemory() < td.reservedMemory()) {
            return "insufficient memory available";
        }
        for (int port : staticHostPorts(td)) {
            if (i.usedPorts.contains(port) || RESERVED_PORTS.contains(port)) {
                return "insufficient ports available";
            }
        }
        return null;
    }

    /** Host ports a task of this definition takes on its instance: fixed ones only (0/absent is dynamic in bridge mode). */
    static List<Integer> staticHostPorts(SimTaskDefinition td) {
        List<Integer> ports = new ArrayList<>();
        if ("awsvpc".equals(td.networkMode)) {
            return ports;
        }
        for (ContainerSpec c : td.containers) {
            for (ContainerSpec.PortSpec p : c.ports()) {
                if (p.hostPort() != null && p.hostPort() != 0) {
                    ports.add(p.hostPort());
                }
            }
        }
        return ports;
    }

    private List<SimInstance> applyConstraint(SimCluster cluster, List<SimInstance> candidates, PlacementConstraint c, String group) {
        if ("distinctInstance".equals(c.type())) {
            java.util.Set<String> taken = new java.util.HashSet<>();
            for (SimTask t : cluster.tasksInGroup(group)) {
                if (!t.isStopped() && t.containerInstanceId != null) {
                    taken.add(t.containerInstanceId);
                }
            }
            return candidates.stream().filter(i -> !taken.contains(i.id)).toList();
        }
        if ("memberOf".equals(c.type())) {
            ClusterQuery query = ClusterQuery.parse(c.expression());
            return candidates.stream().filter(query::matches).toList();
        }
        return candidates;
    }

    private SimInstance choose(SimCluster cluster, List<SimInstance> candidates, List<PlacementStrategy> strategies, String group) {
        List<SimInstance> pool = new ArrayList<>(candidates);
        for (PlacementStrategy s : strategies) {
            if (pool.size() == 1) {
                break;
            }
            switch (s.type() == null ? "" : s.type()) {
                case "binpack" -> {
                    // The instance with the least of the named resource left that still fits.
                    Function<SimInstance, Integer> left = "memory".equals(s.field()) ? SimInstance::remainingMemory : SimInstance::remainingCpu;
                    int min = pool.stream().map(left).min(Integer::compare).orElseThrow();
                    pool = pool.stream().filter(i -> left.apply(i) == min).toList();
                }
                case "spread" -> pool = spread(cluster, pool, s.field(), group);
                case "random" -> pool = List.of(pool.get(random.nextInt(pool.size())));
                default -> { }
            }
        }
        pool = new ArrayList<>(pool);
        pool.sort(Comparator.comparing(i -> i.id));
        return pool.get(0);
    }

    /** Keeps the candidates whose value of the field has the fewest of the group's tasks. */
    private static List<SimInstance> spread(SimCluster cluster, List<SimInstance> pool, String field, String group) {
        Function<SimInstance, String> valueOf = "instanceId".equals(field) || "host".equals(field)
                ? i -> i.id
                : i -> i.attributes.getOrDefault(field == null ? "" : field.replaceFirst("^attribute:", ""), "");
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (SimInstance i : cluster.instances.values()) {
            if (i.active()) {
                counts.putIfAbsent(valueOf.apply(i), 0);
            }
        }
        for (SimTask t : group == null ? cluster.tasks.values() : cluster.tasksInGroup(group)) {
            if (!t.isStopped() && t.containerInstanceId != null) {
                SimInstance on = cluster.instances.get(t.containerInstanceId);
                if (on != null && on.active()) {
                    counts.merge(valueOf.apply(on), 1, Integer::sum);
                }
            }
        }
        int min = pool.stream().mapToInt(i -> counts.getOrDefault(valueOf.apply(i), 0)).min().orElse(0);
        return pool.stream().filter(i -> counts.getOrDefault(valueOf.apply(i), 0) == min).toList();
    }
}
