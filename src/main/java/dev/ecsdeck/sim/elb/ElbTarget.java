package dev.ecsdeck.sim.elb;

import java.time.Instant;

/** A target registered in a target group: one address (or instance) and port, and where its health checks are. */
final class ElbTarget {
    final String id;
    final int port;
    final String availabilityZone;
    Instant registeredAt;
    String state;
    String reason;
    /** When it entered {@link #state}. */
    Instant since;
    /** When its next health check is sent; null while it is not checked (unused, draining). */
    Instant nextCheckAt;
    int passes;
    int failures;
    /** While draining: when the deregistration delay ends and it is gone. */
    Instant drainUntil;

    ElbTarget(String id, int port, String availabilityZone) {
        this.id = id;
        this.port = port;
        this.availabilityZone = availabilityZone;
    }

    static String key(String id, int port) {
        return id + ":" + port;
    }

    String key() {
        return key(id, port);
    }

    boolean draining() {
        return "draining".equals(state);
    }

    void enter(String newState, String newReason, Instant now) {
        if (!newState.equals(state)) {
            since = now;
        }
        state = newState;
        reason = newReason;
    }
}
