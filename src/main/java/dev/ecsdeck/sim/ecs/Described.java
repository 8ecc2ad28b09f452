package dev.ecsdeck.sim.ecs;

import java.util.List;

/** What a Describe call returns: the things found, and a failure (reason MISSING) for each one not found. */
public record Described<T>(List<T> items, List<Failure> failures) {
    public Described {
        items = List.copyOf(items);
        failures = List.copyOf(failures);
    }

    /** A name or ARN that could not be described, and why. */
    public record Failure(String arn, String reason, String detail) {}
}
