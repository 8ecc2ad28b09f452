package dev.ecsdeck.sim.ecs;

/** One account setting as ECS answers it: name, value, the principal it is for, and type (user, or aws_managed). */
public record AccountSetting(String name, String value, String principalArn, String type) {}
