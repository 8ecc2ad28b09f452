package dev.ecsdeck.sim.ecs;

import static dev.ecsdeck.sim.ecs.ServiceDeploymentSnapshots.orEmpty;

import dev.ecsdeck.sim.ecs.EcsSnapshot.ClusterState;
import dev.ecsdeck.sim.ecs.EcsSnapshot.ContainerState;
import dev.ecsdeck.sim.ecs.EcsSnapshot.DeploymentState;
import dev.ecsdeck.sim.ecs.EcsSnapshot.ImageFault;
import dev.ecsdeck.sim.ecs.EcsSnapshot.InstanceState;
import dev.ecsdeck.sim.ecs.EcsSnapshot.LambdaHookOutcome;
import dev.ecsdeck.sim.ecs.EcsSnapshot.LoadState;
import dev.ecsdeck.sim.ecs.EcsSnapshot.ServiceState;
import dev.ecsdeck.sim.ecs.EcsSnapshot.TargetHealthFault;
import dev.ecsdeck.sim.ecs.EcsSnapshot.TargetState;
import dev.ecsdeck.sim.ecs.EcsSnapshot.TaskDefinitionState;
import dev.ecsdeck.sim.ecs.EcsSnapshot.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Takes the simulated ECS's state as an {@link EcsSnapshot}, and puts one back into a new {@link SimEcs}. */
public final class EcsSnapshots {
    private EcsSnapshots() {}

    /** Must be called holding the engine's lock, so the snapshot is one consistent moment. */
    public static EcsSnapshot capture(SimEcs ecs) {
        List<TaskDefinitionState> tds = new ArrayList<>();
        for (SimTaskDefinition td : ecs.taskDefinitionRegistry.revisions(null, null)) {
            tds.add(new TaskDefinitionState(td.document.deepCopy(), td.status, td.registeredAt, td.deregisteredAt));
        }
        List<ImageFault> faults = new ArrayList<>();
        ecs.images.failures().forEach((image, f) -> faults.add(new ImageFault(image, f.after().toMillis(), f.exitCode(), f.reason())));
        List<ClusterState> clusters = new ArrayList<>();
        for (SimCluster c : ecs.clusters.values()) {
            clusters.add(cluster(c));
        }
        List<LambdaHookOutcome> lambdas = new ArrayList<>();
        ecs.lambdaHooks.declared().forEach((fn, o) -> lambdas.add(new LambdaHookOutcome(fn, o.answer(), o.afterSeconds())));
        List<TargetHealthFault> failingTargets = new ArrayList<>();
        ecs.loadBalancing.failingImages().forEach((image, after) -> failingTargets.add(new TargetHealthFault(image, after.toMillis())));
        return new EcsSnapshot(tds, faults, List.copyOf(ecs.images.neverHealthyImages()), clusters, lambdas, failingTargets,
                ecs.loadBalancing.failingTasks().stream().sorted().toList(),
                new EcsSnapshot.ProtectionAndServiceConnect(ecs.scheduler.protection.export(), new LinkedHashMap<>(ecs.serviceConnect.byService),
                        new LinkedHashMap<>(ecs.serviceConnect.byDeployment)), TaskSetSnapshots.capture(ecs));
    }

