package dev.ecsdeck.provider;

/** A running log tail; closing it stops it. */
public interface LogSubscription extends AutoCloseable {
    @Override
    void close();
}
