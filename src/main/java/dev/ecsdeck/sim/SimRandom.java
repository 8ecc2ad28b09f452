package dev.ecsdeck.sim;

/**
 * The simulator's random source: SplitMix64, whose whole state is one long, so a saved simulation
 * continues with exactly the numbers it would have drawn.
 */
public final class SimRandom {
    private long state;

    SimRandom(long seed) {
        this.state = seed;
    }

    public long state() {
        return state;
    }

    public void state(long newState) {
        this.state = newState;
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A whole number in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    /** A number in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
