package dev.ecsdeck.sim;

import java.time.Duration;
import java.time.Instant;

/** A clock that only moves when told to: what tests run the simulator on. */
public final class ManualClock implements SimClock {
    private Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    public synchronized void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("time does not go back: " + step);
        }
        now = now.plus(step);
        notifyAll(); // wakes streams waiting in awaitUntil
    }

    @Override
    public synchronized Instant awaitUntil(Instant until, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (now.isBefore(until)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return now;
    }
}
