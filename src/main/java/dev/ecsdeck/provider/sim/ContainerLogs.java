package dev.ecsdeck.provider.sim;

/**
 * Connects tasks to their awslogs streams: a container's stream
 * ({@code <prefix>/<container>/<task id>} in its awslogs group) opens when the task starts running
 * and closes when it stops; a crash leaves its last lines in the stream.
 */
final class ContainerLogs {
    /** One line every two seconds for a typical container. */
    static final long DEFAULT_PERIOD_MS = 2_000;

    private final SimLogs logs;
    private final long seed;

    ContainerLogs(SimLogs logs, long seed) {
        this.logs = logs;
        this.seed = seed;
    }

    void started(SimTask task) {
        long start = task.startedAt.toEpochMilli();
        for (SimContainer c : task.containers) {
            ContainerSpec.LogSpec log = c.spec.log();
            if (log != null) {
                String stream = log.streamName(c.spec.name(), task.id, c.runtimeId);
                long streamSeed = SimLogs.mix(seed, stream.hashCode());
                LogLines lines = new LogLines(LogLines.kindForImage(c.spec.image()), streamSeed, c.spec.name());
                logs.open(log.group(), stream, lines, start, periodFor(c.spec));
            }
        }
    }

    void crashed(SimTask task) {
        long at = task.stoppingAt.toEpochMilli();
        for (SimContainer c : task.containers) {
            ContainerSpec.LogSpec log = c.spec.log();
            if (log != null && c.exitCode != null) {
                String stream = log.streamName(c.spec.name(), task.id, c.runtimeId);
                logs.write(log.group(), stream, at - 40, "ERROR Unhandled exception during startup: java.net.ConnectException: "
                        + "Connection refused (db.internal:5432)");
                logs.write(log.group(), stream, at - 20, "ERROR Application run failed; shutting down");
                logs.write(log.group(), stream, at, "Process exited with code " + c.exitCode);
                logs.close(log.group(), stream, at); // the process is gone: nothing more is written
            }
        }
    }

    void stopped(SimTask task) {
        long end = (task.executionStoppedAt != null ? task.executionStoppedAt : task.stoppedAt).toEpochMilli();
        for (SimContainer c : task.containers) {
            ContainerSpec.LogSpec log = c.spec.log();
            if (log != null && task.startedAt != null) {
                logs.close(log.group(), log.streamName(c.spec.name(), task.id, c.runtimeId), end);
            }
        }
    }

    private static long periodFor(ContainerSpec spec) {
        return switch (LogLines.kindForImage(spec.image())) {
            case ACCESS -> 1_000;
            case PLAIN -> 3_000;
            default -> DEFAULT_PERIOD_MS;
        };
    }
}
