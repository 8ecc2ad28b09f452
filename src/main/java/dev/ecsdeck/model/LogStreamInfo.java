package dev.ecsdeck.model;

/**
 * A log stream, as DescribeLogStreams lists it (epoch ms); the event times are null for a stream
 * that has no events yet.
 */
public record LogStreamInfo(String logStreamName, long creationTime, Long firstEventTimestamp, Long lastEventTimestamp) {}
