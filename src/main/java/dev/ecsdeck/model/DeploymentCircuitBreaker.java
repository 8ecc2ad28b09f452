package dev.ecsdeck.model;

/** The deployment circuit breaker of a service: whether it is on and whether it rolls back. */
public record DeploymentCircuitBreaker(boolean enable, boolean rollback) {}
