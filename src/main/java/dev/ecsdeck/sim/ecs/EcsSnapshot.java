package dev.ecsdeck.sim.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.KeyValue;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.PlacementConstraint;
import dev.ecsdeck.model.PlacementStrategy;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.model.ServiceRevision;
import dev.ecsdeck.model.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The simulated ECS's state as plain data, for the state file: task definitions, image behaviours
 * and clusters with their instances, services, deployments and tasks ({@link EcsSnapshots} takes
 * and restores it). The records' member names are the state file's field names. Members that came
 * with service deployments and load balancers (Lambda hook outcomes, failing target images, a
 * service's revisions and service deployments, a deployment's revision and side, a task's targets,
 * single tasks failing their target health)
 * are absent from older state files: they read as null, which means none (or false).
 */
public record EcsSnapshot(List<TaskDefinitionState> taskDefinitions, List<ImageFault> imageFaults, List<String> neverHealthyImages,
        List<ClusterState> clusters, List<LambdaHookOutcome> lambdaHookOutcomes, List<TargetHealthFault> failingTargetImages,
        List<String> failingTargetTasks,
        ProtectionAndServiceConnect protectionAndServiceConnect,
        List<TaskSetSnapshots.ServiceTaskSets> taskSets) {

    /**
     * Task scale-in protection (expiry by task ARN) and Service Connect configurations (by service ARN,
     * and by the deployment id each was made with); absent from older state files (null: none).
     */
    public record ProtectionAndServiceConnect(Map<String, Instant> taskProtection, Map<String, ObjectNode> serviceConnectByService,
            Map<String, ObjectNode> serviceConnectByDeployment) {}

    /** What an AWS_LAMBDA hook's function answers (null: never) and after how long. */
    public record LambdaHookOutcome(String functionArn, String answer, long afterSeconds) {}

    /** An image whose answers to its load balancer's health checks are wrong from this long after its task starts. */
    public record TargetHealthFault(String image, long afterMillis) {}

    public record TaskDefinitionState(ObjectNode document, String status, Instant registeredAt, Instant deregisteredAt) {}

    public record ImageFault(String image, long afterMillis, Integer exitCode, String reason) {}

    public record ClusterState(String name, String arn, Instant createdAt, String status, List<String> capacityProviders,
            List<KeyValue> settings, List<Tag> tags, List<InstanceState> instances, List<ServiceState> services,
            List<TaskState> tasks) {}

    public record InstanceState(String id, String arn, String ec2InstanceId, int cpu, int memory, Map<String, String> attributes,
            Instant registeredAt, String status, String statusReason, boolean agentConnected, int usedCpu, int usedMemory,
            List<Integer> usedPorts,
            FieldSnapshots.InstanceFields fields) {}

    public record ServiceState(String name, String arn, Instant createdAt, String launchType, String schedulingStrategy, String status,
            int desiredCount, String taskDefinitionArn, DeploymentConfiguration deploymentConfiguration,
            NetworkConfiguration networkConfiguration, List<PlacementConstraint> placementConstraints,
            List<PlacementStrategy> placementStrategy, List<LoadBalancer> loadBalancers, Integer healthCheckGracePeriodSeconds,
            List<Tag> tags, List<DeploymentState> deployments, List<ServiceEvent> events, boolean steady, Instant lastSteadyEventAt,
            Instant lastPlacementEventAt, Instant lastDeploymentConfigEventAt, int consecutiveStartFailures,
            Instant launchesThrottledUntil, String lastCompletedTaskDefinitionArn, LoadState load, double[][] metrics,
            Instant lastScaleOutAt, Instant lastScaleInAt, List<ServiceRevision> revisions, List<ServiceDeploymentState> serviceDeployments,
            FieldSnapshots.ServiceFields fields,
            boolean enableExecuteCommand) {}

    public record DeploymentState(String id, String taskDefinitionArn, Instant createdAt, String launchType, String status, int desiredCount,
            int failedTasks, Instant updatedAt, String rolloutState, String rolloutStateReason, String revisionArn, boolean onAlternate) {}

    /** A service deployment; its hooks in the order they started. */
    public record ServiceDeploymentState(String arn, Instant createdAt, List<String> sourceRevisionArns, String targetRevisionArn,
            DeploymentConfiguration configuration, String targetDeploymentId, List<String> sourceDeploymentIds, Instant startedAt,
            Instant finishedAt, Instant stoppedAt, Instant updatedAt, String status, String statusReason, String lifecycleStage,
            Instant stageStartedAt, Double productionPercent, Double testPercent, Instant nextShiftAt, List<HookState> hooks,
            String rollbackReason, Instant rollbackStartedAt, String rollbackRevisionArn, String rollbackDeploymentId,
            Integer breakerThreshold, int breakerFailures, boolean breakerTriggered) {}

    public record HookState(String hookId, String targetType, String targetArn, String stage, Instant startedAt, Instant expiresAt,
            String timeoutAction, String status, Instant answersAt, String answer) {}

    public record LoadState(double cpuPercent, double memoryPercent, int baseTasks, long seed, List<ServiceLoad.Step> steps) {}

    public record TaskState(String id, String arn, String taskDefinitionArn, String launchType, Instant createdAt, String serviceName,
            String deploymentId, String group, String startedBy, String containerInstanceId, String availabilityZone,
            String lastStatus, String desiredStatus, String healthStatus, Instant pullStartedAt, Instant pullStoppedAt,
            Instant startedAt, Instant stoppingAt, Instant stoppedAt, Instant executionStoppedAt, String stoppedReason,
            String stopCode, long version, Instant nextTransitionAt, Instant healthyAt, boolean wasHealthy, Instant failsAt,
            String failureReason, Integer failureExitCode, boolean resourcesReleased, boolean healthNoticed,
            boolean failureCounted, List<Integer> hostPorts, List<ContainerState> containers, SimEni eni, boolean loadBalanced,
            boolean lifecycleHealthy, boolean failedHealthChecks, List<TargetState> targets,
            FieldSnapshots.TaskFields fields,
            boolean enableExecuteCommand) {}

    /** A task's registration in a target group. */
    public record TargetState(String targetGroupArn, String id, int port) {}

    public record ContainerState(String name, String arn, String runtimeId, String lastStatus, Integer exitCode, String reason,
            String healthStatus) {}
}
