package dev.ecsdeck.ui.logs;

import dev.ecsdeck.model.Container;
import dev.ecsdeck.model.EcsTask;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A task that has stopped, as its log tail tells it: its lines run from its start to its stop, and
 * its tab ends with "Task stopped at 09:12:03 — exit code 137 — Essential container in task exited",
 * the figures of the task (or of the one container tailed).
 */
record StoppedTask(Long startMillis, long stoppedMillis, String text, String span) {
    /**
     * Lines may carry a time a little after the task's stop (the host's clock, rounding): read this
     * far past it.
     */
    static final long END_SLACK_MS = 5_000;
    /** After a stop, lines may still be on their way into CloudWatch Logs for about this long. */
    static final long INGESTION_LAG_MS = 15_000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** The task's stop, when it has stopped ({@code stoppedAt} set); of one container when {@code container} is named. */
    static Optional<StoppedTask> of(EcsTask task, String container, ZoneId zone, long nowMillis) {
        if (task.stoppedAt() == null) {
            return Optional.empty();
        }
        Instant start = task.createdAt() != null ? task.createdAt() : task.startedAt();
        LocalDate today = Instant.ofEpochMilli(nowMillis).atZone(zone).toLocalDate();
        List<String> parts = new ArrayList<>();
        parts.add("Task stopped at " + time(task.stoppedAt(), zone, today));
        List<Container> containers = task.containers().stream().filter(c -> container == null || container.equals(c.name())).toList();
        exitCodes(containers).ifPresent(parts::add);
        if (task.stoppedReason() != null && !task.stoppedReason().isBlank()) {
            parts.add(task.stoppedReason());
        }
        containers.stream().map(Container::reason).filter(Objects::nonNull).filter(r -> !r.isBlank()).distinct().forEach(parts::add);
        String span = (start == null ? "" : "from its start at " + time(start, zone, today) + " ") + "to its stop at "
                + time(task.stoppedAt(), zone, today);
        return Optional.of(new StoppedTask(start == null ? null : start.toEpochMilli(), task.stoppedAt().toEpochMilli(),
                String.join(" — ", parts), span));
    }

    /** The last time a line of the task can carry. */
    long endMillis() {
        return stoppedMillis + END_SLACK_MS;
    }

    /** Whether every line of the task has had time to be ingested by {@code nowMillis}. */
    boolean settled(long nowMillis) {
        return nowMillis >= stoppedMillis + INGESTION_LAG_MS;
    }

    /** "exit code 137", or with several containers that differ "exit codes: web 0, sidecar 137". */
    private static Optional<String> exitCodes(List<Container> containers) {
        List<Container> exited = containers.stream().filter(c -> c.exitCode() != null).toList();
        if (exited.isEmpty()) {
            return Optional.empty();
        }
        if (exited.stream().map(Container::exitCode).distinct().count() == 1) {
            return Optional.of("exit code " + exited.get(0).exitCode());
        }
        List<String> each = exited.stream().map(c -> c.name() + " " + c.exitCode()).toList();
        return Optional.of("exit codes: " + String.join(", ", each));
    }

    private static String time(Instant t, ZoneId zone, LocalDate today) {
        var at = t.atZone(zone);
        return (at.toLocalDate().equals(today) ? TIME : DATE_TIME).format(at);
    }
}
