package dev.ecsdeck.sim.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimIds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The simulator's task definitions: families of revisions, registered and deregistered as ECS does. */
final class TaskDefinitionRegistry {
    /** Who registered a task definition (and created a service): the simulator's IAM user in the account. */
    static String registeredBy(String account) {
        return "arn:aws:iam::" + account + ":user/ecs-deck-sim";
    }

    /** Members of a describe result that a register request does not carry. */
    static final Set<String> READ_ONLY_FIELDS = Set.of("taskDefinitionArn", "revision", "status", "requiresAttributes",
            "compatibilities", "registeredAt", "registeredBy", "deregisteredAt", "deleteRequestedAt");
    /** The members of RegisterTaskDefinitionRequest; ECS ignores any other member of the request. */
    private static final Set<String> REQUEST_MEMBERS = Set.of("family", "taskRoleArn", "executionRoleArn", "networkMode",
            "containerDefinitions", "volumes", "placementConstraints", "requiresCompatibilities", "cpu", "memory", "tags",
            "pidMode", "ipcMode", "proxyConfiguration", "inferenceAccelerators", "ephemeralStorage", "runtimePlatform",
            "enableFaultInjection");
    /**
     * The JSON type the wire protocol fixes for members: "[{" a list of structures, "[" a list of
     * strings, "{" a structure or map. A mismatch fails deserialization, before ECS looks at values.
     */
    private static final Map<String, String> REQUEST_SHAPES = Map.ofEntries(Map.entry("containerDefinitions", "[{"),
            Map.entry("volumes", "[{"), Map.entry("placementConstraints", "[{"), Map.entry("requiresCompatibilities", "["),
            Map.entry("tags", "[{"), Map.entry("inferenceAccelerators", "[{"), Map.entry("proxyConfiguration", "{"),
            Map.entry("ephemeralStorage", "{"), Map.entry("runtimePlatform", "{"));
    private static final Map<String, String> CONTAINER_SHAPES = Map.ofEntries(Map.entry("portMappings", "[{"),
            Map.entry("environment", "[{"), Map.entry("environmentFiles", "[{"), Map.entry("mountPoints", "[{"),
            Map.entry("volumesFrom", "[{"), Map.entry("secrets", "[{"), Map.entry("dependsOn", "[{"),
            Map.entry("extraHosts", "[{"), Map.entry("ulimits", "[{"), Map.entry("systemControls", "[{"),
            Map.entry("resourceRequirements", "[{"), Map.entry("links", "["), Map.entry("entryPoint", "["),
            Map.entry("command", "["), Map.entry("dnsServers", "["), Map.entry("dnsSearchDomains", "["),
            Map.entry("dockerSecurityOptions", "["), Map.entry("credentialSpecs", "["), Map.entry("logConfiguration", "{"),
            Map.entry("firelensConfiguration", "{"), Map.entry("healthCheck", "{"), Map.entry("linuxParameters", "{"),
            Map.entry("repositoryCredentials", "{"), Map.entry("dockerLabels", "{"), Map.entry("restartPolicy", "{"));
    /** Shapes one level further down, inside a container's structures. */
    private static final Map<String, Map<String, String>> NESTED_SHAPES = Map.of(
            "logConfiguration", Map.of("options", "{", "secretOptions", "[{"),
            "firelensConfiguration", Map.of("options", "{"),
            "healthCheck", Map.of("command", "["),
            "linuxParameters", Map.of("capabilities", "{", "devices", "[{", "tmpfs", "[{"),
            "restartPolicy", Map.of("ignoredExitCodes", "["));

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, List<SimTaskDefinition>> families = new TreeMap<>();
    private final TaskDefinitionRules rules = new TaskDefinitionRules();

