package dev.ecsdeck.taskdef;

import static dev.ecsdeck.taskdef.JsonMembers.integer;
import static dev.ecsdeck.taskdef.JsonMembers.objects;
import static dev.ecsdeck.taskdef.JsonMembers.putInt;
import static dev.ecsdeck.taskdef.JsonMembers.putStrings;
import static dev.ecsdeck.taskdef.JsonMembers.putText;
import static dev.ecsdeck.taskdef.JsonMembers.scalarText;
import static dev.ecsdeck.taskdef.JsonMembers.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A task definition being edited: the document, and the form's common fields read from and
 * written into it. Every setter changes the document at once; null removes the member. Members the
 * form does not know, and the order of members, stay as they are, and a member that is set again
 * keeps its place. Getters are lenient: a value of the wrong JSON type reads as absent (the
 * validator reports it). Containers are addressed by index; an index out of range throws
 * IndexOutOfBoundsException. Not thread-safe: one draft belongs to one editor.
 */
public final class TaskDefinitionDraft {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    public record PortMapping(Integer containerPort, Integer hostPort, String protocol) {}

    /** {@code options} keep their order; null when the configuration has none. */
    public record LogSettings(String logDriver, Map<String, String> options) {
        public LogSettings {
            options = options == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }
    }

    public record HealthCheck(List<String> command, Integer interval, Integer timeout, Integer retries, Integer startPeriod) {
        public HealthCheck {
            command = command == null ? null : Collections.unmodifiableList(new ArrayList<>(command));
        }
    }

    private final ObjectNode doc;

    private TaskDefinitionDraft(ObjectNode doc) {
        this.doc = doc;
    }

    /** @throws InvalidJsonException (an IllegalArgumentException) with line and column, when not a JSON object */
    public static TaskDefinitionDraft parse(String json) {
        return new TaskDefinitionDraft(Json.parseObject(json));
    }

    /** The document, pretty-printed with a 2-space indent. */
    public String toJson() {
        return Json.pretty(doc);
    }

    // ---- task level

    public String family() {
        return scalarText(doc, "family");
    }

    public void family(String v) {
        putText(doc, "family", v);
    }

    /** Task cpu as written: "256", "1 vCPU"... */
    public String cpu() {
        return scalarText(doc, "cpu");
    }

    public void cpu(String v) {
        putText(doc, "cpu", v);
    }

    /** Task memory as written: "512", "2 GB"... */
    public String memory() {
        return scalarText(doc, "memory");
    }

    public void memory(String v) {
        putText(doc, "memory", v);
    }

    public String networkMode() {
        return scalarText(doc, "networkMode");
    }

    public void networkMode(String v) {
        putText(doc, "networkMode", v);
    }

    public List<String> requiresCompatibilities() {
        return strings(doc.get("requiresCompatibilities"));
    }

    public void requiresCompatibilities(List<String> v) {
        putStrings(doc, "requiresCompatibilities", v);
    }

    public String taskRoleArn() {
        return scalarText(doc, "taskRoleArn");
    }

    public void taskRoleArn(String v) {
        putText(doc, "taskRoleArn", v);
    }

    public String executionRoleArn() {
        return scalarText(doc, "executionRoleArn");
    }

    public void executionRoleArn(String v) {
        putText(doc, "executionRoleArn", v);
    }

    // ---- containers

    public int containerCount() {
        JsonNode defs = doc.get("containerDefinitions");
        return defs != null && defs.isArray() ? defs.size() : 0;
    }

