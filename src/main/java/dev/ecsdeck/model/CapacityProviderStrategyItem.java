package dev.ecsdeck.model;

/** One entry of a capacity provider strategy. */
public record CapacityProviderStrategyItem(String capacityProvider, Integer weight, Integer base) {}
