package dev.ecsdeck.provider;

import dev.ecsdeck.model.LogEvent;
import java.util.List;

/** One page of log events in timestamp order; {@code nextToken} is null on the last page. */
public record LogPage(List<LogEvent> events, String nextToken) {
    public LogPage {
        events = List.copyOf(events);
    }
}
