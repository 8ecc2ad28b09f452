package dev.ecsdeck.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.TaskDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Task-definition documents (the ECS JSON): the model's {@link TaskDefinition} summary of a describe
 * document, for every backend, and the RegisterTaskDefinition request made from a describe document
 * or a draft.
 */
public final class TaskDefinitionDocuments {
    /** Members of a describe result that ECS sets and a register request does not carry. */
    public static final Set<String> READ_ONLY_FIELDS = Set.of("taskDefinitionArn", "revision", "status",
            "requiresAttributes", "compatibilities", "registeredAt", "registeredBy", "deregisteredAt", "deleteRequestedAt");

    private TaskDefinitionDocuments() {}

    /**
     * A RegisterTaskDefinition request from a describe document or a draft: the read-only members
     * removed, everything else as it was (order included), printed with a 2-space indent.
     *
     * @throws InvalidJsonException (an IllegalArgumentException) with the line and column, when the
     *     text is not a JSON object
     */
    public static String toRegisterRequest(String json) {
        ObjectNode request = Json.parseObject(json);
        request.remove(READ_ONLY_FIELDS);
        return Json.pretty(request);
    }

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
