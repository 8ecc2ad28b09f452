package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.ServiceRevision;
import dev.ecsdeck.sim.SimIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Service revisions and service deployments, for every strategy: a revision records the workload a
 * rollout deploys; a service deployment follows one rollout from start to SUCCESSFUL, STOPPED or a
 * rollback. The ECS deployments (PRIMARY/ACTIVE) of {@link ServiceScheduler} do the work; this
 * keeps the record ECS keeps of them.
 */
final class ServiceDeployments {
    private final SimIds ids;
    private final ServiceScheduler scheduler;
    private final TaskDefinitionRegistry registry;

    ServiceDeployments(SimIds ids, ServiceScheduler scheduler, TaskDefinitionRegistry registry) {
        this.ids = ids;
        this.scheduler = scheduler;
        this.registry = registry;
    }

    /** The service's revision for {@code taskDefinitionArn} with its present settings: the current one when nothing changed, else a new one. */
    ServiceRevision revision(SimCluster cluster, SimService svc, String taskDefinitionArn, Instant now) {
        ServiceRevision current = svc.revisions.isEmpty() ? null : svc.revisions.get(currentRevisionArn(svc));
        if (current != null && sameWorkload(current, svc, taskDefinitionArn)) {
            return current;
        }
        SimTaskDefinition td = registry.resolve(taskDefinitionArn);
        List<ServiceRevision.ContainerImage> images = new ArrayList<>();
        for (ContainerSpec c : td.containers) {
            images.add(new ServiceRevision.ContainerImage(c.name(), digestOf(c.image()), c.image()));
        }
        ServiceRevision r = new ServiceRevision(ids.serviceRevisionArn(cluster.name, svc.name), svc.arn, cluster.arn, taskDefinitionArn,
                List.of(), svc.launchType, FargatePlatform.resolve(svc.launchType, svc.settings.platformVersion()),
                "FARGATE".equals(svc.launchType) ? "Linux" : null, svc.loadBalancers, svc.networkConfiguration, images, now);
        svc.revisions.put(r.serviceRevisionArn(), r);
        svc.settings.recordRevision(r.serviceRevisionArn());
        return r;
    }

    private static boolean sameWorkload(ServiceRevision r, SimService svc, String taskDefinitionArn) {
        return r.taskDefinition().equals(taskDefinitionArn) && r.loadBalancers().equals(svc.loadBalancers)
                && Objects.equals(r.networkConfiguration(), svc.networkConfiguration)
                && svc.settings.deployedBy(r.serviceRevisionArn());
    }

    /** The revision the service is at: its primary ECS deployment's. */
    static String currentRevisionArn(SimService svc) {
        SimDeployment primary = svc.primary();
        return primary == null ? null : primary.revisionArn;
    }

    /**
     * Starts a rollout to {@code target}: a new PRIMARY ECS deployment and the service deployment
     * that follows it. One still in progress is superseded (STOPPED), as ECS does when a new
     * deployment starts.
     */
    SimServiceDeployment deploy(SimCluster cluster, SimService svc, ServiceRevision target, Instant now) {
        Set<String> sourceRevisions = new LinkedHashSet<>();
        List<String> sourceDeployments = new ArrayList<>();
        List<SimTask> tasks = cluster.tasksOf(svc.name);
        for (SimDeployment d : svc.deployments) {
            boolean live = tasks.stream().anyMatch(t -> d.id.equals(t.deploymentId) && t.wantsRunning());
            if (live && d.revisionArn != null) {
                sourceRevisions.add(d.revisionArn);
                sourceDeployments.add(d.id);
            }
        }
        SimServiceDeployment previous = svc.currentServiceDeployment();
        if (previous != null) {
            previous.status("STOPPED", "Service deployment stopped: a new service deployment started.", now);
            previous.stoppedAt = now;
            previous.finishedAt = now;
        }
        boolean alternate = false;
        SimDeployment blue = svc.primary();
        DeploymentConfiguration config = svc.deploymentConfiguration == null ? DeploymentConfiguration.defaults() : svc.deploymentConfiguration;
        if (blue != null && config.shiftsTraffic()) {
            alternate = !blue.onAlternate;
        }
        SimDeployment d = scheduler.startDeployment(svc, target.taskDefinition(), now);
        d.revisionArn = target.serviceRevisionArn();
        d.onAlternate = alternate;
        SimServiceDeployment sd = new SimServiceDeployment(ids.serviceDeploymentArn(cluster.name, svc.name), now,
                new ArrayList<>(sourceRevisions), target.serviceRevisionArn(), config, d.id, sourceDeployments);
        sd.startedAt = now;
        sd.status("IN_PROGRESS", null, now);
        if (config.circuitBreakerEnabled()) {
            sd.breakerThreshold = ServiceScheduler.circuitBreakerThreshold(svc.desiredCount);
        }
        svc.addServiceDeployment(sd);
        return sd;
    }

