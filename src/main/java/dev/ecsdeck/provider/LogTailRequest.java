package dev.ecsdeck.provider;

import dev.ecsdeck.model.LogStreamRef;
import java.util.List;

/** Follow these streams from {@code startTime} (epoch ms) on, for as long as the subscription is open. */
public record LogTailRequest(List<LogStreamRef> streams, long startTime) {
    public LogTailRequest {
        streams = List.copyOf(streams);
    }
}
