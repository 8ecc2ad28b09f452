package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.CanaryConfiguration;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.DeploymentLifecycleHook;
import dev.ecsdeck.model.LinearConfiguration;
import dev.ecsdeck.sim.SimIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Blue/green, canary and linear deployments: the green revision is scaled up beside the blue one,
 * traffic moves to it through the listener rules' weights stage by stage, both run through the
 * bake time, then blue is scaled in. Lifecycle hooks hold a stage until they succeed; a rollback
 * (hook, timeout, StopServiceDeployment, circuit breaker) returns all traffic to blue and scales
 * green in.
 *
 * <p>Stages, as the API model documents them: RECONCILE_SERVICE (only with more than one source
 * revision), PRE_SCALE_UP, SCALE_UP (green to 100%), POST_SCALE_UP, TEST_TRAFFIC_SHIFT,
 * POST_TEST_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT (all at once; canary: canaryPercent, then the
 * rest after canaryBakeTimeInMinutes; linear: stepPercent every stepBakeTimeInMinutes),
 * POST_PRODUCTION_TRAFFIC_SHIFT, BAKE_TIME (bakeTimeInMinutes), CLEAN_UP (blue to 0). A stage's
 * hooks run once its work is done; PRE_PRODUCTION_TRAFFIC_SHIFT hooks run at the start of
 * PRODUCTION_TRAFFIC_SHIFT, before any production traffic moves.
 */
final class TrafficShift {
    static final List<String> STAGES = List.of("RECONCILE_SERVICE", "PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT",
            "POST_TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP");
    static final String PRE_PRODUCTION = "PRE_PRODUCTION_TRAFFIC_SHIFT";

    private final SimIds ids;
    private final ServiceScheduler scheduler;
    private final LoadBalancing loadBalancing;
    private final LambdaHooks lambdas;

    TrafficShift(SimIds ids, ServiceScheduler scheduler, LoadBalancing loadBalancing, LambdaHooks lambdas) {
        this.ids = ids;
        this.scheduler = scheduler;
        this.loadBalancing = loadBalancing;
        this.lambdas = lambdas;
    }

    /** The service's traffic-shifting service deployment in progress, or null (then the rolling update runs its tasks). */
    static SimServiceDeployment active(SimService svc) {
        SimServiceDeployment sd = svc.currentServiceDeployment();
        return sd != null && sd.productionPercent != null ? sd : null;
    }

    /** Starts the stages of a traffic-shifting deployment that has a blue revision to shift from. */
    void begin(SimService svc, SimServiceDeployment sd, Instant now) {
        sd.productionPercent = 0.0;
        sd.testPercent = 0.0;
        enter(svc, sd, sd.sourceDeploymentIds.size() > 1 ? "RECONCILE_SERVICE" : "PRE_SCALE_UP", now);
    }

    /** One look at a service in a traffic-shifting deployment: tasks of each side, then as many stages as are done. */
    void reconcile(SimCluster cluster, SimService svc, SimServiceDeployment sd, List<SimTask> tasks, Instant now) {
        SimDeployment green = ServiceScheduler.deployment(svc, sd.targetDeploymentId);
        if ("ROLLBACK_REQUESTED".equals(sd.status)) {
            startRollback(svc, sd, sd.rollbackReason, now);
        }
        if (sd.rollingBack()) {
            reconcileRollback(cluster, svc, sd, green, tasks, now);
            return;
        }
        int stage = STAGES.indexOf(sd.lifecycleStage);
        SimDeployment blue = blue(svc, sd);
        scheduler.keep(cluster, svc, green, tasks, stage >= STAGES.indexOf("SCALE_UP") ? svc.desiredCount : 0, now);
        for (SimDeployment d : svc.deployments) {
            if (d != green) {
                boolean keep = d == blue && stage < STAGES.indexOf("CLEAN_UP");
                scheduler.keep(cluster, svc, d, tasks, keep ? svc.desiredCount : 0, now);
            }
        }
        // At most one stage a second, so that each shows (in DescribeServiceDeployments and the events), as on ECS.
        if (!stageWorkDone(cluster, svc, sd, green, tasks, now) || !hooksDone(svc, sd, sd.lifecycleStage, now) || sd.rollingBack()) {
            return;
        }
        int next = STAGES.indexOf(sd.lifecycleStage) + 1;
        if (next < STAGES.size()) {
            enter(svc, sd, STAGES.get(next), now);
            stageWorkDone(cluster, svc, sd, green, tasks, now); // a stage's work starts as it is entered (a shift, a hook, a scale-down)
        } // after CLEAN_UP the ECS deployment completes, and the service deployment with it
    }

