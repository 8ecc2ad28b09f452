package dev.ecsdeck.model;

/** A port a container is reachable on. */
public record NetworkBinding(String bindIP, Integer containerPort, Integer hostPort, String protocol) {}