    /** Restores the snapshot into {@code ecs}, a new one. */
    public static void restore(SimEcs ecs, EcsSnapshot s) {
        Map<String, SimTaskDefinition> byArn = new LinkedHashMap<>();
        for (TaskDefinitionState td : s.taskDefinitions()) {
            SimTaskDefinition restored = ecs.taskDefinitionRegistry.restore(td.document(), td.status(), td.registeredAt(),
                    td.deregisteredAt());
            byArn.put(restored.arn, restored);
        }
        for (ImageFault f : s.imageFaults()) {
            ecs.images.restoreFailure(f.image(), new ImageBehaviours.Failure(Duration.ofMillis(f.afterMillis()), f.exitCode(), f.reason()));
        }
        s.neverHealthyImages().forEach(ecs.images::neverHealthy);
        for (LambdaHookOutcome o : orEmpty(s.lambdaHookOutcomes())) {
            ecs.lambdaHooks.declare(o.functionArn(), o.answer(), o.afterSeconds());
        }
        for (TargetHealthFault f : orEmpty(s.failingTargetImages())) {
            ecs.loadBalancing.failTargetHealthOfImage(f.image(), Duration.ofMillis(f.afterMillis()));
        }
        orEmpty(s.failingTargetTasks()).forEach(ecs.loadBalancing::failTargetHealthOfTask);
        if (s.protectionAndServiceConnect() != null) {
            EcsSnapshot.ProtectionAndServiceConnect p = s.protectionAndServiceConnect();
            ecs.scheduler.protection.restore(p.taskProtection());
            if (p.serviceConnectByService() != null) {
                ecs.serviceConnect.byService.putAll(p.serviceConnectByService());
            }
            if (p.serviceConnectByDeployment() != null) {
                ecs.serviceConnect.byDeployment.putAll(p.serviceConnectByDeployment());
            }
        }
        for (ClusterState c : s.clusters()) {
            ecs.clusters.put(c.name(), cluster(c, byArn));
        }
        TaskSetSnapshots.restore(ecs, s.taskSets());
        for (SimCluster c : ecs.clusters.values()) {
            for (SimTask t : c.tasks.values()) {
                ecs.launcher.restored(t);
                ecs.loadBalancing.restored(t);
            }
        }
    }

    private static ClusterState cluster(SimCluster c) {
        List<InstanceState> instances = new ArrayList<>();
        for (SimInstance i : c.instances.values()) {
            instances.add(new InstanceState(i.id, i.arn, i.ec2InstanceId, i.cpu, i.memory, new LinkedHashMap<>(i.attributes),
                    i.registeredAt, i.status, i.statusReason, i.agentConnected, i.usedCpu, i.usedMemory,
                    i.usedPorts.stream().sorted().toList(),
                    FieldSnapshots.of(i)));
        }
        List<ServiceState> services = new ArrayList<>();
        for (SimService s : c.services.values()) {
            List<DeploymentState> deployments = new ArrayList<>();
            for (SimDeployment d : s.deployments) {
                deployments.add(new DeploymentState(d.id, d.taskDefinitionArn, d.createdAt, d.launchType, d.status, d.desiredCount,
                        d.failedTasks, d.updatedAt, d.rolloutState, d.rolloutStateReason, d.revisionArn, d.onAlternate));
            }
            LoadState load = s.load == null ? null
                    : new LoadState(s.load.cpuPercent, s.load.memoryPercent, s.load.baseTasks, s.load.seed, s.load.steps());
            services.add(new ServiceState(s.name, s.arn, s.createdAt, s.launchType, s.schedulingStrategy, s.status, s.desiredCount,
                    s.taskDefinitionArn, s.deploymentConfiguration, s.networkConfiguration, List.copyOf(s.placementConstraints),
                    List.copyOf(s.placementStrategy), List.copyOf(s.loadBalancers), s.healthCheckGracePeriodSeconds,
                    List.copyOf(s.tags), deployments, List.copyOf(s.events), s.steady, s.lastSteadyEventAt, s.lastPlacementEventAt,
                    s.lastDeploymentConfigEventAt, s.consecutiveStartFailures, s.launchesThrottledUntil,
                    s.lastCompletedTaskDefinitionArn, load, null, s.lastScaleOutAt, s.lastScaleInAt,
                    ServiceDeploymentSnapshots.revisions(s), ServiceDeploymentSnapshots.serviceDeployments(s),
                    FieldSnapshots.of(s), s.enableExecuteCommand));
        }
        List<TaskState> tasks = new ArrayList<>();
        for (SimTask t : c.tasks.values()) {
            List<ContainerState> containers = new ArrayList<>();
            for (SimContainer k : t.containers) {
                containers.add(new ContainerState(k.spec.name(), k.arn, k.runtimeId, k.lastStatus, k.exitCode, k.reason, k.healthStatus));
            }
            List<TargetState> targets = t.targets.stream().map(g -> new TargetState(g.targetGroupArn(), g.id(), g.port())).toList();
            tasks.add(new TaskState(t.id, t.arn, t.taskDefinition.arn, t.launchType, t.createdAt, t.serviceName, t.deploymentId, t.group,
                    t.startedBy, t.containerInstanceId, t.availabilityZone, t.lastStatus, t.desiredStatus, t.healthStatus,
                    t.pullStartedAt, t.pullStoppedAt, t.startedAt, t.stoppingAt, t.stoppedAt, t.executionStoppedAt, t.stoppedReason,
                    t.stopCode, t.version, t.nextTransitionAt, t.healthyAt, t.wasHealthy, t.failsAt, t.failureReason,
                    t.failureExitCode, t.resourcesReleased, t.healthNoticed, t.failureCounted, List.copyOf(t.hostPorts), containers, t.eni,
                    t.loadBalanced, t.lifecycleHealthy, t.failedHealthChecks, targets,
                    FieldSnapshots.of(t), t.enableExecuteCommand));
        }
        return new ClusterState(c.name, c.arn, c.createdAt, c.status, List.copyOf(c.capacityProviders), List.copyOf(c.settings),
                List.copyOf(c.tags), instances, services, tasks);
    }

