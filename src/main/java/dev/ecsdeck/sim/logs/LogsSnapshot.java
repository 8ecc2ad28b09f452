package dev.ecsdeck.sim.logs;

import dev.ecsdeck.model.LogEvent;
import java.util.List;

/** CloudWatch Logs' state as plain data, for the state file: log groups and their streams (what was written and what will be). */
public final class LogsSnapshot {
    private LogsSnapshot() {}

    public record LogGroupState(String name, long createdMs, List<LogStreamState> streams) {}

    public record LogStreamState(int number, String name, LogLines.Kind kind, long seed, String source, long startMs, long periodMs,
            Long endMs, List<LogEvent> written) {}
}
