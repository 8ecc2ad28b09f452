package dev.ecsdeck.sim.state;

import dev.ecsdeck.model.ScalableTarget;
import dev.ecsdeck.model.ScalingActivity;
import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.StepScalingConfig;
import dev.ecsdeck.sim.autoscaling.ScalingApi;
import dev.ecsdeck.sim.ecs.AccountSettingApi;
import dev.ecsdeck.sim.ecs.CapacitySnapshot;
import dev.ecsdeck.sim.ecs.EcsSnapshot;
import dev.ecsdeck.sim.ecs.TagApi;
import dev.ecsdeck.sim.ecs.TaskSetSnapshots;
import dev.ecsdeck.sim.elb.ElbSnapshot;
import dev.ecsdeck.sim.logs.LogsSnapshot;
import dev.ecsdeck.sim.scenario.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The whole state of a simulation as plain data, for the state file: everything the engine holds,
 * including its random source and the scenario actions still to come, so a restored simulation
 * goes on exactly as the saved one would have. The members from stepScalingConfigs on came later:
 * a state file without them reads as having none (resourceTags: the tags of tasks, task definitions
 * and container instances, and services' tag settings; accountSettings: ECS's account settings; metrics: CloudWatch's, where
 * an older file has only each service's utilisation in its service state; ecr: the ECR
 * registry, null: none).
 */
record SimSnapshot(
        int version,
        String scenario,
        String region,
        long seed,
        long randomState,
        Instant simulatedUntil,
        List<EcsSnapshot.TaskDefinitionState> taskDefinitions,
        List<EcsSnapshot.ImageFault> imageFaults,
        List<String> neverHealthyImages,
        List<EcsSnapshot.ClusterState> clusters,
        int nextLogStream,
        List<LogsSnapshot.LogGroupState> logGroups,
        List<ScalableTarget> scalableTargets,
        List<ScalingPolicy> scalingPolicies,
        Map<String, List<ScalingActivity>> scalingActivities,
        List<PendingAction> pendingActions,
        Map<String, StepScalingConfig> stepScalingConfigs,
        List<ScalingApi.Scheduled> scheduledActions,
        ElbSnapshot elb,
        dev.ecsdeck.sim.cloudwatch.MetricApi.State metrics,
        List<EcsSnapshot.LambdaHookOutcome> lambdaHookOutcomes,
        List<EcsSnapshot.TargetHealthFault> failingTargetImages,
        List<String> failingTargetTasks,
        EventsSnapshot events,
        TagApi.TagState resourceTags,
        AccountSettingApi.State accountSettings,
        EcsSnapshot.ProtectionAndServiceConnect protectionAndServiceConnect,
        List<TaskSetSnapshots.ServiceTaskSets> taskSets,
        CapacitySnapshot capacity,
        dev.ecsdeck.sim.ecr.EcrApi.State ecr) {

    static final int CURRENT_VERSION = 1;

    /** EventBridge rules and Scheduler schedules (null in a state file written before they were served: none). */
    record EventsSnapshot(List<dev.ecsdeck.sim.events.EventsApi.RuleState> rules, List<dev.ecsdeck.sim.scheduler.SchedulerApi.ScheduleState> schedules) {}

    record PendingAction(Instant at, long sequence, Scenario.Action action) {}
}
