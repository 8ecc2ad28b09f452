package dev.ecsdeck.provider;

import dev.ecsdeck.model.LogEvent;
import java.util.List;

/**
 * Receives a tail's events in batches, on the tail's own thread: implementations hand them on and
 * return quickly (the UI queues them and drains the queue on a timer).
 */
public interface LogSink {
    void accept(List<LogEvent> batch);

    /** The tail's connection state changed: live, retrying after an error, or stopped. */
    default void status(TailStatus status) {}
}