    SimTaskDefinition register(String requestJson, Instant now, SimIds ids) {
        JsonNode request;
        try {
            request = json.readTree(requestJson);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new SimApiException("SerializationException", "Invalid JSON at line " + (loc == null ? "?" : loc.getLineNr())
                    + ", column " + (loc == null ? "?" : loc.getColumnNr()) + ": " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            throw new SimApiException("SerializationException", "The request must be a JSON object.");
        }
        return register((ObjectNode) request, now, ids);
    }

    SimTaskDefinition register(ObjectNode request, Instant now, SimIds ids) {
        checkShapes(request, REQUEST_SHAPES);
        for (JsonNode container : request.path("containerDefinitions")) {
            checkShapes(container, CONTAINER_SHAPES);
            NESTED_SHAPES.forEach((member, shapes) -> {
                if (container.path(member).isObject()) {
                    checkShapes(container.get(member), shapes);
                }
            });
        }
        TaskDefinitionRules.Checked checked = rules.check(request);
        String family = checked.family();
        List<SimTaskDefinition> revisions = families.computeIfAbsent(family, f -> new ArrayList<>());
        int revision = revisions.isEmpty() ? 1 : revisions.get(revisions.size() - 1).revision + 1;
        String arn = ids.taskDefinitionArn(family, revision);

        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("taskDefinitionArn", arn);
        doc.set("containerDefinitions", checked.containerDefinitions());
        doc.put("family", family);
        copyIfPresent(request, doc, "taskRoleArn", "executionRoleArn");
        doc.put("networkMode", checked.networkMode());
        doc.put("revision", revision);
        doc.set("volumes", request.has("volumes") ? request.get("volumes").deepCopy() : JsonNodeFactory.instance.arrayNode());
        doc.put("status", "ACTIVE");
        doc.set("requiresAttributes", JsonNodeFactory.instance.arrayNode());
        doc.set("placementConstraints", request.has("placementConstraints")
                ? request.get("placementConstraints").deepCopy() : JsonNodeFactory.instance.arrayNode());
        ArrayNode compatibilities = doc.putArray("compatibilities");
        compatibilities.add("EC2");
        if (checked.fargateCompatible()) {
            compatibilities.add("FARGATE");
        }
        ArrayNode requires = doc.putArray("requiresCompatibilities");
        checked.requiresCompatibilities().forEach(requires::add);
        if (checked.cpu() != null) {
            doc.put("cpu", String.valueOf(checked.cpu()));
        }
        if (checked.memory() != null) {
            doc.put("memory", String.valueOf(checked.memory()));
        }
        request.fields().forEachRemaining(e -> {
            if (!doc.has(e.getKey()) && REQUEST_MEMBERS.contains(e.getKey()) && !"tags".equals(e.getKey())
                    && !e.getValue().isNull()) {
                doc.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        doc.put("registeredAt", epochSeconds(now));
        doc.put("registeredBy", registeredBy(ids.account()));

        SimTaskDefinition td = new SimTaskDefinition(arn, family, revision, doc, checked.containers(), checked.networkMode(),
                checked.requiresCompatibilities(), checked.cpu(), checked.memory(), now);
        revisions.add(td);
        return td;
    }

    /** Puts back a saved revision exactly as it was (same ARN, revision, times and status). */
    SimTaskDefinition restore(ObjectNode doc, String status, Instant registeredAt, Instant deregisteredAt) {
        TaskDefinitionRules.Checked checked = rules.check(doc);
        int revision = doc.path("revision").asInt();
        SimTaskDefinition td = new SimTaskDefinition(doc.path("taskDefinitionArn").asText(), checked.family(), revision, doc,
                checked.containers(), checked.networkMode(), checked.requiresCompatibilities(), checked.cpu(), checked.memory(),
                registeredAt);
        td.status = status;
        td.deregisteredAt = deregisteredAt;
        List<SimTaskDefinition> revisions = families.computeIfAbsent(td.family, f -> new ArrayList<>());
        revisions.add(td);
        revisions.sort(java.util.Comparator.comparingInt(r -> r.revision));
        return td;
    }

    /** Members in document order, so that of several mismatches the first one is reported, every time. */
    private static void checkShapes(JsonNode node, Map<String, String> shapes) {
        node.fieldNames().forEachRemaining(member -> {
            String shape = shapes.get(member);
            JsonNode value = node.get(member);
            if (shape == null || value.isNull()) {
                return;
            }
            expect(value, shape.charAt(0), member);
            if (shape.length() > 1) {
                value.forEach(element -> expect(element, shape.charAt(1), member));
            } else if (shape.equals("[")) {
                value.forEach(element -> expect(element, '"', member));
            }
        });
    }

    /** The AWS JSON protocol's deserialization errors, worded as the service framework words them. */
    private static void expect(JsonNode value, char kind, String member) {
        if (kind == '[' ? value.isArray() : kind == '{' ? value.isObject() : value.isValueNode()) {
            return;
        }
        if (value.isObject()) {
            throw new SimApiException("SerializationException", "Start of structure or map found where not expected.");
        }
        if (value.isArray()) {
            throw new SimApiException("SerializationException", "Start of list found where not expected.");
        }
        throw new SimApiException("SerializationException", "Expected " + (kind == '[' ? "a list" : "a structure")
                + " for '" + member + "', found " + value.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
    }

    static BigDecimal epochSeconds(Instant t) {
        return BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3);
    }

    private static void copyIfPresent(JsonNode from, ObjectNode to, String... names) {
        for (String n : names) {
            if (from.hasNonNull(n)) {
                to.set(n, from.get(n).deepCopy());
            }
        }
    }

    /** A revision by family (latest ACTIVE), family:revision or ARN. */
    SimTaskDefinition resolve(String ref) {
        if (ref == null || ref.isBlank()) {
            throw SimApiException.client("Unable to describe task definition.");
        }
        String name = ref.startsWith("arn:") ? ref.substring(ref.indexOf('/') + 1) : ref;
        int colon = name.lastIndexOf(':');
        List<SimTaskDefinition> revisions = families.get(colon < 0 ? name : name.substring(0, colon));
        if (revisions != null) {
            if (colon < 0) {
                for (int i = revisions.size() - 1; i >= 0; i--) {
                    if (revisions.get(i).active()) {
                        return revisions.get(i);
                    }
                }
            } else {
                try {
                    int rev = Integer.parseInt(name.substring(colon + 1));
                    for (SimTaskDefinition td : revisions) {
                        if (td.revision == rev && !TaskDefinitionDeletions.DELETED.equals(td.status)) {
                            return td;
                        }
                    }
                } catch (NumberFormatException e) {
                    // falls through to the error below, as ECS answers a malformed revision
                }
            }
        }
        throw SimApiException.client("Unable to describe task definition.");
    }

    SimTaskDefinition deregister(String ref, Instant now) {
        String name = ref == null ? "" : ref.startsWith("arn:") ? ref.substring(ref.indexOf('/') + 1) : ref;
        if (!name.contains(":")) {
            throw SimApiException.client("Invalid revision number. Number: " + ref);
        }
        SimTaskDefinition td = resolve(ref);
        if (td.active()) {
            td.status = "INACTIVE";
            td.deregisteredAt = now;
            td.document.put("status", "INACTIVE");
            td.document.put("deregisteredAt", epochSeconds(now));
        }
        return td;
    }

    /** Family names, sorted, that have a revision in the given status (null: any). */
    List<String> families(String status, String prefix) {
        List<String> names = new ArrayList<>();
        families.forEach((family, revisions) -> {
            boolean match = status == null || "ALL".equals(status)
                    || revisions.stream().anyMatch(td -> td.status.equals(status));
            match &= revisions.stream().anyMatch(td -> !TaskDefinitionDeletions.DELETED.equals(td.status));
            if (match && (prefix == null || family.startsWith(prefix))) {
                names.add(family);
            }
        });
        return names;
    }

    /** Revisions, oldest first, of one family or of all (family null), in the given status (null: any). */
    List<SimTaskDefinition> revisions(String family, String status) {
        List<SimTaskDefinition> out = new ArrayList<>();
        families.forEach((name, revisions) -> {
            if (family == null || family.equals(name)) {
                for (SimTaskDefinition td : revisions) {
                    if (status == null || "ALL".equals(status) || td.status.equals(status)) {
                        out.add(td);
                    }
                }
            }
        });
        return out;
    }
}