    private void enter(SimService svc, SimServiceDeployment sd, String stage, Instant now) {
        sd.lifecycleStage = stage;
        sd.stageStartedAt = now;
        sd.updatedAt = now;
        svc.steady = false;
        scheduler.event(svc, now, "(service " + svc.name + ") (service-deployment " + idOf(sd.arn) + ") entered lifecycle stage " + stage + ".");
    }

    /** Whether the present stage has done its work (hooks apart). */
    private boolean stageWorkDone(SimCluster cluster, SimService svc, SimServiceDeployment sd, SimDeployment green, List<SimTask> tasks,
            Instant now) {
        DeploymentConfiguration config = sd.configuration;
        switch (sd.lifecycleStage) {
            case "RECONCILE_SERVICE" -> {
                SimDeployment blue = blue(svc, sd);
                return tasks.stream().noneMatch(t -> t.wantsRunning() && !sd.targetDeploymentId.equals(t.deploymentId)
                        && (blue == null || !blue.id.equals(t.deploymentId)));
            }
            case "SCALE_UP" -> {
                long ready = tasks.stream().filter(t -> green != null && green.id.equals(t.deploymentId) && t.wantsRunning() && t.isRunning()
                        && t.wasHealthy).count();
                return ready >= svc.desiredCount;
            }
            case "TEST_TRAFFIC_SHIFT" -> {
                if (sd.testPercent < 100) {
                    sd.testPercent = 100.0;
                    loadBalancing.route(svc, sd, now);
                }
                return true;
            }
            case "PRODUCTION_TRAFFIC_SHIFT" -> {
                if (!hooksDone(svc, sd, PRE_PRODUCTION, now)) {
                    return false;
                }
                return shiftProduction(svc, sd, config, now);
            }
            case "BAKE_TIME" -> {
                int minutes = config.bakeTimeInMinutes() == null ? 0 : config.bakeTimeInMinutes();
                return !now.isBefore(sd.stageStartedAt.plus(Duration.ofMinutes(minutes)));
            }
            case "CLEAN_UP" -> {
                return tasks.stream().noneMatch(t -> t.wantsRunning() && !sd.targetDeploymentId.equals(t.deploymentId));
            }
            default -> {
                return true; // PRE_SCALE_UP and the POST_ stages only run their hooks
            }
        }
    }

