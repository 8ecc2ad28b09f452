package dev.ecsdeck.sim.ecs;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Faults a scenario pins on container images: an image that crash-loops (its process exits soon
 * after start), one whose health check starts failing after a while, or one whose health check
 * never passes. A container with a health check is judged by its check ({@link ContainerHealth});
 * the faults of essential containers without one stop or hold their task as described below.
 */
final class ImageBehaviours {
    /** How a task fails: after {@code after} RUNNING, by exit (exitCode set) or by health check (exitCode null). */
    record Failure(Duration after, Integer exitCode, String reason) {}

    private final Map<String, Failure> byImage = new LinkedHashMap<>();
    private final Set<String> neverHealthy = new HashSet<>();
    /** Images whose tasks run hot: the CPU utilisation (%) each such task reports. */
    private final Map<String, Double> hot = new LinkedHashMap<>();

    void hot(String image, double cpuPercent) {
        hot.put(image, cpuPercent);
    }

    /** The CPU a task of a hot image reports (its hottest essential container's), or null for a task that runs as its load says. */
    Double hotCpu(SimTask task) {
        Double out = null;
        for (SimContainer c : task.containers) {
            Double h = c.spec.essential() ? hot.get(c.spec.image()) : null;
            out = h != null && (out == null || h > out) ? h : out;
        }
        return out;
    }

    void neverHealthy(String image) {
        neverHealthy.add(image);
    }

    /**
     * Whether an essential container without a health check runs a never-healthy image: its task then
     * never counts as healthy (nor fails), so its deployment never completes. A stopgap: nothing in
     * ECS itself judges such a container (a load balancer's health checks would).
     */
    boolean neverHealthy(SimTask task) {
        for (SimContainer c : task.containers) {
            if (c.spec.essential() && !c.spec.hasHealthCheck() && neverHealthy.contains(c.spec.image())) {
                return true;
            }
        }
        return false;
    }

    /**
     * After which second from its start the image's health check command fails (a check at that
     * second still passes): null when it always passes, -1 when it never passes.
     */
    Long failsAfterSeconds(String image) {
        if (neverHealthy.contains(image)) {
            return -1L;
        }
        Failure f = byImage.get(image);
        return f == null || f.exitCode() != null ? null : f.after().toSeconds();
    }

    void crashLoop(String image, Duration after, int exitCode) {
        byImage.put(image, new Failure(after, exitCode, "Process exited with code " + exitCode));
    }

    void failHealthCheck(String image, Duration after) {
        byImage.put(image, new Failure(after, null, "Health check failed"));
    }

    /**
     * The fault that stops the task, from its first essential container that has one: a crash, or a
     * failing health check of an image whose container has no health check to judge it (a stopgap
     * kept from before container health checks were run: the task stops as if its check failed).
     */
    Failure failureFor(SimTask task) {
        for (SimContainer c : task.containers) {
            if (c.spec.essential()) {
                Failure f = byImage.get(c.spec.image());
                if (f != null && (f.exitCode() != null || !c.spec.hasHealthCheck())) {
                    return f;
                }
            }
        }
        return null;
    }

    Map<String, Failure> failures() {
        return byImage;
    }

    Set<String> neverHealthyImages() {
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
