package dev.ecsdeck.model;

/** A name/value pair, as ECS uses for cluster settings, environment variables and attributes. */
public record KeyValue(String name, String value) {}
