package dev.ecsdeck.provider;

import dev.ecsdeck.model.LogStreamRef;
import java.util.Collection;

/** A running log tail; closing it stops it. */
public interface LogSubscription extends AutoCloseable {
    @Override
    void close();

    /**
     * The streams will get no more lines (their task stopped, and its last lines had time to be
     * ingested): read what is still unread, then end, telling the sink {@link TailStatus.State#ENDED}
     * (or {@link TailStatus.State#STOPPED}). By default the tail stops at once: a tail whose lines are
     * pushed to it has nothing left to read.
     */
    default void finish() {
        close();
    }

    /**
     * These streams (some of the tail's) will get no more lines (their task stopped, and its last lines
     * had time to be ingested): read what is still unread of them, then stop reading them, while the
     * others go on. By default nothing changes: a tail whose lines are pushed to it pays nothing for a
     * quiet stream.
     */
    default void finish(Collection<LogStreamRef> streams) {}
}
