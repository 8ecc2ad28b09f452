package dev.ecsdeck.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Real time, optionally sped up: simulated time runs {@code speed} times faster than the wall clock
 * from the moment the clock is made (speed 1 is plain real time).
 */
public final class ScaledWallClock implements SimClock {
    private final Clock wall;
    private final Instant wallStart;
    private final Instant simStart;
    private final double speed;

    public ScaledWallClock(Clock wall, Instant simStart, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + speed);
        }
        this.wall = wall;
        this.wallStart = wall.instant();
        this.simStart = simStart;
        this.speed = speed;
    }

    public static ScaledWallClock realTime() {
        Clock wall = Clock.systemUTC();
        return new ScaledWallClock(wall, wall.instant(), 1.0);
    }

    @Override
    public Instant now() {
        Duration elapsed = Duration.between(wallStart, wall.instant());
        if (speed == 1.0) {
            return simStart.plus(elapsed);
        }
        return simStart.plusNanos((long) (elapsed.toNanos() * speed));
    }
}
