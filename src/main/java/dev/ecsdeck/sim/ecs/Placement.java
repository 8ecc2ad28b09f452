package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.PlacementConstraint;
import dev.ecsdeck.model.PlacementStrategy;
import dev.ecsdeck.sim.SimRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
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
    /**
     * The ephemeral range the ECS agent draws dynamic host ports from (bridge-mode mappings without a
     * host port) on current ECS-optimized AMIs; 51678 and 51679 in it are the agent's own.
     */
    static final int DYNAMIC_PORTS_FROM = 32768;
    static final int DYNAMIC_PORTS_TO = 60999;

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
        return placeOnInstance(cluster, td, group, constraints, strategies, i -> true);
    }

    /** As above, among the instances {@code eligible} accepts (an Auto Scaling group provider's own). */
    Result placeOnInstance(SimCluster cluster, SimTaskDefinition td, String group,
            List<PlacementConstraint> constraints, List<PlacementStrategy> strategies, java.util.function.Predicate<SimInstance> eligible) {
        List<SimInstance> active = cluster.instances.values().stream().filter(SimInstance::active).filter(eligible).toList();
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
        List<Integer> fixed = staticHostPorts(td);
        for (int port : fixed) {
            if (i.usedPorts.contains(port) || i.reservedPorts.contains(port)) {
                return "insufficient ports available";
            }
        }
        if (dynamicHostPortsNeeded(td) > freeDynamicPorts(i, fixed)) {
            return "insufficient ports available: no free port left in the dynamic host port range " + DYNAMIC_PORTS_FROM + "-"
                    + DYNAMIC_PORTS_TO;
        }
        return null;
    }

    /** How many dynamic host ports a task of this definition takes: its bridge-mode mappings without a host port. */
    static int dynamicHostPortsNeeded(SimTaskDefinition td) {
        if (!"bridge".equals(td.networkMode)) {
            return 0;
        }
        int needed = 0;
        for (ContainerSpec c : td.containers) {
            for (ContainerSpec.PortSpec p : c.ports()) {
                needed += p.hostPort() == null || p.hostPort() == 0 ? 1 : 0;
            }
        }
        return needed;
    }

    /** Ports of the dynamic range the instance has free, not counting {@code fixed} (the task's own static ports). */
    private static int freeDynamicPorts(SimInstance i, List<Integer> fixed) {
        Set<Integer> taken = new HashSet<>(i.usedPorts);
        taken.addAll(i.reservedPorts);
        taken.addAll(fixed);
        int takenInRange = 0;
        for (int port : taken) {
            takenInRange += port >= DYNAMIC_PORTS_FROM && port <= DYNAMIC_PORTS_TO ? 1 : 0;
        }
        return DYNAMIC_PORTS_TO - DYNAMIC_PORTS_FROM + 1 - takenInRange;
    }

    /**
     * A dynamic host port for one mapping: the lowest port of the range that is free on the instance
     * (not held by a task that has not stopped, not reserved, not one of the task's own static ports
     * {@code fixed}). Docker and the agent go round the range from the last port they gave; the lowest
     * free port needs no memory of that (nothing more in the state file), is as deterministic, and
     * gives a stopped task's port to the next task, which real hosts do too once they wrap round.
     * {@link #lacks} has checked there is one.
     */
    static int dynamicHostPort(SimInstance i, List<Integer> fixed) {
        for (int port = DYNAMIC_PORTS_FROM; port <= DYNAMIC_PORTS_TO; port++) {
            if (!i.usedPorts.contains(port) && !i.reservedPorts.contains(port) && !fixed.contains(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free dynamic host port on " + i.id + " (placement should have refused it)");
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