    /** The service deployment that drives ECS deployment {@code deploymentId} (as its target or its rollback), or null. */
    static SimServiceDeployment drivenBy(SimService svc, String deploymentId) {
        for (SimServiceDeployment sd : svc.serviceDeployments) {
            if (deploymentId.equals(sd.targetDeploymentId) || deploymentId.equals(sd.rollbackDeploymentId)) {
                return sd;
            }
        }
        return null;
    }

    /** ECS deployment {@code d} completed: its service deployment succeeded, or its rollback did. */
    void completed(SimService svc, SimDeployment d, Instant now) {
        SimServiceDeployment sd = drivenBy(svc, d.id);
        if (sd == null || !sd.inProgress()) {
            return;
        }
        if (d.id.equals(sd.rollbackDeploymentId)) {
            sd.status("ROLLBACK_SUCCESSFUL", "Service deployment rolled back: " + sd.rollbackReason, now);
        } else {
            sd.status("SUCCESSFUL", "Service deployment completed.", now);
        }
        sd.finishedAt = now;
    }

    /**
     * The circuit breaker failed ECS deployment {@code failed}; {@code rollback} is the deployment of the
     * last completed revision it started, or null when rollback is off (or there is nothing to go back to).
     */
    void breakerTripped(SimService svc, SimDeployment failed, SimDeployment rollback, Instant now) {
        SimServiceDeployment sd = drivenBy(svc, failed.id);
        if (sd == null || !sd.inProgress()) {
            return;
        }
        sd.breakerTriggered = true;
        sd.breakerFailures = failed.failedTasks;
        if (failed.id.equals(sd.rollbackDeploymentId)) {
            sd.status("ROLLBACK_FAILED", "Service deployment rollback failed: tasks failed to start.", now);
            sd.finishedAt = now;
            return;
        }
        String reason = "Circuit breaker: tasks failed to start.";
        if (rollback == null) {
            sd.status("STOPPED", "Service deployment stopped by the deployment circuit breaker: tasks failed to start.", now);
            sd.stoppedAt = now;
            sd.finishedAt = now;
            return;
        }
        rollback.revisionArn = revisionOfTaskDefinition(svc, rollback.taskDefinitionArn);
        beginRollback(sd, reason, rollback.revisionArn, now);
        sd.rollbackDeploymentId = rollback.id;
        sd.status("ROLLBACK_IN_PROGRESS", null, now);
    }

    /** StopServiceDeployment (ROLLBACK): asked now, carried out at the scheduler's next look at the service. */
    static void requestRollback(SimService svc, SimServiceDeployment sd, String reason, Instant now) {
        sd.status("ROLLBACK_REQUESTED", "Service deployment rollback requested: " + reason, now);
        sd.rollbackReason = reason;
        svc.dirty = true;
        svc.steady = false;
    }

    /** Records that {@code sd} is rolling back to {@code revisionArn}, and why. */
    static void beginRollback(SimServiceDeployment sd, String reason, String revisionArn, Instant now) {
        sd.rollbackReason = reason;
        sd.rollbackStartedAt = now;
        sd.rollbackRevisionArn = revisionArn;
        sd.status("ROLLBACK_IN_PROGRESS", "Service deployment rolling back: " + reason, now);
    }

    /** The newest revision of the service with that task definition (what a rollback to it deploys again). */
    static String revisionOfTaskDefinition(SimService svc, String taskDefinitionArn) {
        String found = null;
        for (ServiceRevision r : svc.revisions.values()) {
            if (r.taskDefinition().equals(taskDefinitionArn)) {
                found = r.serviceRevisionArn();
            }
        }
        return found;
    }

    /** A rolling deployment stopped with ROLLBACK: the source revision is deployed again, as a rollback of this one. */
    void rollBackRolling(SimService svc, SimServiceDeployment sd, String reason, Instant now) {
        String to = sd.sourceRevisionArns.isEmpty() ? null : sd.sourceRevisionArns.get(0);
        ServiceRevision source = to == null ? null : svc.revisions.get(to);
        if (source == null) {
            sd.status("ROLLBACK_FAILED", "Service deployment rollback failed: there is no earlier service revision to return to.", now);
            sd.finishedAt = now;
            return;
        }
        SimDeployment d = scheduler.startDeployment(svc, source.taskDefinition(), now);
        d.revisionArn = source.serviceRevisionArn();
        beginRollback(sd, reason, source.serviceRevisionArn(), now);
        sd.rollbackDeploymentId = d.id;
        scheduler.event(svc, now, "(service " + svc.name + ") rolling back to deployment " + d.id + ".");
    }

    /** The sha256 digest the simulated registry gives an image reference (stable, so equal images have equal digests). */
    static String digestOf(String image) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(image.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