    /** Moves production traffic as the strategy says; true once all of it is on green. */
    private boolean shiftProduction(SimService svc, SimServiceDeployment sd, DeploymentConfiguration config, Instant now) {
        if (sd.productionPercent >= 100) {
            return true;
        }
        if (sd.nextShiftAt != null && now.isBefore(sd.nextShiftAt)) {
            return false;
        }
        double next;
        Duration wait;
        switch (config.strategyOrDefault()) {
            case DeploymentConfiguration.CANARY -> {
                CanaryConfiguration canary = config.canaryConfiguration() == null ? new CanaryConfiguration(null, null)
                        : config.canaryConfiguration();
                next = sd.productionPercent == 0 ? canary.percentOrDefault() : 100;
                wait = Duration.ofMinutes(canary.bakeMinutesOrDefault());
            }
            case DeploymentConfiguration.LINEAR -> {
                LinearConfiguration linear = config.linearConfiguration() == null ? new LinearConfiguration(null, null)
                        : config.linearConfiguration();
                next = Math.min(100, Math.round((sd.productionPercent + linear.stepPercentOrDefault()) * 10) / 10.0);
                wait = Duration.ofMinutes(linear.stepBakeMinutesOrDefault());
            }
            default -> {
                next = 100;
                wait = Duration.ZERO;
            }
        }
        sd.productionPercent = next;
        sd.updatedAt = now;
        loadBalancing.route(svc, sd, now);
        scheduler.event(svc, now, "(service " + svc.name + ") (service-deployment " + idOf(sd.arn) + ") shifted " + format(next)
                + "% of production traffic to the new service revision.");
        if (next >= 100) {
            sd.nextShiftAt = null;
            return true;
        }
        sd.nextShiftAt = now.plus(wait);
        return false;
    }

    /** Whether every hook of {@code stage} has succeeded (or timed out to CONTINUE); starts them the first time. */
    private boolean hooksDone(SimService svc, SimServiceDeployment sd, String stage, Instant now) {
        List<SimServiceDeployment.HookRun> runs = new ArrayList<>();
        for (SimServiceDeployment.HookRun h : sd.hooks) {
            if (stage.equals(h.stage)) {
                runs.add(h);
            }
        }
        if (runs.isEmpty()) {
            for (DeploymentLifecycleHook hook : sd.configuration.lifecycleHooksOrEmpty()) {
                if (hook.lifecycleStages().contains(stage)) {
                    runs.add(startHook(svc, sd, hook, stage, now));
                }
            }
            if (runs.isEmpty()) {
                return true;
            }
        }
        boolean done = true;
        for (SimServiceDeployment.HookRun h : runs) {
            check(h, now);
            switch (h.status) {
                case "SUCCEEDED" -> { }
                case "TIMED_OUT" -> {
                    if (!"CONTINUE".equals(h.timeoutAction)) {
                        startRollback(svc, sd, "Lifecycle hook " + h.hookId + " timed out at stage " + stage + ".", now);
                        return false;
                    }
                }
                case "FAILED" -> {
                    startRollback(svc, sd, "Lifecycle hook " + h.hookId + " failed at stage " + stage + ".", now);
                    return false;
                }
                default -> done = false;
            }
        }
        return done;
    }

    private SimServiceDeployment.HookRun startHook(SimService svc, SimServiceDeployment sd, DeploymentLifecycleHook hook, String stage,
            Instant now) {
        boolean pause = DeploymentLifecycleHook.PAUSE.equals(hook.targetTypeOrDefault());
        var timeout = hook.timeoutConfiguration();
        Instant expires = timeout == null || timeout.timeoutInMinutes() == null ? null : now.plus(Duration.ofMinutes(timeout.timeoutInMinutes()));
        String action = timeout == null || timeout.action() == null ? "ROLLBACK" : timeout.action();
        SimServiceDeployment.HookRun run = new SimServiceDeployment.HookRun(ids.uuid(), hook.targetTypeOrDefault(),
                pause ? null : hook.hookTargetArn(), stage, now, expires, action, pause ? "AWAITING_ACTION" : "IN_PROGRESS");
        if (!pause) {
            LambdaHooks.Outcome outcome = lambdas.outcomeOf(hook.hookTargetArn());
            run.answer = outcome.answer();
            run.answersAt = outcome.answer() == null ? null : now.plusSeconds(outcome.afterSeconds());
        }
        sd.hooks.add(run);
        sd.updatedAt = now;
        scheduler.event(svc, now, "(service " + svc.name + ") (service-deployment " + idOf(sd.arn) + ") "
                + (pause ? "paused at lifecycle stage " + stage + ": awaiting action on hook " + run.hookId + "."
                        : "invoked lifecycle hook " + run.hookId + " at stage " + stage + "."));
        return run;
    }

