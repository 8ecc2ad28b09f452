package dev.ecsdeck.model;

import java.util.List;

/**
 * A service's deployment alarms (deploymentConfiguration.alarms): while a deployment runs, and for its
 * bake time after, ECS fails it when one of {@code alarmNames} is in ALARM, and rolls it back when
 * {@code rollback} is on.
 */
public record DeploymentAlarms(List<String> alarmNames, boolean enable, boolean rollback) {
    public DeploymentAlarms {
        alarmNames = Lists.copy(alarmNames);
    }
}
