package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.CanaryConfiguration;
import dev.ecsdeck.model.DeploymentCircuitBreaker;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.DeploymentConfigurationRules;
import dev.ecsdeck.model.DeploymentLifecycleHook;
import dev.ecsdeck.model.LinearConfiguration;
import dev.ecsdeck.sim.SimApiException;
import java.util.List;

/**
 * A service's deployment configuration as ECS takes it: defaults filled in, a partial update merged
 * over what the service has, and every documented range checked (InvalidParameterException) by the
 * rules the console checks too ({@link DeploymentConfigurationRules}).
 */
final class DeploymentRules {

    private DeploymentRules() {}

    /** A new service's configuration: ECS's defaults under what was asked. */
    static DeploymentConfiguration withDefaults(DeploymentConfiguration requested, boolean daemon) {
        DeploymentConfiguration defaults = new DeploymentConfiguration(new DeploymentCircuitBreaker(false, false), daemon ? 100 : 200,
                daemon ? 0 : 100);
        return requested == null ? defaults : merge(defaults, requested, daemon);
    }

    /** {@code update}'s members over {@code current}'s (absent ones stay), checked. */
    static DeploymentConfiguration merge(DeploymentConfiguration current, DeploymentConfiguration update, boolean daemon) {
        int max = update.maximumPercent() != null ? update.maximumPercent() : current.maximumPercentOrDefault();
        int min = update.minimumHealthyPercent() != null ? update.minimumHealthyPercent() : current.minimumHealthyPercentOrDefault();
        DeploymentCircuitBreaker breaker = update.deploymentCircuitBreaker() != null
                ? update.deploymentCircuitBreaker() : current.deploymentCircuitBreaker();
        String strategy = update.strategy() != null ? update.strategy() : current.strategy();
        Integer bake = update.bakeTimeInMinutes() != null ? update.bakeTimeInMinutes() : current.bakeTimeInMinutes();
        List<DeploymentLifecycleHook> hooks = update.lifecycleHooks() != null ? update.lifecycleHooks() : current.lifecycleHooks();
        boolean strategyChanged = update.strategy() != null && !update.strategy().equals(current.strategyOrDefault());
        // A strategy's own settings go with it: switching strategy drops the other one's.
        LinearConfiguration linear = update.linearConfiguration() != null ? update.linearConfiguration()
                : strategyChanged ? null : current.linearConfiguration();
        CanaryConfiguration canary = update.canaryConfiguration() != null ? update.canaryConfiguration()
                : strategyChanged ? null : current.canaryConfiguration();
        DeploymentConfiguration merged = new DeploymentConfiguration(breaker, max, min, strategy, bake, hooks, linear, canary,
                update.alarms() != null ? update.alarms() : current.alarms());
        check(merged, daemon);
        return merged;
    }

    /** The first documented rule the configuration breaks, as ECS says it (the rules are shared with the console). */
    private static void check(DeploymentConfiguration c, boolean daemon) {
        List<DeploymentConfigurationRules.Problem> problems = DeploymentConfigurationRules.problems(c, daemon);
        if (!problems.isEmpty()) {
            throw SimApiException.invalidParameter(problems.get(0).message());
        }
    }
}
