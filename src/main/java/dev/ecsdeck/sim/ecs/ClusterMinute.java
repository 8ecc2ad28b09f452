package dev.ecsdeck.sim.ecs;

import java.util.ArrayList;
import java.util.List;

/**
 * What a cluster tells CloudWatch for one minute: its active services' CPU and memory utilisation (from
 * their load and running tasks) and task counts and reservations, and the cluster's counts. Whether the
 * cluster has Container Insights (its containerInsights setting is enabled or enhanced) decides what is published.
 */
public record ClusterMinute(String clusterName, boolean containerInsights, int containerInstanceCount, int taskCount, List<ServiceMinute> services) {
    /** One active service's minute: utilisation in percent, task counts, and the CPU units and MiB its running tasks reserve. */
    public record ServiceMinute(String serviceName, double cpuPercent, double memoryPercent, int desired, int running, int pending,
            int cpuReserved, int memoryReserved) {}

    /** {@code hotCpu}: the CPU a task of a hot image reports instead of its service's load (null for the others). */
    static ClusterMinute of(SimCluster cluster, long minute, dev.ecsdeck.sim.SimIds ids, java.util.function.Function<SimTask, Double> hotCpu) {
        List<ServiceMinute> services = new ArrayList<>();
        for (SimService svc : cluster.services.values()) {
            if (!"ACTIVE".equals(svc.status)) {
                continue;
            }
            int running = 0;
            int pending = 0;
            int cpu = 0;
            int memory = 0;
            int hot = 0;
            double hotTotal = 0;
            for (SimTask t : cluster.tasksOf(svc.name)) {
                if (t.isRunning()) {
                    running++;
                    Double h = hotCpu.apply(t);
                    if (h != null) {
                        hot++;
                        hotTotal += h;
                    }
                    cpu += t.taskDefinition.reservedCpu();
                    memory += t.taskDefinition.reservedMemory();
                } else if (t.wantsRunning()) {
                    pending++;
                }
            }
            ServiceLoad load = svc.load(ids);
            double cpuPercent = load.cpuUtilisation(minute, running);
            if (hot > 0) {
                cpuPercent = (cpuPercent * (running - hot) + hotTotal) / running; // a hot image's tasks report their own figure
            }
            services.add(new ServiceMinute(svc.name, hundredths(cpuPercent),
                    hundredths(load.memoryUtilisation(minute, running)), svc.desiredCount, running, pending, cpu, memory));
        }
        int instances = 0;
        for (SimInstance i : cluster.instances.values()) {
            instances += "INACTIVE".equals(i.status) ? 0 : 1;
        }
        int tasks = 0;
        for (SimTask t : cluster.tasks.values()) {
            tasks += t.isRunning() ? 1 : 0;
        }
        return new ClusterMinute(cluster.name, insights(cluster), instances, tasks, services);
    }

    /**
     * The minute as it would have been had the cluster's active services run steady at their desired counts with
     * their current task definitions: a scenario's past, before its simulation starts.
     */
    static ClusterMinute steady(SimCluster cluster, long minute, dev.ecsdeck.sim.SimIds ids,
            java.util.function.Function<String, SimTaskDefinition> taskDefinitions) {
        List<ServiceMinute> services = new ArrayList<>();
        int tasks = 0;
        for (SimService svc : cluster.services.values()) {
            if (!"ACTIVE".equals(svc.status) || svc.taskDefinitionArn == null) {
                continue;
            }
            SimTaskDefinition td = taskDefinitions.apply(svc.taskDefinitionArn);
            int running = svc.desiredCount;
            ServiceLoad load = svc.load(ids);
            services.add(new ServiceMinute(svc.name, hundredths(load.cpuUtilisation(minute, running)),
                    hundredths(load.memoryUtilisation(minute, running)), running, running, 0, running * td.reservedCpu(),
                    running * td.reservedMemory()));
            tasks += running;
        }
        int instances = 0;
        for (SimInstance i : cluster.instances.values()) {
            instances += "INACTIVE".equals(i.status) ? 0 : 1;
        }
        return new ClusterMinute(cluster.name, insights(cluster), instances, tasks, services);
    }

    private static boolean insights(SimCluster cluster) {
        return cluster.settings.stream()
                .anyMatch(s -> "containerInsights".equals(s.name()) && ("enabled".equals(s.value()) || "enhanced".equals(s.value())));
    }

    /** Percentages in hundredths, as the simulator has always kept them (0..100). */
    private static double hundredths(double percent) {
        return Math.round(Math.max(0, Math.min(100, percent)) * 100) / 100.0;
    }
}
