package dev.ecsdeck.model;

import java.util.List;

/** A RunTask call: {@code count} tasks of a task definition, outside any service. */
public record RunTaskRequest(
        String cluster,
        String taskDefinition,
        int count,
        String launchType,
        NetworkConfiguration networkConfiguration,
        List<PlacementConstraint> placementConstraints,
        List<PlacementStrategy> placementStrategy,
        String startedBy,
        String group) {

    public RunTaskRequest {
        placementConstraints = placementConstraints == null ? List.of() : List.copyOf(placementConstraints);
        placementStrategy = placementStrategy == null ? List.of() : List.copyOf(placementStrategy);
    }
}