    /** Each container's name, in order; null for a container without one. */
    public List<String> containerNames() {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < containerCount(); c++) {
            names.add(containerName(c));
        }
        return Collections.unmodifiableList(names);
    }

    public String containerName(int c) {
        return scalarText(read(c), "name");
    }

    public void containerName(int c, String v) {
        putText(write(c), "name", v);
    }

    /** Appends a container with a name and an image; returns its index. */
    public int addContainer(String name, String image) {
        JsonNode defs = doc.get("containerDefinitions");
        ArrayNode list = defs != null && defs.isArray() ? (ArrayNode) defs : doc.putArray("containerDefinitions");
        ObjectNode c = list.addObject();
        putText(c, "name", name);
        putText(c, "image", image);
        return list.size() - 1;
    }

    public void removeContainer(int c) {
        read(c);
        ((ArrayNode) doc.get("containerDefinitions")).remove(c);
    }

    public String image(int c) {
        return scalarText(read(c), "image");
    }

    public void image(int c, String v) {
        putText(write(c), "image", v);
    }

    public Integer containerCpu(int c) {
        return integer(read(c), "cpu");
    }

    public void containerCpu(int c, Integer v) {
        putInt(write(c), "cpu", v);
    }

    /** The container's hard memory limit (MiB). */
    public Integer memory(int c) {
        return integer(read(c), "memory");
    }

    public void memory(int c, Integer v) {
        putInt(write(c), "memory", v);
    }

    public Integer memoryReservation(int c) {
        return integer(read(c), "memoryReservation");
    }

    public void memoryReservation(int c, Integer v) {
        putInt(write(c), "memoryReservation", v);
    }

    /** ECS's default: a container is essential unless it says false. */
    public boolean essential(int c) {
        JsonNode v = read(c) == null ? null : read(c).get("essential");
        return v == null || !v.isBoolean() || v.booleanValue();
    }

    public void essential(int c, boolean v) {
        write(c).put("essential", v);
    }

    /** Environment variables by name, in document order. */
    public Map<String, String> environment(int c) {
        return pairs(read(c), "environment", "value");
    }

    public void environment(int c, Map<String, String> v) {
        putPairs(write(c), "environment", "value", v);
    }

    /** Secrets: name to valueFrom (an ARN), in document order. */
    public Map<String, String> secrets(int c) {
        return pairs(read(c), "secrets", "valueFrom");
    }

    public void secrets(int c, Map<String, String> v) {
        putPairs(write(c), "secrets", "valueFrom", v);
    }

    public List<PortMapping> portMappings(int c) {
        List<PortMapping> out = new ArrayList<>();
        for (ObjectNode pm : objects(read(c), "portMappings")) {
            out.add(new PortMapping(integer(pm, "containerPort"), integer(pm, "hostPort"),
                    scalarText(pm, "protocol")));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Replaces the port mappings. A mapping keeps the members the form does not show (name,
     * appProtocol...) of the existing mapping with the same containerPort.
     */
    public void portMappings(int c, List<PortMapping> v) {
        ObjectNode container = write(c);
        if (v == null) {
            container.remove("portMappings");
            return;
        }
        List<ObjectNode> existing = objects(container, "portMappings");
        ArrayNode out = NODES.arrayNode();
        for (PortMapping pm : v) {
            Objects.requireNonNull(pm, "a port mapping");
            ObjectNode element = takeByContainerPort(existing, pm.containerPort());
            putInt(element, "containerPort", pm.containerPort());
            putInt(element, "hostPort", pm.hostPort());
            putText(element, "protocol", pm.protocol());
            out.add(element);
        }
        container.set("portMappings", out);
    }

    /** Null when the container has no log configuration. */
    public LogSettings logConfiguration(int c) {
        JsonNode log = read(c) == null ? null : read(c).get("logConfiguration");
        if (log == null || !log.isObject()) {
            return null;
        }
        JsonNode options = log.get("options");
        Map<String, String> map = null;
        if (options != null && options.isObject()) {
            map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), e.getValue().isValueNode() && !e.getValue().isNull() ? e.getValue().asText() : null);
            }
        }
        return new LogSettings(scalarText(log, "logDriver"), map);
    }

    /** Sets driver and options; other members of the configuration (secretOptions) stay. */
    public void logConfiguration(int c, LogSettings v) {
        ObjectNode container = write(c);
        if (v == null) {
            container.remove("logConfiguration");
            return;
        }
        ObjectNode log = objectMember(container, "logConfiguration");
        putText(log, "logDriver", v.logDriver());
        if (v.options() == null) {
            log.remove("options");
        } else {
            ObjectNode options = log.putObject("options");
            v.options().forEach((k, value) -> putText(options, k, value));
        }
    }

    /** Null when the container has no health check. */
    public HealthCheck healthCheck(int c) {
        JsonNode hc = read(c) == null ? null : read(c).get("healthCheck");
        if (hc == null || !hc.isObject()) {
            return null;
        }
        JsonNode command = hc.get("command");
        return new HealthCheck(command != null && command.isArray() ? strings(command) : null, integer(hc, "interval"),
                integer(hc, "timeout"), integer(hc, "retries"), integer(hc, "startPeriod"));
    }

    public void healthCheck(int c, HealthCheck v) {
        ObjectNode container = write(c);
        if (v == null) {
            container.remove("healthCheck");
            return;
        }
        ObjectNode hc = objectMember(container, "healthCheck");
        putStrings(hc, "command", v.command());
        putInt(hc, "interval", v.interval());
        putInt(hc, "timeout", v.timeout());
        putInt(hc, "retries", v.retries());
        putInt(hc, "startPeriod", v.startPeriod());
    }

    // ---- helpers

    /** The container to read, or null when that element is not an object. */
    private ObjectNode read(int c) {
        if (c < 0 || c >= containerCount()) {
            throw new IndexOutOfBoundsException("No container " + c + ": the draft has " + containerCount() + ".");
        }
        JsonNode node = doc.get("containerDefinitions").get(c);
        return node.isObject() ? (ObjectNode) node : null;
    }

    private ObjectNode write(int c) {
        ObjectNode node = read(c);
        if (node == null) {
            throw new IllegalStateException("containerDefinitions[" + c + "] is not an object; fix it in the JSON first.");
        }
        return node;
    }

    /** The object member to update in place, created (or replacing a value of another type) when needed. */
    private static ObjectNode objectMember(ObjectNode parent, String field) {
        JsonNode existing = parent.get(field);
        return existing != null && existing.isObject() ? (ObjectNode) existing : parent.putObject(field);
    }

    private static ObjectNode takeByContainerPort(List<ObjectNode> existing, Integer containerPort) {
        for (Iterator<ObjectNode> it = existing.iterator(); it.hasNext();) {
            ObjectNode candidate = it.next();
            if (containerPort != null && containerPort.equals(integer(candidate, "containerPort"))) {
                it.remove();
                return candidate;
            }
        }
        return NODES.objectNode();
    }

    private static Map<String, String> pairs(JsonNode container, String field, String valueMember) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ObjectNode pair : objects(container, field)) {
            String name = scalarText(pair, "name");
            if (name != null) {
                JsonNode value = pair.get(valueMember);
                out.put(name, value != null && value.isValueNode() && !value.isNull() ? value.asText() : null);
            }
        }
        return out;
    }

    private static void putPairs(ObjectNode container, String field, String valueMember, Map<String, String> v) {
        if (v == null) {
            container.remove(field);
            return;
        }
        ArrayNode list = NODES.arrayNode();
        v.forEach((name, value) -> {
            ObjectNode pair = list.addObject();
            pair.put("name", name);
            putText(pair, valueMember, value);
        });
        container.set(field, list);
    }
}
