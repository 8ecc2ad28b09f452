package dev.ecsdeck.provider;

import dev.ecsdeck.model.LogStreamRef;
import java.util.List;

/**
 * Follow these streams from {@code startTime} (epoch ms) on, for as long as the subscription is open;
 * with an {@code endTime} (a stopped task's streams), only the events up to it (null: no end).
 */
public record LogTailRequest(List<LogStreamRef> streams, long startTime, Long endTime) {
    public LogTailRequest {
        streams = List.copyOf(streams);
    }

    public LogTailRequest(List<LogStreamRef> streams, long startTime) {
        this(streams, startTime, null);
    }
}
