package dev.ecsdeck.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Makes two spellings of the same task definition equal: a register request and the describe
 * result ECS returns for it, or two revisions that differ only in what ECS fills in. Read-only
 * members go; null members, empty lists and empty objects are the same as absent; ECS's defaults
 * are filled in (networkMode bridge, essential true, container cpu 0, protocol tcp, hostPort equal
 * to containerPort in awsvpc and host mode, 0 otherwise), so that changing a default shows as a
 * change of its value; task cpu and memory become units ("1 vCPU" is "1024", "2 GB" is "2048");
 * requiresCompatibilities, a set, is sorted. Values of the wrong type are left as they are.
 */
final class TaskDefinitionNormalizer {
    private TaskDefinitionNormalizer() {}

    static ObjectNode normalize(ObjectNode document) {
        ObjectNode doc = document.deepCopy();
        doc.remove(TaskDefinitionDocuments.READ_ONLY_FIELDS);
        dropEmpty(doc);
        if (!doc.has("networkMode")) {
            doc.put("networkMode", "bridge");
        }
        size(doc, "cpu", true);
        size(doc, "memory", false);
        sortStrings(doc, "requiresCompatibilities");
        String networkMode = doc.path("networkMode").asText();
        boolean sameHost = networkMode.equals("awsvpc") || networkMode.equals("host");
        for (JsonNode c : doc.path("containerDefinitions")) {
            if (c.isObject()) {
                container((ObjectNode) c, sameHost);
            }
        }
        return doc;
    }

    private static void container(ObjectNode c, boolean sameHost) {
        if (!c.has("essential")) {
            c.put("essential", true);
        }
        if (!c.has("cpu")) {
            c.put("cpu", 0);
        }
        for (JsonNode pm : c.path("portMappings")) {
            if (!pm.isObject()) {
                continue;
            }
            ObjectNode mapping = (ObjectNode) pm;
            if (!mapping.has("protocol")) {
                mapping.put("protocol", "tcp");
            }
            JsonNode containerPort = mapping.get("containerPort");
            JsonNode hostPort = mapping.get("hostPort");
            boolean noHostPort = hostPort == null || (hostPort.isIntegralNumber() && hostPort.canConvertToInt() && hostPort.intValue() == 0);
            if (containerPort != null && noHostPort) {
                // awsvpc and host have no port translation; elsewhere 0 asks for a dynamic port
                mapping.set("hostPort", sameHost ? containerPort : mapping.numberNode(0));
            }
        }
    }

    /** Removes null members and members holding an empty list or object, depth first. */
    private static void dropEmpty(JsonNode node) {
        if (node.isObject()) {
            List<String> empty = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                dropEmpty(e.getValue());
                JsonNode v = e.getValue();
                if (v.isNull() || (v.isContainerNode() && v.isEmpty())) {
                    empty.add(e.getKey());
                }
            }
            ((ObjectNode) node).remove(empty);
        } else if (node.isArray()) {
            node.forEach(TaskDefinitionNormalizer::dropEmpty);
        }
    }

    private static void size(ObjectNode doc, String field, boolean cpu) {
        Integer units = TaskSizes.units(doc.get(field), cpu);
        if (units != null) {
            doc.put(field, String.valueOf(units));
        }
    }

    private static void sortStrings(ObjectNode doc, String field) {
        JsonNode list = doc.get(field);
        if (list == null || !list.isArray()) {
            return;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode v : list) {
            if (!v.isTextual()) {
                return;
            }
            values.add(v.asText());
        }
        values.sort(null);
        ArrayNode sorted = doc.putArray(field);
        values.forEach(sorted::add);
    }
}
