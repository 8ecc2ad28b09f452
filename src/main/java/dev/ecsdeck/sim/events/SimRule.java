package dev.ecsdeck.sim.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One EventBridge rule on the default event bus, as PutRule last set it, with its targets by id. */
final class SimRule {
    final String name;
    final String arn;
    String scheduleExpression;
    ScheduleExpression schedule;
    String eventPattern;
    String state;
    String description;
    String roleArn;
    Map<String, String> tags = new LinkedHashMap<>();
    /** Each target as PutTargets gave it (the wire document, returned as it came), by id in the order first put. */
    final Map<String, JsonNode> targets = new LinkedHashMap<>();
    /** When a rate started counting (the rule's schedule was last set); rates fire at anchor + k × period. */
    Instant anchor;
    /** The next fire time, or null when the rule has no schedule (or it is disabled, or its cron has no more times). */
    Instant nextFire;

    SimRule(String name, String arn) {
        this.name = name;
        this.arn = arn;
    }

    boolean enabled() {
        return state.startsWith("ENABLED");
    }
}
