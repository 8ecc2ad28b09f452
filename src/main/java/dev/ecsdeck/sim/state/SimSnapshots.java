package dev.ecsdeck.sim.state;

import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.sim.SimClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.SimIds;
import dev.ecsdeck.sim.autoscaling.ScalingApi;
import dev.ecsdeck.sim.ecs.CapacitySnapshot;
import dev.ecsdeck.sim.ecs.EcsSnapshot;
import dev.ecsdeck.sim.ecs.EcsSnapshots;
import dev.ecsdeck.sim.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Takes an engine's state as a {@link SimSnapshot}, and builds an engine back from one. */
final class SimSnapshots {
    private SimSnapshots() {}

    /** Must be called holding the engine's lock, so the snapshot is one consistent moment. */
    static SimSnapshot capture(SimEngine engine, String scenario) {
        EcsSnapshot ecs = EcsSnapshots.capture(engine.ecs());
        List<ScalingPolicy> policies = new ArrayList<>();
        engine.scaling().policies().values().forEach(byName -> policies.addAll(byName.values()));
        Map<String, List<dev.ecsdeck.model.ScalingActivity>> activities = new LinkedHashMap<>();
        engine.scaling().activityLog().forEach((k, v) -> activities.put(k, List.copyOf(v)));
        List<ScalingApi.Scheduled> scheduled = new ArrayList<>();
        engine.scaling().scheduled().values().forEach(byName -> scheduled.addAll(byName.values()));
        List<SimSnapshot.PendingAction> pending = new ArrayList<>();
        for (SimEngine.TimedAction a : engine.pendingActions()) {
            if (!(a.action() instanceof Scenario.Action action)) {
                throw new IllegalStateException("Only a scenario's actions can be saved, not " + a.action().getClass().getName());
            }
            pending.add(new SimSnapshot.PendingAction(a.at(), a.sequence(), action));
        }
        return new SimSnapshot(SimSnapshot.CURRENT_VERSION, scenario, engine.region(), engine.seed(), engine.ids().random().state(), engine.now(),
                ecs.taskDefinitions(), ecs.imageFaults(), ecs.neverHealthyImages(), ecs.clusters(), engine.logStore().nextStreamNumber(),
                engine.logStore().snapshot(),
                List.copyOf(engine.scaling().targets().values()), policies, activities, pending,
                new LinkedHashMap<>(engine.scaling().stepConfigs()), scheduled, engine.elb().snapshot(), engine.metrics().snapshot(),
                ecs.lambdaHookOutcomes(),
                ecs.failingTargetImages(), ecs.failingTargetTasks(),
                new SimSnapshot.EventsSnapshot(engine.events().snapshot(), engine.schedules().snapshot()),
                engine.tags().snapshot(), engine.accountSettings().snapshot(), ecs.protectionAndServiceConnect(), ecs.taskSets(),
                CapacitySnapshot.capture(engine.ecs()), engine.ecr().snapshot());
    }


    /**
     * An engine on {@code clock} holding the snapshot's state. If the saved time is more than
     * {@code maxCatchUp} behind the clock, the simulation resumes that far back rather than
     * replaying every missed second.
     */
    /** The account the saved ARNs name (a cluster's, else a task definition's); the default one for a state with neither. */
    static String savedAccount(SimSnapshot s) {
        String arn = !s.clusters().isEmpty() ? s.clusters().get(0).arn()
                : !s.taskDefinitions().isEmpty() ? s.taskDefinitions().get(0).document().path("taskDefinitionArn").asText("") : "";
        String[] parts = arn.split(":");
        return parts.length > 4 && parts[4].matches("\\d{12}") ? parts[4] : SimIds.DEFAULT_ACCOUNT;
    }

    static SimEngine restore(SimSnapshot s, SimClock clock, Duration maxCatchUp) {
        if (s.version() != SimSnapshot.CURRENT_VERSION) {
            throw new IllegalArgumentException("Unsupported simulator state version " + s.version());
        }
        Instant resumeAt = s.simulatedUntil();
        Instant earliest = clock.now().minus(maxCatchUp);
        if (resumeAt.isBefore(earliest)) {
            resumeAt = earliest;
        }
        SimEngine engine = new SimEngine(clock, s.seed(), s.region(), resumeAt, savedAccount(s));
        engine.ids().random().state(s.randomState());
        EcsSnapshots.restore(engine.ecs(), new EcsSnapshot(s.taskDefinitions(), s.imageFaults(), s.neverHealthyImages(), s.clusters(),
                s.lambdaHookOutcomes(), s.failingTargetImages(), s.failingTargetTasks(),
                s.protectionAndServiceConnect(), s.taskSets()));
        CapacitySnapshot.restore(engine.ecs(), s.capacity());
        engine.logStore().nextStreamNumber(s.nextLogStream());
        engine.logStore().restore(s.logGroups());
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
        engine.elb().restore(s.elb());
        engine.metrics().restore(s.metrics() != null ? s.metrics() : OlderMetrics.of(s.clusters()));
        engine.tags().restore(s.resourceTags());
        engine.accountSettings().restore(s.accountSettings());
        engine.ecr().restore(s.ecr());
        List<SimEngine.TimedAction> pending = new ArrayList<>();
        for (SimSnapshot.PendingAction a : s.pendingActions()) {
            pending.add(new SimEngine.TimedAction(a.at(), a.sequence(), a.action()));
        }
        engine.restoreTime(resumeAt, pending);
        if (s.events() != null) {
            engine.events().restore(s.events().rules(), resumeAt);
            engine.schedules().restore(s.events().schedules(), resumeAt);
        }
        return engine;
    }



}
