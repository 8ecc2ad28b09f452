package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.sim.SimIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cluster auto scaling, as the ECS guides describe it, for Auto Scaling group capacity providers
 * with managed scaling on. Once a minute ECS works out M, the instances the group needs (those
 * running tasks, those still booting, and enough new ones for the tasks waiting in PROVISIONING),
 * and sets the group's desired size to M × 100 / targetCapacity: up at once, by at least
 * minimumScalingStepSize and at most maximumScalingStepSize; down only after the group was over its
 * target for 15 minutes (the scale-in alarm's datapoints), removing instances without tasks that
 * are past their warm-up. Managed termination protection keeps instances with tasks (other than
 * daemon tasks) from being terminated; managed draining sets an instance DRAINING, so its services
 * move their tasks, before the group terminates it. Launched instances register with the cluster
 * after {@link SimCapacityProvider#BOOT_SECONDS}, spread over the region's zones a, b and c. Every
 * step, tasks waiting for capacity are placed on the group's instances when one fits them.
 */
final class ClusterAutoScaling {
    static final Duration SCALE_IN_AFTER = Duration.ofMinutes(15);
    private static final List<String> ZONES = List.of("a", "b", "c");

    private final SimIds ids;
    private final CapacityProviders providers;
    private final TaskLauncher launcher;
    private final Placement placement;
    private final TaskLifecycle lifecycle;

    ClusterAutoScaling(SimIds ids, CapacityProviders providers, TaskLauncher launcher, Placement placement, TaskLifecycle lifecycle) {
        this.ids = ids;
        this.providers = providers;
        this.launcher = launcher;
        this.placement = placement;
        this.lifecycle = lifecycle;
    }

    void step(Map<String, SimCluster> clusters, Instant now) {
        for (SimCapacityProvider p : providers.byName.values()) {
            SimCluster cluster = p.cluster == null ? null : clusters.get(p.cluster);
            if (!p.active() || cluster == null || !"ACTIVE".equals(cluster.status)) {
                continue;
            }
            registerBooted(p, cluster, now);
            placeWaiting(p, cluster, now);
            terminateDrained(p, cluster, now);
            if (p.managedScaling() && now.getEpochSecond() % 60 == 0) {
                scale(p, cluster, now);
            }
        }
    }

    /** Instances whose boot is over register with the cluster, as the ECS agent registers them. */
    private void registerBooted(SimCapacityProvider p, SimCluster cluster, Instant now) {
        for (var it = p.booting.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Instant> e = it.next();
            if (e.getValue().plusSeconds(SimCapacityProvider.BOOT_SECONDS).isAfter(now)) {
                continue;
            }
            it.remove();
            String id = ids.hex(32);
            SimInstance i = new SimInstance(id, ids.containerInstanceArn(cluster.name, id), e.getKey(), SimCapacityProvider.INSTANCE_CPU,
                    SimCapacityProvider.INSTANCE_MEMORY, now);
            i.attributes.put("ecs.os-type", "linux");
            i.attributes.put("ecs.cpu-architecture", "x86_64");
            i.attributes.put("ecs.availability-zone", ids.region() + leastUsedZone(p, cluster));
            i.attributes.put("ecs.instance-type", SimCapacityProvider.INSTANCE_TYPE);
            i.attributes.put("ecs.ami-id", "ami-0ecsoptimized0000");
            i.capacityProviderName = p.name;
            cluster.instances.put(id, i);
            p.instances.put(id, e.getValue());
            cluster.markAllServicesDirty();
        }
    }

    private String leastUsedZone(SimCapacityProvider p, SimCluster cluster) {
        int[] counts = new int[ZONES.size()];
        for (String id : p.instances.keySet()) {
            SimInstance i = cluster.instances.get(id);
            String zone = i == null ? null : i.availabilityZone();
            int index = zone == null ? -1 : ZONES.indexOf(zone.substring(zone.length() - 1));
            if (index >= 0) {
                counts[index]++;
            }
        }
        int best = 0;
        for (int z = 1; z < counts.length; z++) {
            best = counts[z] < counts[best] ? z : best;
        }
        return ZONES.get(best);
    }

    /** Tasks waiting in PROVISIONING for this provider go onto a group instance that fits them, oldest first. */
    private void placeWaiting(SimCapacityProvider p, SimCluster cluster, Instant now) {
        for (SimTask t : waiting(p, cluster)) {
            SimService svc = t.serviceName == null ? null : cluster.services.get(t.serviceName);
            Placement.Result where = placement.placeOnInstance(cluster, t.taskDefinition, t.group,
                    svc == null ? List.of() : svc.placementConstraints, svc == null ? List.of() : svc.placementStrategy,
                    i -> p.instances.containsKey(i.id));
            if (where.placed()) {
                launcher.placeWaiting(t, where.instance(), now);
                if (svc != null) {
                    svc.dirty = true;
                }
            }
        }
    }

    private static List<SimTask> waiting(SimCapacityProvider p, SimCluster cluster) {
        List<SimTask> out = new ArrayList<>();
        for (SimTask t : cluster.tasks.values()) {
            if (t.awaitingCapacity && p.name.equals(t.capacityProviderName)) {
                if (t.wantsRunning()) {
                    out.add(t);
                } else {
                    t.awaitingCapacity = false; // stopped before it had an instance
                }
            }
        }
        return out;
    }

    /** Managed scaling's once-a-minute look at the group (see the class comment). */
    private void scale(SimCapacityProvider p, SimCluster cluster, Instant now) {
        p.lastEvaluatedAt = now;
        List<SimTask> waiting = waiting(p, cluster);
        int registered = p.instances.size();
        int size = registered + p.booting.size();
        int busy = 0;
        for (String id : p.instances.keySet()) {
            busy += hasTasks(cluster, id) ? 1 : 0;
        }
        int needed = waiting.isEmpty() ? 0 : Math.max(p.booting.isEmpty() ? 1 : 0, newInstancesFor(waiting, p.booting.size()));
        int m = busy + p.booting.size() + needed;
        int target = m == 0 ? 0 : (int) Math.ceil(m * 100.0 / p.targetCapacity);
        target = Math.max(SimCapacityProvider.MIN_SIZE, Math.min(SimCapacityProvider.MAX_SIZE, target));
        if (target > size) {
            int add = Math.min(Math.max(target - size, p.minimumScalingStepSize), p.maximumScalingStepSize);
            add = Math.min(add, SimCapacityProvider.MAX_SIZE - size);
            for (int k = 0; k < add; k++) {
                p.booting.put(ids.ec2InstanceId(), now);
            }
            p.overTargetSince = null;
        } else if (target < size && waiting.isEmpty()) {
            if (p.overTargetSince == null) {
                p.overTargetSince = now;
            } else if (!now.isBefore(p.overTargetSince.plus(SCALE_IN_AFTER))) {
                scaleIn(p, cluster, size - target, now);
                p.overTargetSince = null;
            }
        } else {
            p.overTargetSince = null;
        }
    }

    /** How many new instances the waiting tasks need beyond what the booting ones will hold (packed in order, first fit). */
    private static int newInstancesFor(List<SimTask> waiting, int bootingCount) {
        List<int[]> free = new ArrayList<>();
        for (int k = 0; k < bootingCount; k++) {
            free.add(new int[] {SimCapacityProvider.INSTANCE_CPU, SimCapacityProvider.INSTANCE_MEMORY});
        }
        int added = 0;
        for (SimTask t : waiting) {
            int cpu = t.taskDefinition.reservedCpu();
            int memory = t.taskDefinition.reservedMemory();
            int[] slot = free.stream().filter(f -> f[0] >= cpu && f[1] >= memory).findFirst().orElse(null);
            if (slot == null) {
                slot = new int[] {SimCapacityProvider.INSTANCE_CPU, SimCapacityProvider.INSTANCE_MEMORY};
                free.add(slot);
                added++;
            }
            slot[0] -= cpu;
            slot[1] -= memory;
        }
        return added;
    }

    /**
     * Removes up to {@code count} instances past their warm-up, in the order of the Auto Scaling group's
     * default termination policy (from the zone with the most instances, then the oldest). With managed
     * termination protection ECS protects the instances that run tasks, so only idle ones go; without
     * it the group may take one with tasks (managed draining then moves them first).
     */
    private void scaleIn(SimCapacityProvider p, SimCluster cluster, int count, Instant now) {
        Map<String, Integer> perZone = new java.util.HashMap<>();
        List<SimInstance> candidates = new ArrayList<>();
        for (Map.Entry<String, Instant> e : p.instances.entrySet()) {
            SimInstance i = cluster.instances.get(e.getKey());
            if (i == null || !i.active()) {
                continue;
            }
            perZone.merge(i.availabilityZone(), 1, Integer::sum);
            boolean warm = !e.getValue().plusSeconds(p.instanceWarmupPeriod).isAfter(now);
            boolean protectedNow = "ENABLED".equals(p.managedTerminationProtection) && hasTasks(cluster, i.id);
            if (warm && !protectedNow) {
                candidates.add(i);
            }
        }
        candidates.sort(java.util.Comparator.<SimInstance>comparingInt(i -> -perZone.get(i.availabilityZone()))
                .thenComparing(i -> p.instances.get(i.id)));
        for (SimInstance i : candidates.subList(0, Math.min(count, candidates.size()))) {
            if ("ENABLED".equals(p.managedDraining)) {
                i.status = "DRAINING";
                i.statusReason = "Draining for the scale-in of Auto Scaling group capacity provider " + p.name + ".";
                p.draining.add(i.id);
                cluster.markAllServicesDirty();
            } else {
                terminate(p, cluster, i, now);
            }
        }
    }

    /** A DRAINING instance of the group is terminated once its services have moved their tasks off it. */
    private void terminateDrained(SimCapacityProvider p, SimCluster cluster, Instant now) {
        for (String id : new ArrayList<>(p.draining)) {
            SimInstance i = cluster.instances.get(id);
            if (i == null || !hasTasks(cluster, id)) {
                if (i != null) {
                    terminate(p, cluster, i, now);
                }
                p.draining.remove(id);
            }
        }
    }

    /** The group terminates the instance: it leaves the cluster, and what still runs on it (daemon tasks) stops. */
    private void terminate(SimCapacityProvider p, SimCluster cluster, SimInstance i, Instant now) {
        i.status = "INACTIVE";
        i.agentConnected = false;
        i.statusReason = "Instance " + i.ec2InstanceId + " was terminated by its Auto Scaling group (scale-in).";
        p.instances.remove(i.id);
        p.draining.remove(i.id);
        cluster.markAllServicesDirty();
        for (SimTask t : cluster.tasks.values()) {
            if (i.id.equals(t.containerInstanceId) && t.wantsRunning()) {
                lifecycle.requestStop(t, now, "TerminationNotice", "Host EC2 (instance " + i.ec2InstanceId + ") terminated.");
            }
        }
    }

    /** Whether tasks other than daemon tasks are on the instance and not yet stopped. */
    private static boolean hasTasks(SimCluster cluster, String instanceId) {
        for (SimTask t : cluster.tasks.values()) {
            if (instanceId.equals(t.containerInstanceId) && !t.isStopped()) {
                SimService svc = t.serviceName == null ? null : cluster.services.get(t.serviceName);
                if (svc == null || !svc.isDaemon()) {
                    return true;
                }
            }
        }
        return false;
    }
}
