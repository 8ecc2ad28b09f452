package dev.ecsdeck.taskdef;

import static dev.ecsdeck.taskdef.JsonMembers.integer;
import static dev.ecsdeck.taskdef.JsonMembers.present;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ECS's own rules for RegisterTaskDefinition, the one home of them: the editor's validator lists
 * every {@link Violation} in its words, the simulator answers with the first one ECS refuses, in
 * ECS's words. Violations come in the order ECS checks them.
 *
 * <p>Values are read as the simulated service reads them (a number where a string belongs reads as
 * its digits). A value of the wrong JSON type gets no editor words here: the editor's shape check
 * already reports its type. Plain Java and Jackson only (no SDK, no JavaFX), so the simulator can
 * use it. {@link FargateRules} and {@link PortRules} hold two parts of it.
 */
public final class EcsRules {
    /** ECS's error code for a request it refuses on its content. */
    public static final String CLIENT_EXCEPTION = "ClientException";
    public static final String INVALID_PARAMETER = "InvalidParameterException";
    /** The API model's NetworkMode values (EcsRulesTest compares them with the SDK's). */
    public static final Set<String> NETWORK_MODES = Set.of("bridge", "host", "awsvpc", "none");
    /** The "containers per task definition" quota, which cannot be raised. */
    static final int MAX_CONTAINERS = 10;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_NAME_LENGTH = 255;

    /**
     * One broken rule. {@code path} names the member it concerns, {@code at} where the editor shows
     * it (a missing member is shown at its object or its cause). {@code words} is what the editor
     * says, null when the editor's shape check says it already. {@code errorCode} and
     * {@code ecsMessage} are ECS's answer, byte for byte, both null for a rule only the editor keeps
     * (the simulator lets it through).
     */
    public record Violation(String path, String at, String words, String errorCode, String ecsMessage) {
        public boolean ecsRefuses() {
            return ecsMessage != null;
        }
    }

    /**
     * What the rules found, and the facts of the request as ECS reads them: network mode (bridge
     * when absent), task cpu units and memory MiB (null when absent or unreadable), and whether
     * Fargate would take the definition (ECS then lists FARGATE among its compatibilities).
     */
    public record Verdict(List<Violation> violations, String networkMode, Integer cpu, Integer memory,
            boolean fargateCompatible) {
        /** The violation ECS answers the request with: the first it refuses. */
        public Optional<Violation> ecsRefusal() {
            return violations.stream().filter(Violation::ecsRefuses).findFirst();
        }
    }

    /** One container definition as the rules need it: its name and essential as ECS reads them. */
    record Container(int index, String path, JsonNode node, String name, boolean typedName, boolean essential) {
        /** How the editor's words name the container: by its name, or by its place when it has none. */
        String label() {
            return typedName ? "'" + name + "'" : "containerDefinitions[" + index + "]";
        }
    }

    private final JsonNode doc;
    private final List<Violation> found = new ArrayList<>();

    private EcsRules(JsonNode doc) {
        this.doc = doc;
    }

    /** Every broken rule of a request (a JSON object), in ECS's order. Never throws on odd values. */
    public static Verdict check(JsonNode request) {
        return new EcsRules(request).check();
    }

    private Verdict check() {
        family();
        String networkMode = networkMode();
        Integer cpu = size("cpu", true);
        Integer memory = size("memory", false);
        List<Container> containers = containers();
        // Fargate's task-level requirements come first: they are what a Fargate user gets wrong first.
        List<Violation> fargate = FargateRules.check(doc, containers, networkMode, cpu, memory);
        if (requiresFargate()) {
            found.addAll(fargate);
        }
        Map<String, String> seen = new HashMap<>();
        for (Container c : containers) {
            container(c, networkMode, seen);
        }
        acrossContainers(containers, cpu, memory);
        return new Verdict(List.copyOf(found), networkMode, cpu, memory, fargate.stream().noneMatch(Violation::ecsRefuses));
    }

