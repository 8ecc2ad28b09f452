package dev.ecsdeck.model;

/** The ECS agent's and Docker's versions on a container instance. */
public record VersionInfo(String agentVersion, String agentHash, String dockerVersion) {}
