package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * StartTask: one task of the definition on each named container instance (up to 10), with no
 * placement of ECS's own: an instance that lacks the resources or ports is a failure, as is one not
 * registered (MISSING). The EC2 launch type only; the definition must be ACTIVE.
 */
public final class StartTaskApi {
    static final int MAX_INSTANCES = 10;
    private static final Pattern STARTED_BY = Pattern.compile("[A-Za-z0-9_/-]{1,36}");

    /** What StartTask reads: the overrides and tags are checked, not kept (see the README). */
    public record Request(String cluster, List<String> containerInstances, String taskDefinition, String startedBy, String group,
            NetworkConfiguration networkConfiguration) {}

    private final SimEngine engine;

    public StartTaskApi(SimEngine engine) {
        this.engine = engine;
    }

    public Described<EcsTask> startTask(Request r) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(r.cluster());
            if (r.containerInstances() == null || r.containerInstances().isEmpty()) {
                throw SimApiException.invalidParameter("Container instances cannot be empty.");
            }
            if (r.containerInstances().size() > MAX_INSTANCES) {
                throw SimApiException.invalidParameter("Container instances can have at most " + MAX_INSTANCES + " items.");
            }
            if (r.startedBy() != null && !STARTED_BY.matcher(r.startedBy()).matches()) {
                throw SimApiException.invalidParameter("startedBy may have up to 36 letters, numbers, hyphens, forward slashes and underscores.");
            }
            SimTaskDefinition td = engine.ecs().taskDefinitionRegistry.resolve(r.taskDefinition());
            if (!td.active()) {
                throw SimApiException.client("TaskDefinition is " + td.status + ": " + td.arn + " can't start new tasks.");
            }
            if (!td.requiresCompatibilities.isEmpty() && !td.requiresCompatibilities.contains("EC2")) {
                throw SimApiException.client("Task definition does not support launch_type EC2.");
            }
            NetworkChecks.check(td, r.networkConfiguration());
            String group = r.group() != null ? r.group() : "family:" + td.family;
            List<EcsTask> started = new ArrayList<>();
            List<Described.Failure> failures = new ArrayList<>();
            for (String ref : r.containerInstances()) {
                SimInstance i = c.instances.get(SimEcs.nameOf(ref));
                String arn = ref.startsWith("arn:") ? ref : engine.ids().containerInstanceArn(c.name, ref);
                if (i == null || "INACTIVE".equals(i.status)) {
                    failures.add(new Described.Failure(arn, "MISSING", null));
                    continue;
                }
                TaskLauncher.Outcome outcome = engine.ecs().launcher.launch(c, new TaskLauncher.Launch(td, "EC2", group, r.startedBy(),
                        List.of(), List.of(), null, null, i.id, r.networkConfiguration()), engine.now());
                if (outcome.task() == null) {
                    failures.add(new Described.Failure(i.arn, TaskApi.failureReason(outcome.failure()), outcome.failure()));
                } else {
                    started.add(SimViews.task(outcome.task(), c.arn, c));
                }
            }
            return new Described<>(started, failures);
        }
    }
}