    /** A Lambda hook's answer when it is due; any hook's timeout. */
    private static void check(SimServiceDeployment.HookRun h, Instant now) {
        if ("IN_PROGRESS".equals(h.status) && h.answersAt != null && !now.isBefore(h.answersAt)) {
            h.status = h.answer;
        }
        boolean open = "IN_PROGRESS".equals(h.status) || "AWAITING_ACTION".equals(h.status);
        if (open && h.expiresAt != null && !now.isBefore(h.expiresAt)) {
            h.status = "TIMED_OUT";
        }
    }

    /** ContinueServiceDeployment on a hook that awaits action. */
    void resolveHook(SimService svc, SimServiceDeployment sd, SimServiceDeployment.HookRun hook, String action, Instant now) {
        sd.updatedAt = now;
        if ("CONTINUE".equals(action)) {
            hook.status = "SUCCEEDED";
        } else {
            hook.status = "FAILED";
            startRollback(svc, sd, "Rolled back by ContinueServiceDeployment at lifecycle stage " + hook.stage + ".", now);
        }
        svc.dirty = true;
    }

    /** Traffic back to blue; green is scaled in by {@link #reconcileRollback}. */
    void startRollback(SimService svc, SimServiceDeployment sd, String reason, Instant now) {
        String to = sd.sourceRevisionArns.isEmpty() ? null : sd.sourceRevisionArns.get(0);
        ServiceDeployments.beginRollback(sd, reason, to, now);
        sd.productionPercent = 0.0;
        sd.testPercent = 0.0;
        sd.nextShiftAt = null;
        loadBalancing.route(svc, sd, now);
        svc.steady = false;
        scheduler.event(svc, now, "(service " + svc.name + ") (service-deployment " + idOf(sd.arn) + ") rolling back: " + reason);
    }

    private void reconcileRollback(SimCluster cluster, SimService svc, SimServiceDeployment sd, SimDeployment green, List<SimTask> tasks,
            Instant now) {
        SimDeployment blue = blue(svc, sd);
        if (green != null) {
            scheduler.keep(cluster, svc, green, tasks, 0, now);
        }
        if (blue != null) {
            scheduler.keep(cluster, svc, blue, tasks, svc.desiredCount, now);
        }
        boolean greenGone = tasks.stream().noneMatch(t -> sd.targetDeploymentId.equals(t.deploymentId) && !t.isStopped());
        if (!greenGone) {
            return;
        }
        if (green != null) {
            green.setRollout("FAILED", "ECS deployment " + green.id + " rolled back.", now);
            green.status = "INACTIVE";
            svc.deployments.remove(green);
        }
        if (blue != null) {
            svc.deployments.remove(blue);
            svc.deployments.add(0, blue);
            blue.status = "PRIMARY";
            blue.updatedAt = now;
            svc.taskDefinitionArn = blue.taskDefinitionArn;
        }
        if (sd.breakerTriggered && !sd.configuration.rollbackEnabled()) {
            sd.status("STOPPED", "Service deployment stopped by the deployment circuit breaker: tasks failed to start.", now);
            sd.stoppedAt = now;
        } else {
            sd.status("ROLLBACK_SUCCESSFUL", "Service deployment rolled back: " + sd.rollbackReason, now);
        }
        sd.finishedAt = now;
        svc.dirty = true;
        scheduler.event(svc, now, "(service " + svc.name + ") (service-deployment " + idOf(sd.arn) + ") rollback completed.");
    }

    /** The blue side: the newest source deployment still listed. */
    private static SimDeployment blue(SimService svc, SimServiceDeployment sd) {
        for (String id : sd.sourceDeploymentIds) {
            SimDeployment d = ServiceScheduler.deployment(svc, id);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    static String idOf(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static String format(double percent) {
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent);
    }
}
