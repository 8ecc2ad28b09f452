package dev.ecsdeck.ui.logs;

/** One line in a log view: when, from which task and container, and what. {@code source} indexes the tail's sources (for colour). */
public record LogLine(long timestamp, String eventId, int source, String taskId, String container, String message) {}
