package dev.ecsdeck.model;

/** A resource tag. */
public record Tag(String key, String value) {}