    private static SimCluster cluster(ClusterState cs, Map<String, SimTaskDefinition> byArn) {
        SimCluster c = new SimCluster(cs.name(), cs.arn(), cs.createdAt());
        c.status = cs.status();
        c.capacityProviders.addAll(cs.capacityProviders());
        c.settings.addAll(cs.settings());
        c.tags.addAll(cs.tags());
        for (InstanceState is : cs.instances()) {
            SimInstance i = new SimInstance(is.id(), is.arn(), is.ec2InstanceId(), is.cpu(), is.memory(), is.registeredAt());
            i.attributes.putAll(is.attributes());
            i.status = is.status();
            i.statusReason = is.statusReason();
            i.agentConnected = is.agentConnected();
            i.usedCpu = is.usedCpu();
            i.usedMemory = is.usedMemory();
            i.usedPorts.addAll(is.usedPorts());
            FieldSnapshots.restore(i, is.fields());
            c.instances.put(i.id, i);
        }
        for (ServiceState ss : cs.services()) {
            c.services.put(ss.name(), service(ss, cs.name()));
        }
        List<SimTask> stopped = new ArrayList<>();
        for (TaskState ts : cs.tasks()) {
            SimTask t = task(ts, cs.name(), byArn);
            c.add(t);
            if (t.isStopped()) {
                stopped.add(t);
            }
        }
        stopped.sort(Comparator.comparing(t -> t.stoppedAt));
        c.stoppedOrder.addAll(stopped);
        return c;
    }

    private static SimService service(ServiceState ss, String cluster) {
        SimService s = new SimService(ss.name(), ss.arn(), cluster, ss.launchType(), ss.schedulingStrategy(), ss.createdAt());
        s.status = ss.status();
        s.desiredCount = ss.desiredCount();
        s.taskDefinitionArn = ss.taskDefinitionArn();
        s.deploymentConfiguration = ss.deploymentConfiguration();
        s.networkConfiguration = ss.networkConfiguration();
        s.placementConstraints.addAll(ss.placementConstraints());
        s.placementStrategy.addAll(ss.placementStrategy());
        s.loadBalancers.addAll(ss.loadBalancers());
        s.healthCheckGracePeriodSeconds = ss.healthCheckGracePeriodSeconds();
        s.tags.addAll(ss.tags());
        s.enableExecuteCommand = ss.enableExecuteCommand();
        for (DeploymentState ds : ss.deployments()) {
            SimDeployment d = new SimDeployment(ds.id(), ds.taskDefinitionArn(), ds.desiredCount(), ds.launchType(), ds.createdAt());
            d.status = ds.status();
            d.failedTasks = ds.failedTasks();
            d.updatedAt = ds.updatedAt();
            d.rolloutState = ds.rolloutState();
            d.rolloutStateReason = ds.rolloutStateReason();
            d.revisionArn = ds.revisionArn();
            d.onAlternate = ds.onAlternate();
            s.deployments.add(d);
        }
        s.events.addAll(ss.events());
        s.steady = ss.steady();
        s.lastSteadyEventAt = ss.lastSteadyEventAt();
        s.lastPlacementEventAt = ss.lastPlacementEventAt();
        s.lastDeploymentConfigEventAt = ss.lastDeploymentConfigEventAt();
        s.consecutiveStartFailures = ss.consecutiveStartFailures();
        s.launchesThrottledUntil = ss.launchesThrottledUntil();
        s.lastCompletedTaskDefinitionArn = ss.lastCompletedTaskDefinitionArn();
        if (ss.load() != null) {
            LoadState l = ss.load();
            s.load = new ServiceLoad(l.cpuPercent(), l.memoryPercent(), l.baseTasks(), l.seed());
            l.steps().forEach(step -> s.load.setFactor(step.atMillis(), step.factor()));
        }
        s.lastScaleOutAt = ss.lastScaleOutAt();
        s.lastScaleInAt = ss.lastScaleInAt();
        ServiceDeploymentSnapshots.restore(s, ss.revisions(), ss.serviceDeployments());
        FieldSnapshots.restore(s, ss.fields());
        s.dirty = true;
        return s;
    }

