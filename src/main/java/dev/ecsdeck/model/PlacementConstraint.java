package dev.ecsdeck.model;

/** A placement constraint: type distinctInstance or memberOf (with a cluster query language expression). */
public record PlacementConstraint(String type, String expression) {}
