package dev.ecsdeck.provider;

/** Told of every call a {@link ObservedEcsProvider} makes: for the status bar's in-flight count and last error. */
public interface CallObserver {
    void started(Operation operation);

    /** The call ended; {@code failure} is null when it succeeded. */
    void finished(Operation operation, EcsException failure);
}
