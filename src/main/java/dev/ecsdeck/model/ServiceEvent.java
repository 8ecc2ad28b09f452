package dev.ecsdeck.model;

import java.time.Instant;

/** A service event, such as "(service web) has reached a steady state.". */
public record ServiceEvent(String id, Instant createdAt, String message) {}
