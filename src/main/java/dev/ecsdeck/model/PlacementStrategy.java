package dev.ecsdeck.model;

/** A placement strategy: type binpack (field cpu or memory), spread (field an attribute) or random. */
public record PlacementStrategy(String type, String field) {}
