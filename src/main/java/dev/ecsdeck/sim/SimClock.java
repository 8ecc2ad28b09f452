package dev.ecsdeck.sim;

import java.time.Duration;
import java.time.Instant;

/** The simulator's notion of now: advanced by hand in tests, by the wall clock in the app. */
public interface SimClock {
    Instant now();

    /**
     * Waits, at most about {@code max} of real time, for this clock to reach {@code until}; returns its now
     * (possibly still before). Real-time clocks sleep; a {@link ManualClock} wakes when a test advances it,
     * so a stream that sends something every simulated second never sleep-polls in tests.
     */
    default Instant awaitUntil(Instant until, Duration max) throws InterruptedException {
        Instant now = now();
        if (now.isBefore(until)) {
            Thread.sleep(Math.max(1, Math.min(max.toMillis(), Duration.between(now, until).toMillis())));
        }
        return now();
    }
}
