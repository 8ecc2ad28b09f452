package dev.ecsdeck.sim.elb;

import java.time.Instant;
import java.util.Iterator;

/**
 * How ELB decides a target's health, on a fixed schedule so a test can count the seconds. A target
 * in a group that a listener uses is {@code initial}/{@code Elb.RegistrationInProgress} for
 * {@link #REGISTRATION_SECONDS}, then {@code initial}/{@code Elb.InitialHealthChecking} until its
 * first check {@link #FIRST_CHECK_SECONDS} after it registered; checks follow every
 * HealthCheckIntervalSeconds. One passing check makes a new target healthy; UnhealthyThresholdCount
 * consecutive failures make it unhealthy (with the last failure's reason); HealthyThresholdCount
 * consecutive passes make an unhealthy one healthy again. A group no listener uses holds its targets
 * {@code unused}/{@code Target.NotInUse}, unchecked.
 */
final class TargetHealthChecks {
    static final int REGISTRATION_SECONDS = 5;
    static final int FIRST_CHECK_SECONDS = 10;

    /** A target (re)starts registration now: in a used group it waits for its first check, else it is unused. */
    void registered(ElbTargetGroup g, ElbTarget t, Instant now) {
        t.registeredAt = now;
        t.passes = 0;
        t.failures = 0;
        t.drainUntil = null;
        t.since = now;
        if (g.inUse()) {
            t.state = "initial";
            t.reason = "Elb.RegistrationInProgress";
            t.nextCheckAt = now.plusSeconds(FIRST_CHECK_SECONDS);
        } else {
            t.state = "unused";
            t.reason = "Target.NotInUse";
            t.nextCheckAt = null;
        }
    }

    void step(ElbTargetGroup g, Instant now, TargetResponder responder) {
        for (Iterator<ElbTarget> it = g.targets.values().iterator(); it.hasNext();) {
            ElbTarget t = it.next();
            if (t.draining()) {
                if (!now.isBefore(t.drainUntil)) {
                    it.remove();
                }
                continue;
            }
            if (t.nextCheckAt == null) {
                continue;
            }
            if ("Elb.RegistrationInProgress".equals(t.reason) && !now.isBefore(t.registeredAt.plusSeconds(REGISTRATION_SECONDS))) {
                t.reason = "Elb.InitialHealthChecking";
            }
            if (!now.isBefore(t.nextCheckAt)) {
                t.nextCheckAt = t.nextCheckAt.plusSeconds(g.healthCheckIntervalSeconds);
                check(g, t, responder.failure(g.arn, t.id, t.port, now), now);
            }
        }
    }

    private static void check(ElbTargetGroup g, ElbTarget t, String failure, Instant now) {
        if (failure == null) {
            t.failures = 0;
            t.passes++;
            boolean firstPass = "initial".equals(t.state);
            if (firstPass || ("unhealthy".equals(t.state) && t.passes >= g.healthyThresholdCount)) {
                t.enter("healthy", null, now);
            }
            return;
        }
        t.passes = 0;
        t.failures++;
        if ("unhealthy".equals(t.state)) {
            t.reason = failure;
        } else if (t.failures >= g.unhealthyThresholdCount) {
            t.enter("unhealthy", failure, now);
        }
    }

    /** The description ELB gives with a reason code; null for healthy targets. */
    static String describe(ElbTargetGroup g, String reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case "Elb.RegistrationInProgress" -> "Target registration is in progress";
            case "Elb.InitialHealthChecking" -> "Initial health checks in progress";
            case "Target.ResponseCodeMismatch" -> "Health checks failed: the response code did not match " + g.matcher;
            case "Target.Timeout" -> "Request timed out";
            case "Target.FailedHealthChecks" -> "Health checks failed";
            case "Target.NotRegistered" -> "Target is not registered to the target group";
            case "Target.NotInUse" -> "Target group is not configured to receive traffic from the load balancer";
            case "Target.DeregistrationInProgress" -> "Target deregistration is in progress";
            case "Elb.InternalError" -> "Health checks failed due to an internal error";
            default -> reason;
        };
    }
}
