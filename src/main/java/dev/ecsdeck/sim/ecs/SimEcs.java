package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.model.ServiceRevision;
import dev.ecsdeck.sim.SimIds;
import dev.ecsdeck.sim.elb.SimElb;
import dev.ecsdeck.sim.logs.SimLogs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated ECS's state and what moves it: clusters with their instances, services and
 * tasks, the task-definition registry, and the task lifecycle, launcher and service scheduler.
 * The engine owns one and calls {@link #step} once a simulated second; the ECS API classes of this
 * package read and change it under the engine's lock.
 */
public final class SimEcs {
    /** ECS shows stopped tasks for about an hour. */
    static final Duration STOPPED_TASK_RETENTION = Duration.ofHours(1);

    final Map<String, SimCluster> clusters = new LinkedHashMap<>();
    final TaskDefinitionRegistry taskDefinitionRegistry = new TaskDefinitionRegistry();
    final ImageBehaviours images = new ImageBehaviours();
    final TaskLifecycle lifecycle;
    final TaskLauncher launcher;
    final ServiceScheduler scheduler;
    final TaskSetScheduler taskSetScheduler;
    final ContainerLogs containerLogs;
    final LoadBalancing loadBalancing;
    final LambdaHooks lambdaHooks = new LambdaHooks();
    /** Resource tags by ARN, and services' tag settings. */
    final ResourceTags tags = new ResourceTags(this);
    /** Account settings (PutAccountSetting...), per principal and the account's defaults. */
    final AccountSettings accountSettings = new AccountSettings();
    /** Services' Service Connect configurations (ServiceConnectApi). */
    final ServiceConnectApi.Store serviceConnect = new ServiceConnectApi.Store();
    final CapacityProviders capacityProviders = new CapacityProviders();
    final ClusterAutoScaling clusterAutoScaling;

    /** ECS in {@code region}, its ids and random draws from {@code ids}, writing container logs to {@code logs}. */
    private final SimIds ids;

    public SimEcs(SimIds ids, SimLogs logs, SimElb elb, long seed, String region) {
        this.ids = ids;
        this.lifecycle = new TaskLifecycle(ids, images);
        Placement placement = new Placement(ids.random(), region);
        this.launcher = new TaskLauncher(ids, placement, lifecycle, capacityProviders);
        this.clusterAutoScaling = new ClusterAutoScaling(ids, capacityProviders, launcher, placement, lifecycle);
        this.loadBalancing = new LoadBalancing(elb, images, lifecycle);
        this.scheduler = new ServiceScheduler(ids, launcher, lifecycle, taskDefinitionRegistry, loadBalancing, lambdaHooks);
        this.containerLogs = new ContainerLogs(logs, seed);
        launcher.tagWith(tags);
        this.taskSetScheduler = new TaskSetScheduler(ids, launcher, lifecycle, taskDefinitionRegistry);
    }

    /** Declares that an image's tasks run hot: each reports {@code cpuPercent} CPU utilisation, whatever the service's load. */
    public void hotImage(String image, double cpuPercent) {
        images.hot(image, cpuPercent);
    }

    /** Where the deployment alarms' states come from (CloudWatch's alarms, in the engine). */
    public void watchAlarms(DeploymentAlarmWatch.Alarms alarms) {
        scheduler.alarmWatch.alarms(alarms);
    }

    /**
     * The resource tags: other kinds of taggable resources (capacity providers, task sets) make
     * themselves taggable with {@code tags().register(resourceType, holder)}.
     */
    public ResourceTags tags() {
        return tags;
    }

    /**
     * Where tasks pull their containers' images from: answers null when the image can be pulled at that time, or the
     * CannotPullContainerError ECS writes (the simulated ECR's, for images of its registry).
     */
    public void pullImagesWith(java.util.function.BiFunction<String, java.time.Instant, String> pulls) {
        lifecycle.pulls = pulls;
    }

    /** Declares that an image crash-loops: its process exits with {@code exitCode} this long after it starts. */
    public void crashLoopImage(String image, Duration after, int exitCode) {
        images.crashLoop(image, after, exitCode);
    }

    /**
     * Declares that an image's health check never passes: a container with a health check turns UNHEALTHY
     * (a service's task then stops and is replaced); without one, its task never counts as healthy.
     */
    public void neverHealthyImage(String image) {
        images.neverHealthy(image);
    }

    /** Declares that an image's answers to its load balancer's health checks are wrong from this long after its task starts. */
    public void failTargetHealthOfImage(String image, Duration after) {
        loadBalancing.failTargetHealthOfImage(image, after);
    }

    /** Declares that one task answers its load balancer's health checks wrongly from now on. */
    public void failTargetHealthOfTask(String taskArn) {
        loadBalancing.failTargetHealthOfTask(taskArn);
    }

    /**
     * Declares what an AWS_LAMBDA lifecycle hook's function answers: SUCCEEDED or FAILED after
     * {@code afterSeconds}, or (null) never, so the hook times out.
     */
    public void lambdaHookOutcome(String functionArn, String answer, long afterSeconds) {
        lambdaHooks.declare(functionArn, answer, afterSeconds);
    }

    /** Declares that an image's health check starts failing this long after it starts. */
    public void failHealthCheckOfImage(String image, Duration after) {
        images.failHealthCheck(image, after);
    }

    /**
     * One simulated second: every task with something due moves on (idle running tasks are skipped),
     * then the scheduler looks at each service that changed or is not yet steady.
     */
    public void step(Instant now) {
        for (SimCluster cluster : clusters.values()) {
            for (SimTask task : cluster.tasks.values()) {
                if (task.isStopped() || task.idle()) {
                    continue;
                }
                String before = task.lastStatus;
                long version = task.version;
                boolean wanted = task.wantsRunning();
                boolean exited = task.executionStoppedAt != null;
                lifecycle.advance(task, now);
                if (!"RUNNING".equals(before) && task.isRunning()) {
                    containerLogs.started(task);
                }
                if (!exited && task.executionStoppedAt != null) {
                    // The processes have exited: their streams end now, not when the task is deprovisioned seconds
                    // later (ending them then, at this time, took back lines a reader had already been given).
                    containerLogs.stopped(task);
                }
                if (wanted && !task.wantsRunning() && "EssentialContainerExited".equals(task.stopCode)) {
                    containerLogs.crashed(task);
                }
                if (task.isStopped()) {
                    containerLogs.stopped(task);
                    launcher.release(cluster, task);
                    cluster.stoppedOrder.addLast(task);
                }
                if (task.version != version || task.wasHealthy && !task.healthNoticed) {
                    SimService owner = task.serviceName == null ? null : cluster.services.get(task.serviceName);
                    if (owner != null) {
                        owner.dirty = true;
                    }
                }
            }
            loadBalancing.step(cluster, now);
            for (SimService service : cluster.services.values()) {
                if (service.dirty || !service.steady || ServiceScheduler.steadyEventDue(service, now)) {
                    service.dirty = false;
                    if (service.external()) {
                        taskSetScheduler.reconcile(cluster, service, now);
                    } else {
                        scheduler.reconcile(cluster, service, now);
                    }
                }
            }
            pruneStoppedTasks(cluster, now);
        }
        clusterAutoScaling.step(clusters, now);
        if (now.getEpochSecond() % 60 == 0) {
            TaskDefinitionDeletions.sweep(this);
        }
    }

    /**
     * What each cluster tells CloudWatch for the minute (utilisation from each active service's load and
     * running tasks, counts, reservations): CloudWatch's simulation publishes it each minute.
     */
    public List<ClusterMinute> minuteFigures(long minute) {
        List<ClusterMinute> out = new ArrayList<>();
        for (SimCluster cluster : clusters.values()) {
            if ("ACTIVE".equals(cluster.status)) {
                out.add(ClusterMinute.of(cluster, minute, ids, images::hotCpu));
            }
        }
        return out;
    }

    /** What each cluster would have told CloudWatch for the minute had its services run steady: see {@link ClusterMinute#steady}. */
    public List<ClusterMinute> steadyMinuteFigures(long minute) {
        List<ClusterMinute> out = new ArrayList<>();
        for (SimCluster cluster : clusters.values()) {
            if ("ACTIVE".equals(cluster.status)) {
                out.add(ClusterMinute.steady(cluster, minute, ids, taskDefinitionRegistry::resolve));
            }
        }
        return out;
    }

    /**
     * Starts a rollout of the service to {@code target}: a rolling update, or the stages of a
     * blue/green, canary or linear deployment when there is a running revision to shift traffic from.
     */
    SimServiceDeployment rollout(SimCluster cluster, SimService svc, ServiceRevision target, Instant now) {
        SimServiceDeployment sd = scheduler.serviceDeployments.deploy(cluster, svc, target, now);
        if (sd.configuration.shiftsTraffic()) {
            if (sd.sourceDeploymentIds.isEmpty()) {
                loadBalancing.routeAllTo(svc, svc.primary(), now);
            } else {
                scheduler.trafficShift.begin(svc, sd, now);
            }
        }
        svc.dirty = true;
        return sd;
    }

    /** The service as Application Auto Scaling sees it, or null when the cluster or service does not exist. */
    public ScalableService scalable(String clusterName, String serviceName) {
        SimCluster c = clusters.get(clusterName);
        SimService s = c == null ? null : c.services.get(serviceName);
        return s == null ? null : new ScalableService(s);
    }

    private static void pruneStoppedTasks(SimCluster cluster, Instant now) {
        Instant cutoff = now.minus(STOPPED_TASK_RETENTION);
        while (!cluster.stoppedOrder.isEmpty() && cluster.stoppedOrder.peekFirst().stoppedAt.isBefore(cutoff)) {
            cluster.remove(cluster.stoppedOrder.pollFirst());
        }
    }

    /** The cluster by name or ARN ("default" when null), or ClusterNotFoundException. */
    SimCluster cluster(String ref) {
        String name = ref == null || ref.isEmpty() ? "default" : ref.startsWith("arn:") ? ref.substring(ref.indexOf('/') + 1) : ref;
        SimCluster c = clusters.get(name);
        if (c == null || "INACTIVE".equals(c.status)) {
            throw SimApiException.clusterNotFound();
        }
        return c;
    }

    /** The cluster's container instances' ids, in registration order; ClusterNotFoundException when there is no such cluster. */
    public List<String> instanceIds(String cluster) {
        return List.copyOf(cluster(cluster).instances.keySet());
    }

    /** The last path segment of a name or ARN. */
    public static String nameOf(String ref) {
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    static <T> void checkBatch(List<T> items, int max, String what) {
        if (items == null || items.isEmpty()) {
            throw SimApiException.invalidParameter(what + " cannot be empty.");
        }
        if (items.size() > max) {
            throw SimApiException.invalidParameter(what + " can have at most " + max + " items.");
        }
    }
}
