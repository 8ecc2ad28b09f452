package dev.ecsdeck.model;

/**
 * How a rolling update may proceed. ECS defaults: minimumHealthyPercent 100, maximumPercent 200
 * (100 for DAEMON services), circuit breaker off.
 */
public record DeploymentConfiguration(
        DeploymentCircuitBreaker deploymentCircuitBreaker,
        Integer maximumPercent,
        Integer minimumHealthyPercent) {

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
}
