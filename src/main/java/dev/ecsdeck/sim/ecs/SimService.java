package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.PlacementConstraint;
import dev.ecsdeck.model.PlacementStrategy;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.model.ServiceRevision;
import dev.ecsdeck.model.Tag;
import dev.ecsdeck.sim.SimIds;
import dev.ecsdeck.sim.logs.SimLogs;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A service: what it wants (desired count, task definition, deployment rules) and its deployments and events. */
final class SimService {
    static final int MAX_EVENTS = 100;
    static final int MAX_SERVICE_DEPLOYMENTS = 100;

    final String name;
    final String arn;
    final String clusterName;
    final Instant createdAt;
    /** EC2 or FARGATE; with a capacity provider strategy, the launch type of its providers (UpdateService may switch it). */
    String launchType;
    /** Its capacity provider strategy (empty: it runs by its launch type). */
    final List<dev.ecsdeck.model.CapacityProviderStrategyItem> capacityProviderStrategy = new ArrayList<>();
    final String schedulingStrategy;
    String status = "ACTIVE";
    int desiredCount;
    String taskDefinitionArn;
    DeploymentConfiguration deploymentConfiguration;
    NetworkConfiguration networkConfiguration;
    final List<PlacementConstraint> placementConstraints = new ArrayList<>();
    final List<PlacementStrategy> placementStrategy = new ArrayList<>();
    final List<LoadBalancer> loadBalancers = new ArrayList<>();
    Integer healthCheckGracePeriodSeconds;
    final List<Tag> tags = new ArrayList<>();
    /** Members kept and shown (platform version, service registries, volumes, role, AZ rebalancing). */
    final ServiceSettings settings = new ServiceSettings();
    /** ECS Exec: the tasks it starts from now on carry it (running ones keep theirs, as in ECS). */
    boolean enableExecuteCommand;
    /** Primary first, then older ones. */
    final List<SimDeployment> deployments = new ArrayList<>();
    /** Every revision of the service, oldest first, by ARN. */
    final java.util.Map<String, ServiceRevision> revisions = new java.util.LinkedHashMap<>();
    /** Its service deployments, newest first, at most {@link #MAX_SERVICE_DEPLOYMENTS}. */
    final Deque<SimServiceDeployment> serviceDeployments = new ArrayDeque<>();
    /** Newest first, at most {@link #MAX_EVENTS}. */
    final Deque<ServiceEvent> events = new ArrayDeque<>();
    /** ECS, CODE_DEPLOY or EXTERNAL; an EXTERNAL service's tasks come from its task sets, not from deployments. */
    String deploymentController = "ECS";
    /** An EXTERNAL service's task sets, oldest first (see {@link TaskSets}). */
    final List<SimTaskSet> taskSets = new ArrayList<>();

    // scheduler bookkeeping
    /** Something changed that the scheduler must look at (a task's state, the cluster's instances). */
    boolean dirty = true;
    /** The task definition of the last deployment that COMPLETED: what a rollback returns to. */
    String lastCompletedTaskDefinitionArn;
    boolean steady;
    Instant lastSteadyEventAt;
    Instant lastPlacementEventAt;
    Instant lastDeploymentConfigEventAt;
    int consecutiveStartFailures;
    Instant launchesThrottledUntil;

    // auto scaling
    /** The work this service has; a default curve is made on first use. */
    ServiceLoad load;
    Instant lastScaleOutAt;
    Instant lastScaleInAt;

    SimService(String name, String arn, String clusterName, String launchType, String schedulingStrategy, Instant createdAt) {
        this.name = name;
        this.arn = arn;
        this.clusterName = clusterName;
        this.launchType = launchType;
        this.schedulingStrategy = schedulingStrategy;
        this.createdAt = createdAt;
    }

    boolean external() {
        return "EXTERNAL".equals(deploymentController);
    }

    boolean isDaemon() {
        return "DAEMON".equals(schedulingStrategy);
    }

    SimDeployment primary() {
        return deployments.isEmpty() ? null : deployments.get(0);
    }

    /** The service's load, a seeded default (15–45% CPU at its first desired count) unless a scenario set one. */
    ServiceLoad load(SimIds ids) {
        if (load == null) {
            long seed = SimLogs.mix(arn.hashCode(), 0x5eed);
            double cpu = 15 + Math.floorMod(seed, 31);
            double memory = 25 + Math.floorMod(seed >>> 8, 36);
            load = new ServiceLoad(cpu, memory, Math.max(1, desiredCount), seed);
        }
        return load;
    }

    /** The service deployment in progress, if any (at most one is). */
    SimServiceDeployment currentServiceDeployment() {
        SimServiceDeployment newest = serviceDeployments.peekFirst();
        return newest != null && newest.inProgress() ? newest : null;
    }

    void addServiceDeployment(SimServiceDeployment sd) {
        serviceDeployments.addFirst(sd);
        while (serviceDeployments.size() > MAX_SERVICE_DEPLOYMENTS) {
            serviceDeployments.removeLast();
        }
    }

    void addEvent(ServiceEvent event) {
        events.addFirst(event);
        while (events.size() > MAX_EVENTS) {
            events.removeLast();
        }
    }
}
