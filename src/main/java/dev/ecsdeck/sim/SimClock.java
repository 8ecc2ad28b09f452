package dev.ecsdeck.sim;

import java.time.Instant;

/** The simulator's notion of now: advanced by hand in tests, by the wall clock in the app. */
public interface SimClock {
    Instant now();
}