    private static SimTask task(TaskState ts, String cluster, Map<String, SimTaskDefinition> byArn) {
        SimTaskDefinition td = byArn.get(ts.taskDefinitionArn());
        if (td == null) {
            throw new IllegalArgumentException("Task " + ts.id() + " refers to an unknown task definition " + ts.taskDefinitionArn());
        }
        SimTask t = new SimTask(ts.id(), ts.arn(), cluster, td, ts.launchType(), ts.createdAt());
        t.serviceName = ts.serviceName();
        t.deploymentId = ts.deploymentId();
        t.group = ts.group();
        t.startedBy = ts.startedBy();
        t.containerInstanceId = ts.containerInstanceId();
        t.availabilityZone = ts.availabilityZone();
        t.lastStatus = ts.lastStatus();
        t.desiredStatus = ts.desiredStatus();
        t.healthStatus = ts.healthStatus();
        t.pullStartedAt = ts.pullStartedAt();
        t.pullStoppedAt = ts.pullStoppedAt();
        t.startedAt = ts.startedAt();
        t.stoppingAt = ts.stoppingAt();
        t.stoppedAt = ts.stoppedAt();
        t.executionStoppedAt = ts.executionStoppedAt();
        t.stoppedReason = ts.stoppedReason();
        t.stopCode = ts.stopCode();
        t.version = ts.version();
        t.nextTransitionAt = ts.nextTransitionAt();
        t.healthyAt = ts.healthyAt();
        t.wasHealthy = ts.wasHealthy();
        t.failsAt = ts.failsAt();
        t.failureReason = ts.failureReason();
        t.failureExitCode = ts.failureExitCode();
        t.resourcesReleased = ts.resourcesReleased();
        t.healthNoticed = ts.healthNoticed();
        t.failureCounted = ts.failureCounted();
        t.hostPorts.addAll(ts.hostPorts());
        t.eni = ts.eni();
        t.loadBalanced = ts.loadBalanced();
        t.lifecycleHealthy = ts.lifecycleHealthy();
        t.failedHealthChecks = ts.failedHealthChecks();
        FieldSnapshots.restore(t, ts.fields());
        t.enableExecuteCommand = ts.enableExecuteCommand();
        for (TargetState g : orEmpty(ts.targets())) {
            t.targets.add(new SimTask.Target(g.targetGroupArn(), g.id(), g.port()));
        }
        for (ContainerState cs : ts.containers()) {
            ContainerSpec spec = td.containers.stream().filter(k -> k.name().equals(cs.name())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Container " + cs.name() + " is not in " + td.arn));
            SimContainer k = new SimContainer(spec, cs.arn(), cs.runtimeId());
            k.lastStatus = cs.lastStatus();
            k.exitCode = cs.exitCode();
            k.reason = cs.reason();
            k.healthStatus = cs.healthStatus();
            t.containers.add(k);
        }
        return t;
    }
}
