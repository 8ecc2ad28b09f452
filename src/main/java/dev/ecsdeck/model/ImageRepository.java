package dev.ecsdeck.model;

import java.time.Instant;

/** An ECR repository (DescribeRepositories); {@code repositoryUri} is what a task definition's image starts with. */
public record ImageRepository(String repositoryName, String repositoryArn, String repositoryUri, Instant createdAt) {}