    private void add(String path, String at, String words, String ecsMessage) {
        found.add(client(path, at, words, ecsMessage));
    }

    /** A violation ECS answers with a ClientException (none when {@code ecsMessage} is null). */
    static Violation client(String path, String at, String words, String ecsMessage) {
        return new Violation(path, at, words, ecsMessage == null ? null : CLIENT_EXCEPTION, ecsMessage);
    }

    private void family() {
        JsonNode family = doc.get("family");
        // absent: the editor's shape check says "'family' is required"
        name(family, "family", "family", "The family", null, "Family can not be blank.", "Family contains invalid characters.",
                "Family can be up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.");
    }

    private void name(JsonNode node, String path, String missingAt, String what, String missingWords, String empty,
            String invalid, String tooLong) {
        if (node == null || node.isNull()) {
            add(path, missingAt, missingWords, empty);
            return;
        }
        String name = node.asText();
        boolean typed = node.isTextual();
        if (name.isBlank()) {
            add(path, path, typed ? what + " must not be empty." : null, name.isEmpty() ? empty : invalid);
        } else if (!NAME.matcher(name).matches()) {
            add(path, path, typed ? what + " \"" + name + "\" may contain only letters, digits, '_' and '-'." : null, invalid);
        } else if (name.length() > MAX_NAME_LENGTH) {
            add(path, path, typed ? what + " is " + name.length() + " characters long; at most " + MAX_NAME_LENGTH
                    + " are allowed." : null, tooLong);
        }
    }

    private String networkMode() {
        String mode = ecsText(doc, "networkMode");
        if (mode == null) {
            return "bridge";
        }
        if (!NETWORK_MODES.contains(mode)) {
            // the editor's shape check names the allowed values
            found.add(new Violation("networkMode", "networkMode", null, INVALID_PARAMETER,
                    "Invalid networkMode: " + mode + ". Valid values: bridge, host, awsvpc, none."));
        }
        return mode;
    }

    /** Task cpu units or memory MiB, null when absent or unreadable (the latter a violation). */
    private Integer size(String field, boolean isCpu) {
        JsonNode value = doc.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        Integer units = TaskSizes.units(value, isCpu);
        if (units == null) {
            String words = isCpu
                    ? "Task 'cpu' \"" + value.asText() + "\" is not a size ECS accepts: give CPU units from "
                            + TaskSizes.MIN_TASK_CPU + " to " + TaskSizes.MAX_TASK_CPU + " (\"1024\") or vCPUs (\"1 vCPU\")."
                    : "Task 'memory' \"" + value.asText() + "\" is not a size ECS accepts: give whole MiB (\"2048\")"
                            + " or GB (\"2 GB\").";
            add(field, field, value.isTextual() ? words : null, "Invalid '" + field + "' setting for task.");
        }
        return units;
    }

    private boolean requiresFargate() {
        for (JsonNode c : doc.path("requiresCompatibilities")) {
            if ("FARGATE".equals(c.asText())) {
                return true;
            }
        }
        return false;
    }

    private List<Container> containers() {
        List<Container> out = new ArrayList<>();
        JsonNode defs = doc.get("containerDefinitions");
        if (defs == null || !defs.isArray()) {
            // missing or mistyped: the editor's shape check reports it
            add("containerDefinitions", "containerDefinitions", null, "Container list cannot be empty.");
            return out;
        }
        if (defs.isEmpty()) {
            add("containerDefinitions", "containerDefinitions", "'containerDefinitions' must list at least one container.",
                    "Container list cannot be empty.");
        } else if (defs.size() > MAX_CONTAINERS) {
            add("containerDefinitions", "containerDefinitions", "A task definition holds at most " + MAX_CONTAINERS
                    + " containers, not " + defs.size() + ".", "Too many containers.");
        }
        for (int i = 0; i < defs.size(); i++) {
            JsonNode c = defs.get(i);
            if (c.isObject()) {
                JsonNode name = c.get("name");
                JsonNode essential = c.get("essential");
                out.add(new Container(i, LocatedJson.index("containerDefinitions", i), c, ecsText(c, "name"),
                        name != null && name.isTextual(), essential == null || essential.isNull() || essential.asBoolean(true)));
            }
        }
        return out;
    }

