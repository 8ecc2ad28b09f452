package dev.ecsdeck.model;

/**
 * A CloudWatch Logs event. Times are epoch milliseconds, as CloudWatch Logs has them; {@code eventId}
 * is unique per event and is what tails de-duplicate on.
 */
public record LogEvent(String eventId, String logGroupName, String logStreamName, long timestamp, long ingestionTime, String message) {}
