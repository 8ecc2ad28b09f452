package dev.ecsdeck.model;

import java.time.Instant;

/** One sample of a time series. */
public record MetricPoint(Instant time, double value) {}
