package dev.ecsdeck.provider;

/** Told when a backend retries a call (throttled or failed), so the status bar can show it. */
@FunctionalInterface
public interface RetryListener {
    /** {@code attempt} is 2 for the first retry. */
    void retried(String apiName, int attempt);

    /**
     * The same, with the error code of the attempt that failed (e.g. "ThrottlingException"; null when
     * unknown, such as a connection that broke), for listeners that tell throttling from failures.
     */
    default void retried(String apiName, int attempt, String errorCode) {
        retried(apiName, attempt);
    }
}
