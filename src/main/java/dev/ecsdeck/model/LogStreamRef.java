package dev.ecsdeck.model;

/**
 * A log stream to follow, with what it belongs to: {@code taskId} and {@code containerName} are
 * null for a stream chosen by hand.
 */
public record LogStreamRef(String logGroupName, String logStreamName, String taskId, String containerName) {}
