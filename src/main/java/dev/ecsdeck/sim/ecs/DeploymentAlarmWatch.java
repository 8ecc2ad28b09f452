package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.DeploymentAlarms;
import dev.ecsdeck.model.ServiceDeployment.RollbackMonitorAlarms;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deployment alarms (deploymentConfiguration.alarms), as ECS watches them: while a service deployment is in
 * progress (a rolling one until its tasks are steady and then for a bake time: the longest evaluation range
 * of its alarms, period × evaluation periods, and two periods more for the new tasks' datapoints to arrive and
 * be evaluated; a traffic-shifting one through its stages and bake time), when
 * any named alarm is in ALARM the deployment fails. A rolling one then rolls back to the last completed
 * revision when rollback is on (else it stops); a traffic-shifting one returns all traffic to blue.
 */
public final class DeploymentAlarmWatch {
    /** What ECS reads of CloudWatch: an alarm's state, and how far back it looks. */
    public interface Alarms {
        Optional<String> stateOf(String alarmName);

        Optional<Duration> evaluationRange(String alarmName);

        Optional<Duration> period(String alarmName);
    }

    private static final Alarms NONE = new Alarms() {
        @Override
        public Optional<String> stateOf(String alarmName) {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> evaluationRange(String alarmName) {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> period(String alarmName) {
            return Optional.empty();
        }
    };

    private final ServiceScheduler scheduler;
    private Alarms alarms = NONE;

    DeploymentAlarmWatch(ServiceScheduler scheduler) {
        this.scheduler = scheduler;
    }

    void alarms(Alarms source) {
        this.alarms = source;
    }

    /** Fails the service's deployment in progress if one of its alarms is in ALARM. */
    void check(SimService svc, Instant now) {
        SimServiceDeployment sd = svc.currentServiceDeployment();
        if (sd == null || sd.rollingBack() || sd.alarmsTriggered != null || !sd.configuration.alarmsEnabled()) {
            return;
        }
        DeploymentAlarms config = sd.configuration.alarms();
        List<String> inAlarm = new ArrayList<>();
        for (String name : config.alarmNames()) {
            if (alarms.stateOf(name).filter("ALARM"::equals).isPresent()) {
                inAlarm.add(name);
            }
        }
        if (!inAlarm.isEmpty()) {
            trigger(svc, sd, config, inAlarm, now);
        }
    }

    private void trigger(SimService svc, SimServiceDeployment sd, DeploymentAlarms config, List<String> inAlarm, Instant now) {
        sd.alarmsTriggered = List.copyOf(inAlarm);
        String names = String.join(", ", inAlarm);
        String reason = "Alarm(s) in ALARM state: " + names + ".";
        SimDeployment target = ServiceScheduler.deployment(svc, sd.targetDeploymentId);
        if (target != null) {
            target.setRollout("FAILED", "ECS deployment " + target.id + " failed: alarm(s) " + names + " in ALARM state.", now);
            scheduler.event(svc, now, "(service " + svc.name + ") (deployment " + target.id + ") deployment failed: alarm(s) " + names
                    + " in ALARM state.");
        }
        if (TrafficShift.active(svc) == sd) {
            scheduler.trafficShift.startRollback(svc, sd, reason, now); // blue still serves: traffic goes back to it
            return;
        }
        String lastGood = svc.lastCompletedTaskDefinitionArn;
        if (!config.rollback() || lastGood == null || target == null || lastGood.equals(target.taskDefinitionArn)) {
            sd.status("STOPPED", "Service deployment stopped by deployment alarms: " + names + ".", now);
            sd.stoppedAt = now;
            sd.finishedAt = now;
            return;
        }
        SimDeployment rollback = scheduler.startDeployment(svc, lastGood, now);
        rollback.rolloutStateReason = "ECS deployment " + rollback.id + " in progress.";
        rollback.revisionArn = ServiceDeployments.revisionOfTaskDefinition(svc, lastGood);
        scheduler.event(svc, now, "(service " + svc.name + ") rolling back to deployment " + rollback.id + ".");
        ServiceDeployments.beginRollback(sd, reason, rollback.revisionArn, now);
        sd.rollbackDeploymentId = rollback.id;
        svc.dirty = true;
    }

    /**
     * Whether a rolling deployment whose tasks are all steady must still wait out its bake time before it
     * completes: the bake starts the first time it is asked.
     */
    boolean baking(SimService svc, SimDeployment primary, Instant now) {
        SimServiceDeployment sd = ServiceDeployments.drivenBy(svc, primary.id);
        if (sd == null || !sd.inProgress() || sd.rollingBack() || !sd.configuration.alarmsEnabled() || sd.configuration.shiftsTraffic()) {
            return false;
        }
        if (sd.alarmBakeUntil == null) {
            Duration bake = Duration.ZERO;
            for (String name : sd.configuration.alarms().alarmNames()) {
                Duration range = alarms.evaluationRange(name).orElse(Duration.ZERO)
                        .plus(alarms.period(name).orElse(Duration.ZERO).multipliedBy(2));
                bake = range.compareTo(bake) > 0 ? range : bake;
            }
            sd.alarmBakeUntil = now.plus(bake);
        }
        return now.isBefore(sd.alarmBakeUntil);
    }

    /** ServiceDeploymentAlarms: DISABLED, TRIGGERED, MONITORING while in progress, else MONITORING_COMPLETE. */
    static RollbackMonitorAlarms view(SimServiceDeployment sd) {
        DeploymentAlarms config = sd.configuration.alarms();
        if (!sd.configuration.alarmsEnabled()) {
            return new RollbackMonitorAlarms("DISABLED", config == null ? List.of() : config.alarmNames(), List.of());
        }
        String status = sd.alarmsTriggered != null ? "TRIGGERED" : sd.inProgress() ? "MONITORING" : "MONITORING_COMPLETE";
        return new RollbackMonitorAlarms(status, config.alarmNames(), sd.alarmsTriggered);
    }
}
