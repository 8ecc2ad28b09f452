package dev.ecsdeck.sim.state;

import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.sim.SimClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.autoscaling.ScalingApi;
import dev.ecsdeck.sim.ecs.ContainerSpec;
import dev.ecsdeck.sim.ecs.ImageBehaviours;
import dev.ecsdeck.sim.ecs.ServiceLoad;
import dev.ecsdeck.sim.ecs.SimCluster;
import dev.ecsdeck.sim.ecs.SimContainer;
import dev.ecsdeck.sim.ecs.SimDeployment;
import dev.ecsdeck.sim.ecs.SimInstance;
import dev.ecsdeck.sim.ecs.SimService;
import dev.ecsdeck.sim.ecs.SimTask;
import dev.ecsdeck.sim.ecs.SimTaskDefinition;
import dev.ecsdeck.sim.logs.LogLines;
import dev.ecsdeck.sim.logs.SimLogs;
import dev.ecsdeck.sim.state.SimSnapshot.ClusterState;
import dev.ecsdeck.sim.state.SimSnapshot.ContainerState;
import dev.ecsdeck.sim.state.SimSnapshot.DeploymentState;
import dev.ecsdeck.sim.state.SimSnapshot.InstanceState;
import dev.ecsdeck.sim.state.SimSnapshot.LoadState;
import dev.ecsdeck.sim.state.SimSnapshot.LogGroupState;
import dev.ecsdeck.sim.state.SimSnapshot.LogStreamState;
import dev.ecsdeck.sim.state.SimSnapshot.ServiceState;
import dev.ecsdeck.sim.state.SimSnapshot.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Takes an engine's state as a {@link SimSnapshot}, and builds an engine back from one. */
final class SimSnapshots {
    private SimSnapshots() {}

    /** Must be called holding the engine's lock, so the snapshot is one consistent moment. */
    static SimSnapshot capture(SimEngine engine, String scenario) {
        List<SimSnapshot.TaskDefinitionState> tds = new ArrayList<>();
        for (SimTaskDefinition td : engine.taskDefinitionRegistry.revisions(null, null)) {
            tds.add(new SimSnapshot.TaskDefinitionState(td.document.deepCopy(), td.status, td.registeredAt, td.deregisteredAt));
        }
        List<SimSnapshot.ImageFault> faults = new ArrayList<>();
        engine.images.failures().forEach((image, f) -> faults.add(new SimSnapshot.ImageFault(image, f.after().toMillis(),
                f.exitCode(), f.reason())));
        List<ClusterState> clusters = new ArrayList<>();
        for (SimCluster c : engine.clusters.values()) {
            clusters.add(cluster(c));
        }
        List<LogGroupState> groups = new ArrayList<>();
        engine.logStore.groups().forEach((name, g) -> {
            List<LogStreamState> streams = new ArrayList<>();
            g.streams.values().forEach(s -> streams.add(new LogStreamState(s.number, s.name, s.lines.kind(), s.lines.seed(),
                    s.lines.source(), s.startMs, s.periodMs, s.endMs, List.copyOf(s.written))));
            groups.add(new LogGroupState(name, g.createdMs, streams));
        });
        List<ScalingPolicy> policies = new ArrayList<>();
        engine.scaling().policies().values().forEach(byName -> policies.addAll(byName.values()));
        Map<String, List<dev.ecsdeck.model.ScalingActivity>> activities = new LinkedHashMap<>();
        engine.scaling().activityLog().forEach((k, v) -> activities.put(k, List.copyOf(v)));
        List<ScalingApi.Scheduled> scheduled = new ArrayList<>();
        engine.scaling().scheduled().values().forEach(byName -> scheduled.addAll(byName.values()));
        List<SimSnapshot.PendingAction> pending = new ArrayList<>();
        for (SimEngine.TimedAction a : engine.pendingActions()) {
            pending.add(new SimSnapshot.PendingAction(a.at(), a.sequence(), a.action()));
        }
        return new SimSnapshot(SimSnapshot.CURRENT_VERSION, scenario, engine.region(), engine.seed(), engine.ids.random().state(), engine.now(), tds,
                faults, List.copyOf(engine.images.neverHealthyImages()), clusters, engine.logStore.nextStreamNumber(), groups,
                List.copyOf(engine.scaling().targets().values()), policies, activities, pending,
                new LinkedHashMap<>(engine.scaling().stepConfigs()), scheduled);
    }

