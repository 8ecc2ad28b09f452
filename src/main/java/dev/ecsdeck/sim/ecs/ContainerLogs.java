package dev.ecsdeck.sim.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.taskdef.LogRoute;
import dev.ecsdeck.sim.logs.LogLines;
import dev.ecsdeck.sim.logs.SimLogs;

/**
 * Connects tasks to their log streams, named as the log driver would ({@link LogRoute}): awslogs'
 * {@code <prefix>/<container>/<task id>} (or the container id without a prefix), or where FireLens'
 * Fluent Bit sends a container routed to CloudWatch Logs. A stream opens when the task starts
 * running and closes when it stops; a crash leaves its last lines in the stream.
 */
public final class ContainerLogs {
    /** One line every two seconds for a typical container. */
    static final long DEFAULT_PERIOD_MS = 2_000;

    private final SimLogs logs;
    private final long seed;

    public ContainerLogs(SimLogs logs, long seed) {
        this.logs = logs;
        this.seed = seed;
    }

    /** Where a container's lines go: a group and a stream. */
    private record Destination(String group, String stream) {}

    public void started(SimTask task) {
        long start = task.startedAt.toEpochMilli();
        for (SimContainer c : task.containers) {
            Destination d = destination(task, c);
            if (d != null) {
                long streamSeed = SimLogs.mix(seed, d.stream().hashCode());
                LogLines lines = new LogLines(LogLines.kindForImage(c.spec.image()), streamSeed, c.spec.name());
                logs.open(d.group(), d.stream(), lines, start, periodFor(c.spec));
            }
        }
    }

    public void crashed(SimTask task) {
        long at = task.stoppingAt.toEpochMilli();
        for (SimContainer c : task.containers) {
            Destination d = destination(task, c);
            if (d != null && c.exitCode != null) {
                logs.write(d.group(), d.stream(), at - 40, "ERROR Unhandled exception during startup: java.net.ConnectException: "
                        + "Connection refused (db.internal:5432)");
                logs.write(d.group(), d.stream(), at - 20, "ERROR Application run failed; shutting down");
                logs.write(d.group(), d.stream(), at, "Process exited with code " + c.exitCode);
                if (ownStream(task, c, d)) {
                    logs.close(d.group(), d.stream(), at); // the process is gone: nothing more is written
                }
            }
        }
    }

    public void stopped(SimTask task) {
        long end = (task.executionStoppedAt != null ? task.executionStoppedAt : task.stoppedAt).toEpochMilli();
        for (SimContainer c : task.containers) {
            Destination d = destination(task, c);
            if (d != null && task.startedAt != null && ownStream(task, c, d)) {
                logs.close(d.group(), d.stream(), end);
            }
        }
    }

    /**
     * The stream the container's driver writes to. Where the route is only a prefix (the real name
     * comes from the records), Fluent Bit's tag completes it here, as a record field might.
     */
    private static Destination destination(SimTask task, SimContainer c) {
        ContainerSpec.LogSpec awslogs = c.spec.log();
        if (awslogs != null) {
            return new Destination(awslogs.group(), awslogs.streamName(c.spec.name(), task.id, c.runtimeId));
        }
        JsonNode definition = containerDefinition(task, c.spec.name());
        if (definition == null) {
            return null;
        }
        LogRoute route = LogRoute.of(definition, new LogRoute.TaskContext(task.id, task.arn, task.clusterName));
        if (route instanceof LogRoute.Stream s) {
            return new Destination(s.group(), s.stream());
        }
        if (route instanceof LogRoute.StreamPrefix p) {
            return new Destination(p.group(), p.prefix() + c.spec.name() + "-firelens-" + task.id);
        }
        return null;
    }

    /** A stream named for this task (not one that FireLens shares between tasks) ends with it. */
    private static boolean ownStream(SimTask task, SimContainer c, Destination d) {
        return d.stream().contains(task.id) || d.stream().equals(c.runtimeId);
    }

    private static JsonNode containerDefinition(SimTask task, String name) {
        for (JsonNode c : task.taskDefinition.document.path("containerDefinitions")) {
            if (name.equals(c.path("name").asText())) {
                return c;
            }
        }
        return null;
    }

    private static long periodFor(ContainerSpec spec) {
        return switch (LogLines.kindForImage(spec.image())) {
            case ACCESS -> 1_000;
            case PLAIN -> 3_000;
            default -> DEFAULT_PERIOD_MS;
        };
    }
}
