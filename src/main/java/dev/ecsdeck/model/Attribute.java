package dev.ecsdeck.model;

/** A container instance attribute such as ecs.availability-zone. */
public record Attribute(String name, String value) {}
