package dev.ecsdeck.sim;

import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Faults injected in front of the simulator's API, so batching and retry bugs show in tests: a token
 * bucket that answers ThrottlingException "Rate exceeded" once calls outrun it, a share of calls
 * that fail with ServerException or are throttled at random, and added latency. Rates are per real
 * second (requests arrive in real time); the randomness is seeded.
 */
public final class ApiFaults {
    /** What to inject; {@link #none()} injects nothing. */
    public record Config(double ratePerSecond, int burst, double throttleRate, double errorRate, long latencyMillis,
            double spikeRate, long spikeMillis, double dropRate) {
        public static Config none() {
            return new Config(0, 0, 0, 0, 0, 0, 0, 0);
        }

        public Config withRate(double perSecond, int burstSize) {
            return new Config(perSecond, burstSize, throttleRate, errorRate, latencyMillis, spikeRate, spikeMillis, dropRate);
        }

        public Config withThrottleRate(double share) {
            return new Config(ratePerSecond, burst, share, errorRate, latencyMillis, spikeRate, spikeMillis, dropRate);
        }

        public Config withErrorRate(double share) {
            return new Config(ratePerSecond, burst, throttleRate, share, latencyMillis, spikeRate, spikeMillis, dropRate);
        }

        public Config withLatency(long millis) {
            return new Config(ratePerSecond, burst, throttleRate, errorRate, millis, spikeRate, spikeMillis, dropRate);
        }

        /** A share of calls that wait {@code millis} longer (latency spikes). */
        public Config withSpikes(double share, long millis) {
            return new Config(ratePerSecond, burst, throttleRate, errorRate, latencyMillis, share, millis, dropRate);
        }

        /** A share of calls whose connection is closed without a reply (connection resets). */
        public Config withDropRate(double share) {
            return new Config(ratePerSecond, burst, throttleRate, errorRate, latencyMillis, spikeRate, spikeMillis, share);
        }
    }

    /**
     * The error code of a planned dropped connection: the wire server closes the connection without
     * a reply (the in-process provider sees it as a 500).
     */
    public static final String DROPPED_CONNECTION = "DroppedConnection";

    /** Counts of what was injected. */
    public record Counts(long calls, long throttled, long failed) {}

    private final LongSupplier nanoTime;
    private final Random random;
    private volatile Config config = Config.none();
    private double tokens;
    private long lastRefill;
    private long calls;
    private long throttled;
    private long failed;
    private long spikes;
    private volatile boolean outage;
    /** Per operation, what its next calls do, in order: an error, or null for "passes" (in an Optional, as deques hold no null). */
    private final java.util.Map<String, java.util.ArrayDeque<java.util.Optional<SimApiException>>> planned = new java.util.HashMap<>();

    public ApiFaults(LongSupplier nanoTime, long seed) {
        this.nanoTime = nanoTime;
        this.random = new Random(seed);
        this.lastRefill = nanoTime.getAsLong();
    }

    public static ApiFaults realTime(long seed) {
        return new ApiFaults(System::nanoTime, seed);
    }

    public synchronized void configure(Config newConfig) {
        this.config = newConfig;
        this.tokens = newConfig.burst();
        this.lastRefill = nanoTime.getAsLong();
    }

    public Config config() {
        return config;
    }

