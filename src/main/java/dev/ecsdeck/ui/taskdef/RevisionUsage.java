package dev.ecsdeck.ui.taskdef;

import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.Deployment;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.provider.EcsProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which services run which task-definition revision, read from every service's deployments: a
 * service in the middle of a rollout runs two revisions, and both list it ("cluster/service",
 * with "(rolling out)" or "(draining)" for the deployment that is not yet or no longer primary).
 */
public record RevisionUsage(Map<String, List<String>> servicesByRevision) {

    public RevisionUsage {
        Map<String, List<String>> copy = new HashMap<>();
        servicesByRevision.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        servicesByRevision = Map.copyOf(copy);
    }

    public static RevisionUsage none() {
        return new RevisionUsage(Map.of());
    }

    /** Reads every cluster's services (ListServices and DescribeServices per cluster). */
    public static RevisionUsage read(EcsProvider provider) {
        Map<String, List<String>> by = new HashMap<>();
        for (Cluster cluster : provider.listClusters()) {
            for (EcsService s : provider.listServices(cluster.clusterName())) {
                add(by, cluster.clusterName(), s);
            }
        }
        return new RevisionUsage(by);
    }

    static void add(Map<String, List<String>> by, String cluster, EcsService s) {
        String name = cluster + "/" + s.serviceName();
        if (s.deployments().isEmpty()) {
            by.computeIfAbsent(s.taskDefinition(), k -> new ArrayList<>()).add(name);
            return;
        }
        for (Deployment d : s.deployments()) {
            String role = d.isPrimary() ? (d.inProgress() ? " (rolling out)" : "") : " (draining)";
            List<String> list = by.computeIfAbsent(d.taskDefinition(), k -> new ArrayList<>());
            if (!list.contains(name + role)) {
                list.add(name + role);
            }
        }
    }

    public List<String> servicesOf(String taskDefinitionArn) {
        return servicesByRevision.getOrDefault(taskDefinitionArn, List.of());
    }
}
