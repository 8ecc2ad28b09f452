package dev.ecsdeck.sim.cloudwatch;

import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.ClusterMinute;
import dev.ecsdeck.sim.ecs.ClusterMinute.ServiceMinute;
import java.time.Instant;
import java.util.Map;

/**
 * What AWS services publish to CloudWatch each minute, as the simulation has it: ECS's service and
 * cluster CPUUtilization and MemoryUtilization ({@code AWS/ECS}); Container Insights' task counts and
 * reservations ({@code ECS/ContainerInsights}, only for clusters with the containerInsights setting
 * enabled or enhanced); ELB's RequestCount and RequestCountPerTarget ({@code AWS/ApplicationELB}, only
 * for minutes with requests, as ELB publishes nothing otherwise). At each minute boundary the minute that
 * just ended is published, stamped with its start, as CloudWatch shows one-minute datapoints.
 */
final class PublishedMetrics {
    static final String ECS = "AWS/ECS";
    static final String INSIGHTS = "ECS/ContainerInsights";
    static final String ELB = "AWS/ApplicationELB";

    private final SimEngine engine;
    private final MetricStore store;

    PublishedMetrics(SimEngine engine, MetricStore store) {
        this.engine = engine;
        this.store = store;
    }

    static MetricKey serviceMetric(String namespace, String metricName, String cluster, String service) {
        return new MetricKey(namespace, metricName, Map.of("ClusterName", cluster, "ServiceName", service));
    }

    /** Called at every simulated second; publishes on minute boundaries. */
    void step(Instant now) {
        if (now.getEpochSecond() % 60 != 0) {
            return;
        }
        long minute = now.getEpochSecond() / 60;
        Instant stamp = Instant.ofEpochSecond((minute - 1) * 60);
        for (ClusterMinute c : engine.ecs().minuteFigures(minute)) {
            publishCluster(c, stamp);
        }
        publishLoadBalancers(minute - 1, stamp);
    }

    /**
     * Publishes the minutes in [from, to) as the services would have reported them running steady at their desired
     * counts: a scenario's history before its simulation starts (no ELB requests are made up).
     */
    void publishSteadyHistory(Instant from, Instant to) {
        for (long stamp = from.getEpochSecond() / 60; stamp < to.getEpochSecond() / 60; stamp++) {
            for (ClusterMinute c : engine.ecs().steadyMinuteFigures(stamp + 1)) {
                publishCluster(c, Instant.ofEpochSecond(stamp * 60));
            }
        }
    }

    private void publishCluster(ClusterMinute c, Instant stamp) {
        double cpuReserved = 0;
        double cpuUsed = 0;
        double memoryReserved = 0;
        double memoryUsed = 0;
        for (ServiceMinute s : c.services()) {
            put(serviceMetric(ECS, "CPUUtilization", c.clusterName(), s.serviceName()), stamp, s.cpuPercent());
            put(serviceMetric(ECS, "MemoryUtilization", c.clusterName(), s.serviceName()), stamp, s.memoryPercent());
            double cpuUtilized = s.cpuReserved() * s.cpuPercent() / 100;
            double memoryUtilized = s.memoryReserved() * s.memoryPercent() / 100;
            cpuReserved += s.cpuReserved();
            cpuUsed += cpuUtilized;
            memoryReserved += s.memoryReserved();
            memoryUsed += memoryUtilized;
            if (c.containerInsights()) {
                put(serviceMetric(INSIGHTS, "DesiredTaskCount", c.clusterName(), s.serviceName()), stamp, s.desired());
                put(serviceMetric(INSIGHTS, "RunningTaskCount", c.clusterName(), s.serviceName()), stamp, s.running());
                put(serviceMetric(INSIGHTS, "PendingTaskCount", c.clusterName(), s.serviceName()), stamp, s.pending());
                put(serviceMetric(INSIGHTS, "CpuReserved", c.clusterName(), s.serviceName()), stamp, s.cpuReserved());
                put(serviceMetric(INSIGHTS, "CpuUtilized", c.clusterName(), s.serviceName()), stamp, round(cpuUtilized));
                put(serviceMetric(INSIGHTS, "MemoryReserved", c.clusterName(), s.serviceName()), stamp, s.memoryReserved());
                put(serviceMetric(INSIGHTS, "MemoryUtilized", c.clusterName(), s.serviceName()), stamp, round(memoryUtilized));
            }
        }
        Map<String, String> cluster = Map.of("ClusterName", c.clusterName());
        if (cpuReserved > 0) {
            // The cluster's figure: what its services' running tasks use of what they reserve.
            put(new MetricKey(ECS, "CPUUtilization", cluster), stamp, round(100 * cpuUsed / cpuReserved));
        }
        if (memoryReserved > 0) {
            put(new MetricKey(ECS, "MemoryUtilization", cluster), stamp, round(100 * memoryUsed / memoryReserved));
        }
        if (c.containerInsights()) {
            put(new MetricKey(INSIGHTS, "TaskCount", cluster), stamp, c.taskCount());
            put(new MetricKey(INSIGHTS, "ServiceCount", cluster), stamp, c.services().size());
            put(new MetricKey(INSIGHTS, "ContainerInstanceCount", cluster), stamp, c.containerInstanceCount());
            put(new MetricKey(INSIGHTS, "CpuReserved", cluster), stamp, cpuReserved);
            put(new MetricKey(INSIGHTS, "CpuUtilized", cluster), stamp, round(cpuUsed));
            put(new MetricKey(INSIGHTS, "MemoryReserved", cluster), stamp, memoryReserved);
            put(new MetricKey(INSIGHTS, "MemoryUtilized", cluster), stamp, round(memoryUsed));
        }
    }

    /** RequestCount by target group and load balancer, and RequestCountPerTarget by target group, for a minute with requests. */
    private void publishLoadBalancers(long minute, Instant stamp) {
        for (String arn : engine.elb().targetGroupArns()) {
            double requests = engine.elb().requestCount(arn, minute);
            String label = engine.elb().resourceLabel(arn);
            if (requests <= 0 || label == null) {
                continue;
            }
            int split = label.indexOf("/targetgroup/");
            String loadBalancer = label.substring(0, split);
            String targetGroup = label.substring(split + 1);
            put(new MetricKey(ELB, "RequestCount", Map.of("LoadBalancer", loadBalancer, "TargetGroup", targetGroup)), stamp, requests);
            put(new MetricKey(ELB, "RequestCountPerTarget", Map.of("TargetGroup", targetGroup)), stamp,
                    round(engine.elb().requestCountPerTarget(arn, minute)));
        }
    }

    private void put(MetricKey key, Instant stamp, double value) {
        store.add(key, unitOf(key.metricName()), stamp, 1, value, value, value);
    }

    /** The units the AWS services give their metrics. */
    private static String unitOf(String metricName) {
        return switch (metricName) {
            case "CPUUtilization", "MemoryUtilization" -> "Percent";
            case "MemoryReserved", "MemoryUtilized" -> "Megabytes";
            case "CpuReserved", "CpuUtilized" -> "None";
            default -> "Count";
        };
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
