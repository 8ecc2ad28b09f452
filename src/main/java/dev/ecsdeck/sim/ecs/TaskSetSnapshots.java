package dev.ecsdeck.sim.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Deployment controllers other than ECS and task sets in the state file (absent from older files: none). */
public final class TaskSetSnapshots {
    private TaskSetSnapshots() {}

    /** A service whose deployment controller is not ECS, and its task sets. */
    public record ServiceTaskSets(String cluster, String service, String deploymentController, List<TaskSetState> taskSets) {}

    public record TaskSetState(String id, String arn, String externalId, String taskDefinitionArn, String launchType,
            List<CapacityProviderStrategyItem> capacityProviderStrategy, String platformVersion, NetworkConfiguration networkConfiguration,
            List<LoadBalancer> loadBalancers, JsonNode serviceRegistries, List<Tag> tags, String clientToken, Instant createdAt, String status,
            double scalePercent, Instant updatedAt, String stabilityStatus, Instant stabilityStatusAt) {}

    static List<ServiceTaskSets> capture(SimEcs ecs) {
        List<ServiceTaskSets> out = new ArrayList<>();
        for (SimCluster c : ecs.clusters.values()) {
            for (SimService s : c.services.values()) {
                if ("ECS".equals(s.deploymentController) && s.taskSets.isEmpty()) {
                    continue;
                }
                List<TaskSetState> sets = new ArrayList<>();
                for (SimTaskSet ts : s.taskSets) {
                    sets.add(new TaskSetState(ts.id, ts.arn, ts.externalId, ts.taskDefinitionArn, ts.launchType, ts.capacityProviderStrategy,
                            ts.platformVersion, ts.networkConfiguration, ts.loadBalancers, ts.serviceRegistries, List.copyOf(ts.tags),
                            ts.clientToken, ts.createdAt, ts.status, ts.scalePercent, ts.updatedAt, ts.stabilityStatus, ts.stabilityStatusAt));
                }
                out.add(new ServiceTaskSets(c.name, s.name, s.deploymentController, sets));
            }
        }
        return out;
    }

    /** Puts the task sets back on their services, which must be restored already. */
    static void restore(SimEcs ecs, List<ServiceTaskSets> saved) {
        if (saved == null) {
            return;
        }
        for (ServiceTaskSets st : saved) {
            SimCluster c = ecs.clusters.get(st.cluster());
            SimService s = c == null ? null : c.services.get(st.service());
            if (s == null) {
                continue;
            }
            s.deploymentController = st.deploymentController();
            for (TaskSetState t : st.taskSets()) {
                SimTaskSet ts = new SimTaskSet(t.id(), t.arn(), t.externalId(), t.taskDefinitionArn(), t.launchType(),
                        t.capacityProviderStrategy() == null ? List.of() : t.capacityProviderStrategy(), t.platformVersion(),
                        t.networkConfiguration(), t.loadBalancers() == null ? List.of() : t.loadBalancers(), t.serviceRegistries(),
                        t.clientToken(), t.scalePercent(), t.createdAt());
                if (t.tags() != null) {
                    ts.tags.addAll(t.tags());
                }
                ts.status = t.status();
                ts.updatedAt = t.updatedAt();
                ts.stabilityStatus = t.stabilityStatus();
                ts.stabilityStatusAt = t.stabilityStatusAt();
                s.taskSets.add(ts);
            }
        }
    }
}
