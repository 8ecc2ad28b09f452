package dev.ecsdeck.provider;

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
}
