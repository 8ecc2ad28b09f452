package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.DeploymentConfiguration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One service deployment: the rollout from the service's running revisions to a target revision,
 * with its status, lifecycle stage (traffic-shifting strategies), hooks and rollback. The ECS
 * deployments it drives are named by id: {@link #targetDeploymentId} (the new revision's tasks) and,
 * once it rolls back, {@link #rollbackDeploymentId} for a rolling rollback.
 */
final class SimServiceDeployment {
    final String arn;
    final Instant createdAt;
    final List<String> sourceRevisionArns;
    final String targetRevisionArn;
    final DeploymentConfiguration configuration;
    final String targetDeploymentId;
    /** The ECS deployments of the source revisions when this one began (blue, for traffic-shifting strategies). */
    final List<String> sourceDeploymentIds;
    Instant startedAt;
    Instant finishedAt;
    Instant stoppedAt;
    Instant updatedAt;
    String status = "PENDING";
    String statusReason;
    String lifecycleStage;
    Instant stageStartedAt;
    /** Production and test traffic to the target revision, in percent; null for a rolling deployment. */
    Double productionPercent;
    Double testPercent;
    /** When the next traffic step of a canary or linear deployment is due. */
    Instant nextShiftAt;
    final List<HookRun> hooks = new ArrayList<>();
    String rollbackReason;
    Instant rollbackStartedAt;
    String rollbackRevisionArn;
    String rollbackDeploymentId;
    /** The circuit breaker's figures: failed tasks counted and the threshold, or null when it is off. */
    Integer breakerThreshold;
    int breakerFailures;
    boolean breakerTriggered;
    /** The deployment alarms that were in ALARM when they failed it (null: not triggered), and when a rolling one's bake time ends. */
    List<String> alarmsTriggered;
    Instant alarmBakeUntil;

    SimServiceDeployment(String arn, Instant createdAt, List<String> sourceRevisionArns, String targetRevisionArn,
            DeploymentConfiguration configuration, String targetDeploymentId, List<String> sourceDeploymentIds) {
        this.arn = arn;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.sourceRevisionArns = List.copyOf(sourceRevisionArns);
        this.targetRevisionArn = targetRevisionArn;
        this.configuration = configuration;
        this.targetDeploymentId = targetDeploymentId;
        this.sourceDeploymentIds = List.copyOf(sourceDeploymentIds);
    }

    boolean inProgress() {
        return switch (status) {
            case "PENDING", "IN_PROGRESS", "STOP_REQUESTED", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS" -> true;
            default -> false;
        };
    }

    boolean rollingBack() {
        return "ROLLBACK_REQUESTED".equals(status) || "ROLLBACK_IN_PROGRESS".equals(status);
    }

    void status(String status, String reason, Instant now) {
        this.status = status;
        if (reason != null) {
            this.statusReason = reason;
        }
        this.updatedAt = now;
    }

    /** A lifecycle hook run at one stage: PAUSE waits for ContinueServiceDeployment; AWS_LAMBDA for the scenario's outcome. */
    static final class HookRun {
        final String hookId;
        final String targetType;
        final String targetArn;
        final String stage;
        final Instant startedAt;
        final Instant expiresAt;
        final String timeoutAction;
        String status;
        /** For a Lambda hook: when the function answers, and with what (SUCCEEDED or FAILED); null: it never answers. */
        Instant answersAt;
        String answer;

        HookRun(String hookId, String targetType, String targetArn, String stage, Instant startedAt, Instant expiresAt, String timeoutAction,
                String status) {
            this.hookId = hookId;
            this.targetType = targetType;
            this.targetArn = targetArn;
            this.stage = stage;
            this.startedAt = startedAt;
            this.expiresAt = expiresAt;
            this.timeoutAction = timeoutAction;
            this.status = status;
        }
    }
}
