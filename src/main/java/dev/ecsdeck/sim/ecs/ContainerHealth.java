package dev.ecsdeck.sim.ecs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Container health checks as the ECS agent runs them (the container definition's {@code healthCheck}:
 * interval, timeout, retries, startPeriod), and the task health ECS derives from them.
 *
 * <p>The rule, in seconds from the container's start (the task's RUNNING):
 * <ul>
 * <li>the agent runs the check command at 0, interval, 2 × interval, …;</li>
 * <li>a passing command answers within a few seconds, {@code answer} (drawn once per task from the
 * seed, 1–3 s, never more than the timeout); the container is HEALTHY from its first passing
 * check plus that answer. A healthy image's first check passes, so it is HEALTHY 1–3 s after it
 * starts;</li>
 * <li>a failing command fails the second it runs. The failure counts toward {@code retries} unless
 * the container has never been HEALTHY and the check ran within the start period (at or before
 * startPeriod: the documented grace period "before failed health checks count towards the maximum
 * number of retries"; a check that passes within it makes the container HEALTHY, and every later
 * failure counts);</li>
 * <li>{@code retries} consecutive counted failures make the container UNHEALTHY.</li>
 * </ul>
 * So a check that never passes turns the container UNHEALTHY at
 * (⌊startPeriod / interval⌋ + retries) × interval — that is startPeriod + retries × interval when
 * the start period is a whole number of intervals (the default 0 gives retries × interval); and a
 * check that passes, then fails after N s (a check at N itself still passes), turns it UNHEALTHY at (⌊N / interval⌋ + retries) ×
 * interval — N + retries × interval when N is a whole number of intervals.
 *
 * <p>The task's health is made of its essential containers that have a check (Task.healthStatus):
 * UNHEALTHY when one of them is, HEALTHY when all of them are, else UNKNOWN. A non-essential
 * container's health shows on the container only.
 */
final class ContainerHealth {
    /** The longest a passing check command takes to answer. */
    static final int MAX_ANSWER_SECONDS = 3;

    private final ImageBehaviours images;

    ContainerHealth(ImageBehaviours images) {
        this.images = images;
    }

    /** When a check turns its container HEALTHY and UNHEALTHY, in seconds from its start; null: never. */
    record Timeline(Long healthyAfter, Long unhealthyAfter) {}

    /**
     * The timeline of a check whose command fails after {@code failsAfter} s (null: always passes,
     * negative: never passes), a passing command answering in {@code answer} s.
     */
    static Timeline timeline(ContainerSpec.HealthCheck check, Long failsAfter, long answer) {
        long interval = check.interval();
        long retries = check.retries();
        if (failsAfter != null && failsAfter < 0) {
            // Never healthy: the first counted check is the first one after the start period.
            long firstCounted = check.startPeriod() / interval + 1;
            return new Timeline(null, (firstCounted + retries - 1) * interval);
        }
        long healthyAfter = Math.min(answer, check.timeout());
        if (failsAfter == null) {
            return new Timeline(healthyAfter, null);
        }
        // Healthy from the first check; every failure counts, the first being the first check after N.
        long firstFailing = failsAfter / interval + 1;
        return new Timeline(healthyAfter, (firstFailing + retries - 1) * interval);
    }

    /** Works out when each checked container of a task that has just started turns HEALTHY and UNHEALTHY. */
    void schedule(SimTask task, long answer) {
        for (SimContainer c : task.containers) {
            if (c.spec.hasHealthCheck()) {
                Timeline t = timeline(c.spec.healthCheck(), images.failsAfterSeconds(c.spec.image()), answer);
                c.healthyAt = t.healthyAfter() == null ? null : task.startedAt.plusSeconds(t.healthyAfter());
                c.unhealthyAt = t.unhealthyAfter() == null ? null : task.startedAt.plusSeconds(t.unhealthyAfter());
                c.healthScheduled = true;
            }
        }
    }

    /**
     * The same for a restored task (the timeline is not in the state file): its answer time is read
     * back from when the task turned healthy, where its essential checks make that; else 1 s.
     */
    void scheduleRestored(SimTask task) {
        if (task.startedAt == null || task.containers.stream().noneMatch(c -> c.spec.hasHealthCheck() && !c.healthScheduled)) {
            return;
        }
        long answer = 1;
        if (!judged(task).isEmpty() && task.healthyAt != null) {
            answer = Math.max(0, task.healthyAt.getEpochSecond() - task.startedAt.getEpochSecond());
        }
        schedule(task, answer);
    }

    /** The containers the task's health is made of: essential ones with a health check. */
    static List<SimContainer> judged(SimTask task) {
        List<SimContainer> judged = new ArrayList<>();
        for (SimContainer c : task.containers) {
            if (c.spec.essential() && c.spec.hasHealthCheck()) {
                judged.add(c);
            }
        }
        return judged;
    }

    /** When all judged containers are HEALTHY (the task counts as healthy); null when one never is. */
    static Instant healthyAt(SimTask task) {
        Instant latest = null;
        for (SimContainer c : judged(task)) {
            if (c.healthyAt == null) {
                return null;
            }
            latest = latest == null || c.healthyAt.isAfter(latest) ? c.healthyAt : latest;
        }
        return latest;
    }

    /** Sets each checked container's health as of {@code now}, and the task's from its judged containers; true if any changed. */
    static boolean refresh(SimTask task, Instant now) {
        boolean changed = false;
        for (SimContainer c : task.containers) {
            if (c.spec.hasHealthCheck() && c.healthScheduled) {
                String status = due(c.unhealthyAt, now) ? "UNHEALTHY" : due(c.healthyAt, now) ? "HEALTHY" : "UNKNOWN";
                changed |= !status.equals(c.healthStatus);
                c.healthStatus = status;
            }
        }
        List<SimContainer> judged = judged(task);
        if (!judged.isEmpty()) {
            String status = judged.stream().anyMatch(c -> "UNHEALTHY".equals(c.healthStatus)) ? "UNHEALTHY"
                    : judged.stream().allMatch(c -> "HEALTHY".equals(c.healthStatus)) ? "HEALTHY" : "UNKNOWN";
            changed |= !status.equals(task.healthStatus);
            task.healthStatus = status;
        }
        return changed;
    }

    /** The first essential container with a check that is UNHEALTHY, or null. */
    static SimContainer unhealthyEssential(SimTask task) {
        return judged(task).stream().filter(c -> "UNHEALTHY".equals(c.healthStatus)).findFirst().orElse(null);
    }

    /** The next moment a container's health changes from what it shows now, or null when none will. */
    static Instant nextChange(SimTask task) {
        Instant next = null;
        for (SimContainer c : task.containers) {
            if (!c.spec.hasHealthCheck() || !c.healthScheduled || "UNHEALTHY".equals(c.healthStatus)) {
                continue;
            }
            if (c.unhealthyAt != null) {
                next = earliest(next, c.unhealthyAt);
            }
            if (c.healthyAt != null && !"HEALTHY".equals(c.healthStatus)) {
                next = earliest(next, c.healthyAt);
            }
        }
        return next;
    }

    private static boolean due(Instant at, Instant now) {
        return at != null && !at.isAfter(now);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
