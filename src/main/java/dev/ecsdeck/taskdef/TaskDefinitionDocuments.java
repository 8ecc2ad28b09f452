package dev.ecsdeck.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.model.TaskDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the model's {@link TaskDefinition} summary out of a describe document (the ECS JSON), for every backend. */
public final class TaskDefinitionDocuments {
    private TaskDefinitionDocuments() {}

    public static TaskDefinition toModel(JsonNode doc) {
        List<String> requires = new ArrayList<>();
        doc.path("requiresCompatibilities").forEach(n -> requires.add(n.asText()));
        List<String> names = new ArrayList<>();
        doc.path("containerDefinitions").forEach(c -> names.add(c.path("name").asText()));
        return new TaskDefinition(text(doc, "taskDefinitionArn"), text(doc, "family"), doc.path("revision").asInt(),
                text(doc, "status"), text(doc, "networkMode"), text(doc, "cpu"), text(doc, "memory"), requires, names,
                time(doc, "registeredAt"), text(doc, "registeredBy"), time(doc, "deregisteredAt"), doc.toString());
    }

    private static String text(JsonNode doc, String field) {
        JsonNode n = doc.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** Epoch seconds (with fraction) as the wire has them. */
    static Instant time(JsonNode doc, String field) {
        JsonNode n = doc.get(field);
        if (n == null || !n.isNumber()) {
            return null;
        }
        BigDecimal s = n.decimalValue();
        return Instant.ofEpochSecond(s.longValue(), s.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
}
