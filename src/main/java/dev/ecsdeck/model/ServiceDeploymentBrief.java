package dev.ecsdeck.model;

import java.time.Instant;

/** A service deployment as ListServiceDeployments lists it. */
public record ServiceDeploymentBrief(String serviceDeploymentArn, String serviceArn, String clusterArn, Instant startedAt, Instant createdAt,
        Instant finishedAt, String targetServiceRevisionArn, String status, String statusReason) {}
