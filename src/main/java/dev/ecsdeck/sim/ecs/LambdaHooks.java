package dev.ecsdeck.sim.ecs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What AWS_LAMBDA lifecycle hooks answer. The simulator runs no function: a scenario declares each
 * function's outcome — SUCCEEDED or FAILED after some seconds, or no answer at all (the hook then
 * times out) — and a function nobody declared succeeds after {@link #DEFAULT_SECONDS} seconds.
 */
final class LambdaHooks {
    static final int DEFAULT_SECONDS = 10;

    /** A function's answer ({@code null}: it never answers) and how long it takes. */
    record Outcome(String answer, long afterSeconds) {}

    private final Map<String, Outcome> byFunction = new LinkedHashMap<>();

    void declare(String functionArn, String answer, long afterSeconds) {
        if (answer != null && !"SUCCEEDED".equals(answer) && !"FAILED".equals(answer)) {
            throw new IllegalArgumentException("A Lambda hook answers SUCCEEDED or FAILED (or never: null), not " + answer);
        }
        byFunction.put(functionArn, new Outcome(answer, Math.max(0, afterSeconds)));
    }

    Outcome outcomeOf(String functionArn) {
        return byFunction.getOrDefault(functionArn, new Outcome("SUCCEEDED", DEFAULT_SECONDS));
    }

    Map<String, Outcome> declared() {
        return byFunction;
    }
}