    private void container(Container c, String networkMode, Map<String, String> seen) {
        String path = c.path();
        name(c.node().get("name"), path + ".name", path, "The container name", "Every container needs a 'name'.",
                "Container.name should not be null or empty.", "Container.name contains invalid characters.",
                "Container.name can be up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.");
        if (c.name() != null) {
            String first = seen.putIfAbsent(c.name(), path);
            if (first != null) {
                add(path + ".name", path + ".name", c.typedName() ? "Container name '" + c.name() + "' is already used by "
                        + first + ": names must be unique in a task definition." : null,
                        "Container names must be unique within a Task Definition.");
            }
        }
        image(c);
        memory(c);
        PortRules.check(c, networkMode, found);
        awslogsOptions(c);
    }

    private void image(Container c) {
        JsonNode image = c.node().get("image");
        boolean missing = image == null || image.isNull();
        if (missing || image.asText().isBlank()) {
            add(c.path() + ".image", missing ? c.path() : c.path() + ".image",
                    missing || image.isTextual() ? "Container " + c.label() + " needs an 'image'." : null,
                    "Container.image should not be null or empty.");
        }
    }

    private void memory(Container c) {
        JsonNode node = c.node();
        Integer memory = ecsInt(node, "memory");
        Integer reservation = ecsInt(node, "memoryReservation");
        boolean typed = integer(node, "memory") != null && integer(node, "memoryReservation") != null;
        if (memory == null && reservation == null && !present(doc, "memory")) {
            add(c.path() + ".memory", c.path(), "Container " + c.label() + " needs 'memory' or 'memoryReservation' (MiB),"
                    + " since the task has no 'memory'.", "Invalid setting for container '" + c.name()
                    + "'. At least one of 'memory' or 'memoryReservation' must be specified.");
        }
        if (memory != null && reservation != null && reservation > memory) {
            add(c.path() + ".memoryReservation", c.path() + ".memoryReservation", typed ? "'memoryReservation' ("
                    + reservation + " MiB) of container " + c.label() + " must not be greater than its 'memory' (" + memory
                    + " MiB)." : null, "Invalid setting for container '" + c.name()
                    + "'. 'memoryReservation' must be less than or equal to 'memory'.");
        }
        Integer taskMemory = TaskSizes.units(doc.get("memory"), false);
        if (memory != null && taskMemory != null && memory > taskMemory) {
            add(c.path() + ".memory", c.path() + ".memory", integer(node, "memory") != null ? "'memory' (" + memory
                    + " MiB) of container " + c.label() + " is greater than the task's memory (" + taskMemory + " MiB)." : null,
                    "The 'memory' setting for container '" + c.name() + "' is greater than for the task.");
        }
    }

