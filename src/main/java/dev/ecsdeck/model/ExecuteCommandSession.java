package dev.ecsdeck.model;

/**
 * What ExecuteCommand answered: the container the command runs in and the Session Manager session
 * ECS opened for it (its token is left out: the console does not hold it, the AWS CLI gets its own).
 */
public record ExecuteCommandSession(String clusterArn, String taskArn, String containerName, String containerArn, String sessionId,
        String streamUrl) {}