    private static ClusterState cluster(SimCluster c) {
        List<InstanceState> instances = new ArrayList<>();
        for (SimInstance i : c.instances.values()) {
            instances.add(new InstanceState(i.id, i.arn, i.ec2InstanceId, i.cpu, i.memory, new LinkedHashMap<>(i.attributes),
                    i.registeredAt, i.status, i.statusReason, i.agentConnected, i.usedCpu, i.usedMemory,
                    i.usedPorts.stream().sorted().toList()));
        }
        List<ServiceState> services = new ArrayList<>();
        for (SimService s : c.services.values()) {
            List<DeploymentState> deployments = new ArrayList<>();
            for (SimDeployment d : s.deployments) {
                deployments.add(new DeploymentState(d.id, d.taskDefinitionArn, d.createdAt, d.launchType, d.status, d.desiredCount,
                        d.failedTasks, d.updatedAt, d.rolloutState, d.rolloutStateReason));
            }
            LoadState load = s.load == null ? null
                    : new LoadState(s.load.cpuPercent, s.load.memoryPercent, s.load.baseTasks, s.load.seed, s.load.steps());
            services.add(new ServiceState(s.name, s.arn, s.createdAt, s.launchType, s.schedulingStrategy, s.status, s.desiredCount,
                    s.taskDefinitionArn, s.deploymentConfiguration, s.networkConfiguration, List.copyOf(s.placementConstraints),
                    List.copyOf(s.placementStrategy), List.copyOf(s.loadBalancers), s.healthCheckGracePeriodSeconds,
                    List.copyOf(s.tags), deployments, List.copyOf(s.events), s.steady, s.lastSteadyEventAt, s.lastPlacementEventAt,
                    s.lastDeploymentConfigEventAt, s.consecutiveStartFailures, s.launchesThrottledUntil,
                    s.lastCompletedTaskDefinitionArn, load, s.metrics.export(), s.lastScaleOutAt, s.lastScaleInAt));
        }
        List<TaskState> tasks = new ArrayList<>();
        for (SimTask t : c.tasks.values()) {
            List<ContainerState> containers = new ArrayList<>();
            for (SimContainer k : t.containers) {
                containers.add(new ContainerState(k.spec.name(), k.arn, k.runtimeId, k.lastStatus, k.exitCode, k.reason, k.healthStatus));
            }
            tasks.add(new TaskState(t.id, t.arn, t.taskDefinition.arn, t.launchType, t.createdAt, t.serviceName, t.deploymentId, t.group,
                    t.startedBy, t.containerInstanceId, t.availabilityZone, t.lastStatus, t.desiredStatus, t.healthStatus,
                    t.pullStartedAt, t.pullStoppedAt, t.startedAt, t.stoppingAt, t.stoppedAt, t.executionStoppedAt, t.stoppedReason,
                    t.stopCode, t.version, t.nextTransitionAt, t.healthyAt, t.wasHealthy, t.failsAt, t.failureReason,
                    t.failureExitCode, t.resourcesReleased, t.healthNoticed, t.failureCounted, List.copyOf(t.hostPorts), containers, t.eni));
        }
        return new ClusterState(c.name, c.arn, c.createdAt, c.status, List.copyOf(c.capacityProviders), List.copyOf(c.settings),
                List.copyOf(c.tags), instances, services, tasks);
    }

