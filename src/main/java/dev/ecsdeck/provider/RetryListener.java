package dev.ecsdeck.provider;

/** Told when a backend retries a call (throttled or failed), so the status bar can show it. */
@FunctionalInterface
public interface RetryListener {
    /** {@code attempt} is 2 for the first retry. */
    void retried(String apiName, int attempt);
}
