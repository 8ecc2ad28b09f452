package dev.ecsdeck.model;

import java.time.Instant;
import java.util.List;

/**
 * One rollout of a service from its source service revisions to a target one, as
 * DescribeServiceDeployments shows it: status (PENDING, IN_PROGRESS, SUCCESSFUL, STOPPED,
 * STOP_REQUESTED, ROLLBACK_REQUESTED, ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED),
 * the lifecycle stage of a traffic-shifting deployment, its hooks, and what rolled it back.
 */
public record ServiceDeployment(
        String serviceDeploymentArn,
        String serviceArn,
        String clusterArn,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant stoppedAt,
        Instant updatedAt,
        List<ServiceRevisionSummary> sourceServiceRevisions,
        ServiceRevisionSummary targetServiceRevision,
        String status,
        String statusReason,
        String lifecycleStage,
        List<DeploymentLifecycleHookDetail> lifecycleHookDetails,
        DeploymentConfiguration deploymentConfiguration,
        Rollback rollback,
        RollbackMonitor deploymentCircuitBreaker,
        RollbackMonitorAlarms alarms) {

    /** Statuses after which a service deployment changes no more. */
    public static final java.util.Set<String> FINISHED = java.util.Set.of("SUCCESSFUL", "STOPPED", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED");

    /** Whether a deployment of this status may still change (PENDING, IN_PROGRESS, the requested and rolling-back ones). */
    public static boolean inFlight(String status) {
        return status != null && !FINISHED.contains(status);
    }

    public ServiceDeployment {
        sourceServiceRevisions = sourceServiceRevisions == null ? List.of() : List.copyOf(sourceServiceRevisions);
        lifecycleHookDetails = lifecycleHookDetails == null ? List.of() : List.copyOf(lifecycleHookDetails);
    }

    /** A revision's part in a deployment: its task counts and the share of traffic asked for it (percent). */
    public record ServiceRevisionSummary(String arn, Integer requestedTaskCount, Integer runningTaskCount, Integer pendingTaskCount,
            Double requestedTestTrafficWeight, Double requestedProductionTrafficWeight) {}

    /** A lifecycle hook as it runs: status IN_PROGRESS or AWAITING_ACTION, then SUCCEEDED, FAILED or TIMED_OUT. */
    public record DeploymentLifecycleHookDetail(String hookId, String targetType, String targetArn, String status, Instant expiresAt,
            String timeoutAction) {}

    /** Why and when the deployment began rolling back, and to which revision. */
    public record Rollback(String reason, Instant startedAt, String serviceRevisionArn) {}

    /** The circuit breaker's watch over the deployment: status TRIGGERED, MONITORING, MONITORING_COMPLETE or DISABLED. */
    public record RollbackMonitor(String status, Integer failureCount, Integer threshold) {}

    /**
     * The deployment alarms' watch over the deployment (ServiceDeploymentAlarms): status TRIGGERED, MONITORING,
     * MONITORING_COMPLETE or DISABLED, the alarms watched, and those that were in ALARM when it triggered.
     */
    public record RollbackMonitorAlarms(String status, List<String> alarmNames, List<String> triggeredAlarmNames) {
        public RollbackMonitorAlarms {
            alarmNames = alarmNames == null ? List.of() : List.copyOf(alarmNames);
            triggeredAlarmNames = triggeredAlarmNames == null ? List.of() : List.copyOf(triggeredAlarmNames);
        }
    }
}