    /**
     * An engine on {@code clock} holding the snapshot's state. If the saved time is more than
     * {@code maxCatchUp} behind the clock, the simulation resumes that far back rather than
     * replaying every missed second.
     */
    static SimEngine restore(SimSnapshot s, SimClock clock, Duration maxCatchUp) {
        if (s.version() != SimSnapshot.CURRENT_VERSION) {
            throw new IllegalArgumentException("Unsupported simulator state version " + s.version());
        }
        Instant resumeAt = s.simulatedUntil();
        Instant earliest = clock.now().minus(maxCatchUp);
        if (resumeAt.isBefore(earliest)) {
            resumeAt = earliest;
        }
        SimEngine engine = new SimEngine(clock, s.seed(), s.region(), resumeAt);
        engine.ids.random().state(s.randomState());
        Map<String, SimTaskDefinition> byArn = new LinkedHashMap<>();
        for (SimSnapshot.TaskDefinitionState td : s.taskDefinitions()) {
            SimTaskDefinition restored = engine.taskDefinitionRegistry.restore(td.document(), td.status(), td.registeredAt(),
                    td.deregisteredAt());
            byArn.put(restored.arn, restored);
        }
        for (SimSnapshot.ImageFault f : s.imageFaults()) {
            engine.images.restoreFailure(f.image(), new ImageBehaviours.Failure(Duration.ofMillis(f.afterMillis()), f.exitCode(), f.reason()));
        }
        s.neverHealthyImages().forEach(engine.images::neverHealthy);
        for (ClusterState c : s.clusters()) {
            engine.clusters.put(c.name(), cluster(c, byArn));
        }
        engine.clusters.values().forEach(c -> c.tasks.values().forEach(engine.launcher::restored));
        engine.logStore.nextStreamNumber(s.nextLogStream());
        for (LogGroupState g : s.logGroups()) {
            SimLogs.Group group = engine.logStore.group(g.name(), g.createdMs());
            for (LogStreamState st : g.streams()) {
                SimLogs.Stream stream = new SimLogs.Stream(st.number(), g.name(), st.name(), new LogLines(st.kind(), st.seed(), st.source()),
                        st.startMs(), st.periodMs());
                stream.endMs = st.endMs();
                stream.written.addAll(st.written());
                group.streams.put(st.name(), stream);
            }
        }
        s.scalableTargets().forEach(t -> engine.scaling().targets().put(t.resourceId(), t));
        for (ScalingPolicy p : s.scalingPolicies()) {
            engine.scaling().policies().computeIfAbsent(p.resourceId(), r -> new LinkedHashMap<>()).put(p.policyName(), p);
        }
        s.scalingActivities().forEach((k, v) -> engine.scaling().activityLog().put(k, new ArrayList<>(v)));
        if (s.stepScalingConfigs() != null) {
            engine.scaling().stepConfigs().putAll(s.stepScalingConfigs());
        }
        if (s.scheduledActions() != null) {
            for (ScalingApi.Scheduled a : s.scheduledActions()) {
                engine.scaling().scheduled().computeIfAbsent(a.action().resourceId(), r -> new LinkedHashMap<>())
                        .put(a.action().scheduledActionName(), a);
            }
        }
        List<SimEngine.TimedAction> pending = new ArrayList<>();
        for (SimSnapshot.PendingAction a : s.pendingActions()) {
            pending.add(new SimEngine.TimedAction(a.at(), a.sequence(), a.action()));
        }
        engine.restoreTime(resumeAt, pending);
        return engine;
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
        for (DeploymentState ds : ss.deployments()) {
            SimDeployment d = new SimDeployment(ds.id(), ds.taskDefinitionArn(), ds.desiredCount(), ds.launchType(), ds.createdAt());
            d.status = ds.status();
            d.failedTasks = ds.failedTasks();
            d.updatedAt = ds.updatedAt();
            d.rolloutState = ds.rolloutState();
            d.rolloutStateReason = ds.rolloutStateReason();
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
        for (double[] point : ss.metrics()) {
            s.metrics.add((long) point[0], point[1], point[2]);
        }
        s.lastScaleOutAt = ss.lastScaleOutAt();
        s.lastScaleInAt = ss.lastScaleInAt();
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
