package dev.ecsdeck.model;

import java.util.List;

/**
 * How a service deploys. ECS defaults: strategy ROLLING, minimumHealthyPercent 100, maximumPercent
 * 200 (100 for DAEMON services), circuit breaker off. BLUE_GREEN, CANARY and LINEAR move traffic
 * between two service revisions through the load balancer's listener rules, keep both running for
 * {@code bakeTimeInMinutes} after the production traffic has moved, and may pause at lifecycle hooks.
 * {@code alarms}: CloudWatch alarms that fail a deployment when one goes to ALARM (and roll it back when asked).
 */
public record DeploymentConfiguration(
        DeploymentCircuitBreaker deploymentCircuitBreaker,
        Integer maximumPercent,
        Integer minimumHealthyPercent,
        String strategy,
        Integer bakeTimeInMinutes,
        List<DeploymentLifecycleHook> lifecycleHooks,
        LinearConfiguration linearConfiguration,
        CanaryConfiguration canaryConfiguration,
        DeploymentAlarms alarms) {

    public static final String ROLLING = "ROLLING";
    public static final String BLUE_GREEN = "BLUE_GREEN";
    public static final String CANARY = "CANARY";
    public static final String LINEAR = "LINEAR";

    public DeploymentConfiguration {
        lifecycleHooks = lifecycleHooks == null ? null : List.copyOf(lifecycleHooks);
    }

    /** A configuration without deployment alarms. */
    public DeploymentConfiguration(DeploymentCircuitBreaker deploymentCircuitBreaker, Integer maximumPercent, Integer minimumHealthyPercent,
            String strategy, Integer bakeTimeInMinutes, List<DeploymentLifecycleHook> lifecycleHooks, LinearConfiguration linearConfiguration,
            CanaryConfiguration canaryConfiguration) {
        this(deploymentCircuitBreaker, maximumPercent, minimumHealthyPercent, strategy, bakeTimeInMinutes, lifecycleHooks, linearConfiguration,
                canaryConfiguration, null);
    }

    /** The same configuration with other deployment alarms. */
    public DeploymentConfiguration withAlarms(DeploymentAlarms newAlarms) {
        return new DeploymentConfiguration(deploymentCircuitBreaker, maximumPercent, minimumHealthyPercent, strategy, bakeTimeInMinutes,
                lifecycleHooks, linearConfiguration, canaryConfiguration, newAlarms);
    }

    /** Whether CloudWatch alarms watch deployments (and may fail them). */
    public boolean alarmsEnabled() {
        return alarms != null && alarms.enable() && !alarms.alarmNames().isEmpty();
    }

    /** A rolling-update configuration. */
    public DeploymentConfiguration(DeploymentCircuitBreaker deploymentCircuitBreaker, Integer maximumPercent, Integer minimumHealthyPercent) {
        this(deploymentCircuitBreaker, maximumPercent, minimumHealthyPercent, null, null, null, null, null);
    }

    public static DeploymentConfiguration defaults() {
        return new DeploymentConfiguration(new DeploymentCircuitBreaker(false, false), 200, 100);
    }

    public int maximumPercentOrDefault() {
        return maximumPercent == null ? 200 : maximumPercent;
    }

    public int minimumHealthyPercentOrDefault() {
        return minimumHealthyPercent == null ? 100 : minimumHealthyPercent;
    }

    public boolean circuitBreakerEnabled() {
        return deploymentCircuitBreaker != null && deploymentCircuitBreaker.enable();
    }

    public boolean rollbackEnabled() {
        return deploymentCircuitBreaker != null && deploymentCircuitBreaker.rollback();
    }

    public String strategyOrDefault() {
        return strategy == null ? ROLLING : strategy;
    }

    /** Whether traffic moves between two revisions through the load balancer (every strategy but ROLLING). */
    public boolean shiftsTraffic() {
        return !ROLLING.equals(strategyOrDefault());
    }

    public List<DeploymentLifecycleHook> lifecycleHooksOrEmpty() {
        return lifecycleHooks == null ? List.of() : lifecycleHooks;
    }
}
