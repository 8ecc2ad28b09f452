package dev.ecsdeck.sim.elb;

import java.time.Instant;

/**
 * Answers a load balancer's health check for a target: ELB does not know who runs at an address, so
 * the engine sets one of these that does. Returns null when the target answers as the target
 * group's matcher expects, else the ELB reason code of the failure ({@code Target.ResponseCodeMismatch},
 * {@code Target.Timeout} or {@code Target.FailedHealthChecks}).
 */
@FunctionalInterface
public interface TargetResponder {
    /** Nothing answers at an address nobody runs: every check times out. */
    TargetResponder NOBODY = (targetGroupArn, targetId, port, now) -> "Target.Timeout";

    String failure(String targetGroupArn, String targetId, int port, Instant now);
}
