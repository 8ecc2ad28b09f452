package dev.ecsdeck.model;

import java.time.Instant;

/**
 * A scaling policy of a service. {@code policyType} is TargetTrackingScaling, StepScaling or
 * PredictiveScaling; {@code targetTracking} is set for the first, {@code summary} describes the others.
 */
public record ScalingPolicy(
        String policyArn,
        String policyName,
        String resourceId,
        String policyType,
        TargetTrackingConfig targetTracking,
        String summary,
        Instant creationTime) {

    public boolean isTargetTracking() {
        return "TargetTrackingScaling".equals(policyType);
    }
}
