package dev.ecsdeck.sim.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.KeyValue;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.PlacementConstraint;
import dev.ecsdeck.model.PlacementStrategy;
import dev.ecsdeck.model.ScalableTarget;
import dev.ecsdeck.model.ScalingActivity;
import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.model.StepScalingConfig;
import dev.ecsdeck.model.Tag;
import dev.ecsdeck.sim.autoscaling.ScalingApi;
import dev.ecsdeck.sim.ecs.ServiceLoad;
import dev.ecsdeck.sim.ecs.SimEni;
import dev.ecsdeck.sim.logs.LogLines;
import dev.ecsdeck.sim.scenario.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The whole state of a simulation as plain data, for the state file: everything the engine holds,
 * including its random source and the scenario actions still to come, so a restored simulation
 * goes on exactly as the saved one would have. The last two members came later: a state file
 * without them reads as having none.
 */
record SimSnapshot(
        int version,
        String scenario,
        String region,
        long seed,
        long randomState,
        Instant simulatedUntil,
        List<TaskDefinitionState> taskDefinitions,
        List<ImageFault> imageFaults,
        List<String> neverHealthyImages,
        List<ClusterState> clusters,
        int nextLogStream,
        List<LogGroupState> logGroups,
        List<ScalableTarget> scalableTargets,
        List<ScalingPolicy> scalingPolicies,
        Map<String, List<ScalingActivity>> scalingActivities,
        List<PendingAction> pendingActions,
        Map<String, StepScalingConfig> stepScalingConfigs,
        List<ScalingApi.Scheduled> scheduledActions) {

    static final int CURRENT_VERSION = 1;

    record TaskDefinitionState(ObjectNode document, String status, Instant registeredAt, Instant deregisteredAt) {}

    record ImageFault(String image, long afterMillis, Integer exitCode, String reason) {}

    record ClusterState(String name, String arn, Instant createdAt, String status, List<String> capacityProviders,
            List<KeyValue> settings, List<Tag> tags, List<InstanceState> instances, List<ServiceState> services,
            List<TaskState> tasks) {}

    record InstanceState(String id, String arn, String ec2InstanceId, int cpu, int memory, Map<String, String> attributes,
            Instant registeredAt, String status, String statusReason, boolean agentConnected, int usedCpu, int usedMemory,
            List<Integer> usedPorts) {}

    record ServiceState(String name, String arn, Instant createdAt, String launchType, String schedulingStrategy, String status,
            int desiredCount, String taskDefinitionArn, DeploymentConfiguration deploymentConfiguration,
            NetworkConfiguration networkConfiguration, List<PlacementConstraint> placementConstraints,
            List<PlacementStrategy> placementStrategy, List<LoadBalancer> loadBalancers, Integer healthCheckGracePeriodSeconds,
            List<Tag> tags, List<DeploymentState> deployments, List<ServiceEvent> events, boolean steady, Instant lastSteadyEventAt,
            Instant lastPlacementEventAt, Instant lastDeploymentConfigEventAt, int consecutiveStartFailures,
            Instant launchesThrottledUntil, String lastCompletedTaskDefinitionArn, LoadState load, double[][] metrics,
            Instant lastScaleOutAt, Instant lastScaleInAt) {}

    record DeploymentState(String id, String taskDefinitionArn, Instant createdAt, String launchType, String status, int desiredCount,
            int failedTasks, Instant updatedAt, String rolloutState, String rolloutStateReason) {}

    record LoadState(double cpuPercent, double memoryPercent, int baseTasks, long seed, List<ServiceLoad.Step> steps) {}

    record TaskState(String id, String arn, String taskDefinitionArn, String launchType, Instant createdAt, String serviceName,
            String deploymentId, String group, String startedBy, String containerInstanceId, String availabilityZone,
            String lastStatus, String desiredStatus, String healthStatus, Instant pullStartedAt, Instant pullStoppedAt,
            Instant startedAt, Instant stoppingAt, Instant stoppedAt, Instant executionStoppedAt, String stoppedReason,
            String stopCode, long version, Instant nextTransitionAt, Instant healthyAt, boolean wasHealthy, Instant failsAt,
            String failureReason, Integer failureExitCode, boolean resourcesReleased, boolean healthNoticed,
            boolean failureCounted, List<Integer> hostPorts, List<ContainerState> containers, SimEni eni) {}

    record ContainerState(String name, String arn, String runtimeId, String lastStatus, Integer exitCode, String reason,
            String healthStatus) {}

    record LogGroupState(String name, long createdMs, List<LogStreamState> streams) {}

    record LogStreamState(int number, String name, LogLines.Kind kind, long seed, String source, long startMs, long periodMs,
            Long endMs, List<LogEvent> written) {}

    record PendingAction(Instant at, long sequence, Scenario.Action action) {}
}
