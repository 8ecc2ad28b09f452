package dev.ecsdeck.sim.elb;

import java.time.Instant;

/** A registered target's health as ECS reads it: state, ELB reason code and description (null when healthy), and since when. */
public record TargetHealthState(String state, String reasonCode, String description, Instant since) {}