    /**
     * Admits one call of {@code operation}: waits the latency, then throws the injected error if
     * this call draws one. Call it before taking the engine's lock, so latency does not serialise calls.
     */
    public void admit(String operation) {
        Config c = config;
        if (c.latencyMillis() > 0) {
            try {
                Thread.sleep(c.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimApiException("RequestCanceled", "Interrupted while waiting", 500);
            }
        }
        if (c.spikeRate() > 0 && spike(c)) {
            try {
                Thread.sleep(c.spikeMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimApiException("RequestCanceled", "Interrupted while waiting", 500);
            }
        }
        SimApiException fault = draw(operation, c);
        if (fault != null) {
            throw fault;
        }
    }

    private synchronized boolean spike(Config c) {
        boolean drawn = random.nextDouble() < c.spikeRate();
        if (drawn) {
            spikes++;
        }
        return drawn;
    }

    /** While on, every call loses its connection without a reply, as when the network is down. */
    public void outage(boolean on) {
        outage = on;
    }

    /** How many calls a latency spike delayed. */
    public synchronized long spikes() {
        return spikes;
    }

    /**
     * Makes the next call of {@code operation} (its API name, e.g. "RegisterTaskDefinition") fail
     * with this error, once; several planned errors fail that many calls in order.
     */
    public synchronized void failNext(String operation, String code, String message, int status) {
        plan(operation, new SimApiException(code, message, status));
    }

    /** Lets the next {@code calls} calls of {@code operation} through before the planned errors that follow (e.g. "fail the third page"). */
    public synchronized void passNext(String operation, int calls) {
        for (int i = 0; i < calls; i++) {
            planned.computeIfAbsent(operation, k -> new java.util.ArrayDeque<>()).add(java.util.Optional.empty());
        }
    }

    /** The next {@code calls} calls of {@code operation} are answered ThrottlingException "Rate exceeded". */
    public synchronized void throttleNext(String operation, int calls) {
        for (int i = 0; i < calls; i++) {
            plan(operation, throttling());
        }
    }

    /** The next {@code calls} calls of {@code operation} lose their connection: no reply at all. */
    public synchronized void dropNext(String operation, int calls) {
        for (int i = 0; i < calls; i++) {
            plan(operation, dropped());
        }
    }

    /**
     * The next planned fault of {@code operation} (failNext, dropNext, throttleNext), or null; never a random one.
     * For points inside a long-lived call (an event stream's updates), where chaos rates per call would mean nothing.
     */
    public synchronized SimApiException nextPlanned(String operation) {
        java.util.ArrayDeque<java.util.Optional<SimApiException>> mine = planned.get(operation);
        if (mine == null || mine.isEmpty()) {
            return null;
        }
        SimApiException next = mine.poll().orElse(null);
        if (next != null) {
            failed++;
        }
        return next;
    }

    private void plan(String operation, SimApiException error) {
        planned.computeIfAbsent(operation, k -> new java.util.ArrayDeque<>()).add(java.util.Optional.of(error));
    }

    private synchronized SimApiException draw(String operation, Config c) {
        calls++;
        if (outage) {
            failed++;
            return dropped();
        }
        java.util.ArrayDeque<java.util.Optional<SimApiException>> mine = planned.get(operation);
        if (mine != null && !mine.isEmpty()) {
            SimApiException next = mine.poll().orElse(null);
            if (next == null) {
                return null;
            }
            if ("ThrottlingException".equals(next.errorCode())) {
                throttled++;
            } else {
                failed++;
            }
            return next;
        }
        if (c.ratePerSecond() > 0) {
            long now = nanoTime.getAsLong();
            tokens = Math.min(c.burst(), tokens + (now - lastRefill) / 1e9 * c.ratePerSecond());
            lastRefill = now;
            if (tokens < 1) {
                throttled++;
                return throttling();
            }
            tokens -= 1;
        }
        if (c.throttleRate() > 0 && random.nextDouble() < c.throttleRate()) {
            throttled++;
            return throttling();
        }
        if (c.errorRate() > 0 && random.nextDouble() < c.errorRate()) {
            failed++;
            return new SimApiException("ServerException", "Service unavailable. Please try again later.", 500);
        }
        if (c.dropRate() > 0 && random.nextDouble() < c.dropRate()) {
            failed++;
            return dropped();
        }
        return null;
    }

    private static SimApiException dropped() {
        return new SimApiException(DROPPED_CONNECTION, "The connection was closed without a reply.", 500);
    }

    private static SimApiException throttling() {
        return new SimApiException("ThrottlingException", "Rate exceeded");
    }

    public synchronized Counts counts() {
        return new Counts(calls, throttled, failed);
    }
}
