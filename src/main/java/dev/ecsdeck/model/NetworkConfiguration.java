package dev.ecsdeck.model;

/** The network configuration of a service or a run task call. */
public record NetworkConfiguration(AwsVpcConfiguration awsvpcConfiguration) {}
