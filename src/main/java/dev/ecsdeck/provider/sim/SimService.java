package dev.ecsdeck.provider.sim;

import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.PlacementConstraint;
import dev.ecsdeck.model.PlacementStrategy;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.model.Tag;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A service: what it wants (desired count, task definition, deployment rules) and its deployments and events. */
final class SimService {
    static final int MAX_EVENTS = 100;

    final String name;
    final String arn;
    final String clusterName;
    final Instant createdAt;
    final String launchType;
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
    /** Primary first, then older ones. */
    final List<SimDeployment> deployments = new ArrayList<>();
    /** Newest first, at most {@link #MAX_EVENTS}. */
    final Deque<ServiceEvent> events = new ArrayDeque<>();

    // scheduler bookkeeping
    /** The task definition of the last deployment that COMPLETED: what a rollback returns to. */
    String lastCompletedTaskDefinitionArn;
    boolean steady;
    Instant lastSteadyEventAt;
    Instant lastPlacementEventAt;
    Instant lastDeploymentConfigEventAt;
    int consecutiveStartFailures;
    Instant launchesThrottledUntil;

    SimService(String name, String arn, String clusterName, String launchType, String schedulingStrategy, Instant createdAt) {
        this.name = name;
        this.arn = arn;
        this.clusterName = clusterName;
        this.launchType = launchType;
        this.schedulingStrategy = schedulingStrategy;
        this.createdAt = createdAt;
    }

    boolean isDaemon() {
        return "DAEMON".equals(schedulingStrategy);
    }

    SimDeployment primary() {
        return deployments.isEmpty() ? null : deployments.get(0);
    }

    void addEvent(ServiceEvent event) {
        events.addFirst(event);
        while (events.size() > MAX_EVENTS) {
            events.removeLast();
        }
    }
}
