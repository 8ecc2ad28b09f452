package dev.ecsdeck.model;

/** A CloudWatch Logs log group, as DescribeLogGroups lists it (creation time in epoch ms). */
public record LogGroupInfo(String logGroupName, long creationTime, long storedBytes) {}
