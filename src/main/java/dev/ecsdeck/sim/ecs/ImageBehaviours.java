package dev.ecsdeck.sim.ecs;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Faults a scenario pins on container images: an image that crash-loops (its process exits soon
 * after start) or one whose health check starts failing after a while. Every task running such an
 * image in an essential container shows the fault.
 */
final class ImageBehaviours {
    /** How a task fails: after {@code after} RUNNING, by exit (exitCode set) or by health check (exitCode null). */
    record Failure(Duration after, Integer exitCode, String reason) {}

    private final Map<String, Failure> byImage = new LinkedHashMap<>();
    private final java.util.Set<String> neverHealthy = new java.util.HashSet<>();

    void neverHealthy(String image) {
        neverHealthy.add(image);
    }

    /** Whether an essential container's health never turns HEALTHY (nor fails): its deployment never completes. */
    boolean neverHealthy(SimTask task) {
        for (SimContainer c : task.containers) {
            if (c.spec.essential() && neverHealthy.contains(c.spec.image())) {
                return true;
            }
        }
        return false;
    }

    void crashLoop(String image, Duration after, int exitCode) {
        byImage.put(image, new Failure(after, exitCode, "Process exited with code " + exitCode));
    }

    void failHealthCheck(String image, Duration after) {
        byImage.put(image, new Failure(after, null, "Health check failed"));
    }

    Failure failureFor(SimTask task) {
        for (SimContainer c : task.containers) {
            if (c.spec.essential()) {
                Failure f = byImage.get(c.spec.image());
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    Map<String, Failure> failures() {
        return byImage;
    }

    java.util.Set<String> neverHealthyImages() {
        return neverHealthy;
    }

    void restoreFailure(String image, Failure failure) {
        byImage.put(image, failure);
    }

    boolean crashLoops(String image) {
        Failure f = byImage.get(image);
        return f != null && f.exitCode() != null;
    }
}
