package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.model.RunTaskRequest;
import dev.ecsdeck.sim.Paging;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.util.ArrayList;
import java.util.List;

/** ListTasks, DescribeTasks, RunTask and StopTask. */
public final class TaskApi {
    private final SimEngine engine;

    public TaskApi(SimEngine engine) {
        this.engine = engine;
    }

    /** ListTasks' filters; null members do not filter, desiredStatus defaults to RUNNING. */
    public record Filter(String serviceName, String containerInstance, String family, String startedBy, String desiredStatus,
            String launchType) {}

    public Page<String> listTasks(String cluster, Filter f, String nextToken, Integer maxResults) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            String desired = f.desiredStatus() == null ? "RUNNING" : f.desiredStatus();
            if (f.serviceName() != null && !c.services.containsKey(SimEcs.nameOf(f.serviceName()))) {
                throw SimApiException.serviceNotFound();
            }
            Iterable<SimTask> candidates = f.serviceName() != null ? c.tasksOf(SimEcs.nameOf(f.serviceName())) : c.tasks.values();
            String instance = SimEcs.nameOf(f.containerInstance());
            List<String> arns = new ArrayList<>();
            for (SimTask t : candidates) {
                boolean match = desired.equals(t.desiredStatus)
                        && (instance == null || instance.equals(t.containerInstanceId))
                        && (f.family() == null || f.family().equals(t.taskDefinition.family))
                        && (f.startedBy() == null || f.startedBy().equals(t.startedBy))
                        && (f.launchType() == null || f.launchType().equals(t.launchType));
                if (match) {
                    arns.add(t.arn);
                }
            }
            return Paging.page(arns, nextToken, maxResults, 100, 100);
        }
    }

    public Described<EcsTask> describeTasks(String cluster, List<String> tasks) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            SimEcs.checkBatch(tasks, 100, "tasks");
            List<EcsTask> found = new ArrayList<>();
            List<Described.Failure> failures = new ArrayList<>();
            for (String ref : tasks) {
                SimTask t = c.tasks.get(SimEcs.nameOf(ref));
                if (t == null) {
                    failures.add(new Described.Failure(ref.startsWith("arn:") ? ref : engine.ids().taskArn(c.name, ref), "MISSING", null));
                } else {
                    found.add(SimViews.task(t, c.arn, c));
                }
            }
            return new Described<>(found, failures);
        }
    }

    /** RunTask: up to 10 tasks; those that cannot be placed come back as failures. */
    public Described<EcsTask> runTask(RunTaskRequest r) {
        return runTask(r, null);
    }

    /**
     * RunTask with a capacity provider strategy: without a launch type or strategy the cluster's default
     * strategy applies; the call's tasks go to its providers, the base first, then by weight.
     */
    public Described<EcsTask> runTask(RunTaskRequest r, List<dev.ecsdeck.model.CapacityProviderStrategyItem> capacityProviderStrategy) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(r.cluster());
            List<dev.ecsdeck.model.CapacityProviderStrategyItem> strategy = engine.ecs().capacityProviders.strategyFor(c, r.launchType(),
                    capacityProviderStrategy);
            java.util.Map<String, Integer> onProvider = new java.util.LinkedHashMap<>();
            if (!strategy.isEmpty()) {
                r = new RunTaskRequest(r.cluster(), r.taskDefinition(), r.count(), CapacityProviders.launchTypeOf(strategy),
                        r.networkConfiguration(), r.placementConstraints(), r.placementStrategy(), r.startedBy(), r.group());
            }
            int count = r.count() == 0 ? 1 : r.count();
            if (count < 1 || count > 10) {
                throw SimApiException.invalidParameter("count must be between 1 and 10.");
            }
            SimTaskDefinition td = engine.ecs().taskDefinitionRegistry.resolve(r.taskDefinition());
            TaskDefinitionDeletions.checkUsable(td);
            String launchType = r.launchType() == null ? "EC2" : r.launchType();
            if ("FARGATE".equals(launchType) && !td.document.path("compatibilities").toString().contains("FARGATE")) {
                throw SimApiException.client("Task definition does not support launch_type FARGATE.");
            }
            NetworkChecks.check(td, r.networkConfiguration());
            String group = r.group() != null ? r.group() : "family:" + td.family;
            List<EcsTask> started = new ArrayList<>();
            List<Described.Failure> failures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String provider = strategy.isEmpty() ? null : CapacityProviders.choose(strategy, onProvider);
                TaskLauncher.Outcome outcome = engine.ecs().launcher.launch(c, new TaskLauncher.Launch(td, launchType, group, r.startedBy(),
                        r.placementConstraints(), r.placementStrategy(), null, null, null, r.networkConfiguration()), provider, engine.now());
                if (provider != null) {
                    onProvider.merge(provider, 1, Integer::sum);
                }
                if (outcome.task() == null) {
                    failures.add(new Described.Failure(null, failureReason(outcome.failure()), outcome.failure()));
                } else {
                    started.add(SimViews.task(outcome.task(), c.arn, c));
                }
            }
            return new Described<>(started, failures);
        }
    }

    public EcsTask stopTask(String cluster, String task, String reason) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            SimTask t = c.tasks.get(SimEcs.nameOf(task));
            if (t == null) {
                throw SimApiException.invalidParameter("The referenced task was not found.");
            }
            engine.ecs().lifecycle.requestStop(t, engine.now(), "UserInitiated",
                    reason == null || reason.isBlank() ? "Task stopped by user" : reason);
            return SimViews.task(t, c.arn, c);
        }
    }

    /** ECS's failure reason for a task that found no instance to take it (RESOURCE:CPU, MISSING, AGENT...). */
    static String failureReason(String detail) {
        if (detail.contains("CPU")) {
            return "RESOURCE:CPU";
        }
        if (detail.contains("memory")) {
            return "RESOURCE:MEMORY";
        }
        if (detail.contains("ports")) {
            return "RESOURCE:PORTS";
        }
        if (detail.contains("No Container Instances")) {
            return "MISSING";
        }
        return "AGENT";
    }
}