    private void awslogsOptions(Container c) {
        JsonNode log = c.node().path("logConfiguration");
        if (!"awslogs".equals(log.path("logDriver").asText())) {
            return;
        }
        String path = c.path() + ".logConfiguration";
        JsonNode options = log.get("options");
        List<String> missing = new ArrayList<>();
        for (String required : List.of("awslogs-group", "awslogs-region")) {
            if (options == null || !options.isObject() || !present(options, required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            add(path + ".options", options != null ? path + ".options" : path, "The awslogs log driver of container "
                    + c.label() + " needs the options " + String.join(" and ", missing) + ".",
                    "Log driver awslogs requires options: awslogs-region, awslogs-group");
        }
    }

    /** Rules that look at the containers together: essential, dependsOn, FireLens, task size. */
    private void acrossContainers(List<Container> containers, Integer cpu, Integer memory) {
        if (!containers.isEmpty() && containers.stream().noneMatch(Container::essential)) {
            add("containerDefinitions", "containerDefinitions", "At least one container must be essential (a container is"
                    + " essential unless it says \"essential\": false).", "Task definition doesn't have any essential container.");
        }
        Map<String, Container> byName = new HashMap<>();
        containers.forEach(c -> byName.putIfAbsent(c.name(), c));
        for (Container c : containers) {
            dependsOn(c, byName);
        }
        boolean logRouter = containers.stream().anyMatch(c -> present(c.node(), "firelensConfiguration"));
        for (Container c : containers) {
            if (!logRouter && "awsfirelens".equals(c.node().path("logConfiguration").path("logDriver").asText())) {
                add(c.path() + ".logConfiguration.logDriver", c.path() + ".logConfiguration.logDriver", "Container " + c.label()
                        + " logs through 'awsfirelens', but no container has a 'firelensConfiguration' to route the logs.",
                        "When awsfirelens log driver is specified in log configuration, a firelens configuration object must be"
                                + " configured in one of the containers.");
            }
        }
        int cpuSum = 0;
        int typedCpuSum = 0;
        int reservedSum = 0;
        int typedReservedSum = 0;
        for (Container c : containers) {
            cpuSum += c.node().path("cpu").asInt(0);
            Integer typedCpu = integer(c.node(), "cpu");
            typedCpuSum += typedCpu == null ? 0 : Math.max(typedCpu, 0);
            Integer reserved = ecsInt(c.node(), "memoryReservation") != null ? ecsInt(c.node(), "memoryReservation")
                    : ecsInt(c.node(), "memory");
            reservedSum += reserved == null ? 0 : reserved;
            Integer typedReserved = integer(c.node(), "memoryReservation") != null ? integer(c.node(), "memoryReservation")
                    : integer(c.node(), "memory");
            typedReservedSum += typedReserved == null ? 0 : Math.max(typedReserved, 0);
        }
        if (cpu != null && (cpuSum > cpu || typedCpuSum > cpu)) {
            add("cpu", "cpu", typedCpuSum > cpu ? "The containers' 'cpu' add up to " + typedCpuSum + " units, more than the"
                    + " task's " + cpu + "." : null, cpuSum > cpu ? "The sum of all container 'cpu' values cannot be greater"
                    + " than the value of the task 'cpu'." : null);
        }
        if (memory != null && (reservedSum > memory || typedReservedSum > memory)) {
            add("memory", "memory", typedReservedSum > memory ? "The containers reserve " + typedReservedSum + " MiB"
                    + " ('memoryReservation', else 'memory'), more than the task's " + memory + " MiB." : null,
                    reservedSum > memory ? "The sum of all container 'memoryReservation' values cannot be greater than the value"
                            + " of the task 'memory'." : null);
        }
    }

    private void dependsOn(Container c, Map<String, Container> byName) {
        JsonNode dependencies = c.node().get("dependsOn");
        if (dependencies == null || !dependencies.isArray()) {
            return;
        }
        for (int k = 0; k < dependencies.size(); k++) {
            String path = LocatedJson.index(c.path() + ".dependsOn", k);
            JsonNode targetNode = dependencies.get(k).path("containerName");
            String target = targetNode.asText();
            Container dependency = byName.get(target);
            if (dependency == null) {
                // sic: ECS's message has the stray "+ " and no full stop
                add(path + ".containerName", path + ".containerName", targetNode.isTextual() ? "Container " + c.label()
                        + " depends on '" + target + "', which is not a container of this task definition." : null,
                        "Cannot depend on container + '" + target + "' because it does not exist");
                continue;
            }
            String condition = dependencies.get(k).path("condition").asText();
            if (dependency.essential() && ("SUCCESS".equals(condition) || "COMPLETE".equals(condition))) {
                add(path + ".condition", path + ".condition", "Condition " + condition + " waits for '" + target
                        + "' to exit, so '" + target + "' must not be essential.",
                        "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container");
            }
        }
    }

    /** A member as ECS's service reads it: any value as its text, null when absent or null. */
    static String ecsText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Integer ecsInt(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }
}
