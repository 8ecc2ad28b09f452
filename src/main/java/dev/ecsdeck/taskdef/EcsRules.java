package dev.ecsdeck.taskdef;

import static dev.ecsdeck.taskdef.JsonMembers.integer;
import static dev.ecsdeck.taskdef.JsonMembers.present;
import static dev.ecsdeck.taskdef.JsonMembers.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ECS's own rules for RegisterTaskDefinition, on a document whose JSON types may still be wrong
 * (those are {@link TaskDefinitionValidator}'s to report: a value of the wrong type is skipped
 * here). Everything here is an error: ECS refuses it. {@link EcsAdvice} has the warnings.
 */
final class EcsRules {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_NAME_LENGTH = 255;
    /** The "containers per task definition" quota, which cannot be raised. */
    private static final int MAX_CONTAINERS = 10;
    private static final Pattern PORT_RANGE = Pattern.compile("(\\d{1,5})-(\\d{1,5})");
    /** An image in a private ECR registry: on Fargate, pulling it needs the task execution role. */
    private static final Pattern ECR_IMAGE =
            Pattern.compile("\\d{12}\\.dkr\\.ecr(-fips)?\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/.+");

    /** One container definition as the rules need it. */
    private record Container(int index, String path, ObjectNode node, String name, boolean essential) {
        /** How messages name the container: by its name, or by its place when it has none. */
        String label() {
            return name != null ? "'" + name + "'" : "containerDefinitions[" + index + "]";
        }
    }

    private final Findings findings;
    private final ObjectNode doc;

    EcsRules(Findings findings, ObjectNode doc) {
        this.findings = findings;
        this.doc = doc;
    }

    void check() {
        family();
        String networkMode = text(doc, "networkMode") != null ? text(doc, "networkMode") : "bridge";
        Integer cpu = size("cpu", true);
        Integer memory = size("memory", false);
        List<Container> containers = containers(networkMode);
        acrossContainers(containers, cpu, memory);
        if (requiresFargate()) {
            fargate(containers, networkMode, cpu, memory);
        }
    }

    private void family() {
        JsonNode family = doc.get("family");
        if (family != null && family.isTextual()) {
            checkName(family.asText(), "family", "The family");
        }
    }

    private void checkName(String name, String path, String what) {
        if (name.isBlank()) {
            findings.error(path, what + " must not be empty.");
        } else if (!NAME.matcher(name).matches()) {
            findings.error(path, what + " \"" + name + "\" may contain only letters, digits, '_' and '-'.");
        } else if (name.length() > MAX_NAME_LENGTH) {
            findings.error(path, what + " is " + name.length() + " characters long; at most " + MAX_NAME_LENGTH + " are allowed.");
        }
    }

    /** Task cpu or memory in units, null when absent or unreadable (the latter reported here). */
    private Integer size(String field, boolean isCpu) {
        JsonNode value = doc.get(field);
        if (value == null || value.isNull() || !value.isTextual()) {
            return null;
        }
        Integer units = TaskSizes.units(value, isCpu);
        if (units == null) {
            findings.error(field, isCpu
                    ? "Task 'cpu' \"" + value.asText() + "\" is not a size ECS accepts: give CPU units from "
                            + TaskSizes.MIN_TASK_CPU + " to " + TaskSizes.MAX_TASK_CPU + " (\"1024\") or vCPUs (\"1 vCPU\")."
                    : "Task 'memory' \"" + value.asText() + "\" is not a size ECS accepts: give whole MiB (\"2048\")"
                            + " or GB (\"2 GB\").");
        }
        return units;
    }

    private boolean requiresFargate() {
        for (JsonNode c : doc.path("requiresCompatibilities")) {
            if (c.isTextual() && c.asText().equals("FARGATE")) {
                return true;
            }
        }
        return false;
    }

    private List<Container> containers(String networkMode) {
        List<Container> out = new ArrayList<>();
        JsonNode defs = doc.get("containerDefinitions");
        if (defs == null || !defs.isArray()) {
            return out; // missing or mistyped: reported by the shape check
        }
        if (defs.isEmpty()) {
            findings.error("containerDefinitions", "'containerDefinitions' must list at least one container.");
        } else if (defs.size() > MAX_CONTAINERS) {
            findings.error("containerDefinitions", "A task definition holds at most " + MAX_CONTAINERS + " containers, not "
                    + defs.size() + ".");
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < defs.size(); i++) {
            if (defs.get(i).isObject()) {
                out.add(container(i, (ObjectNode) defs.get(i), networkMode, seen));
            }
        }
        return out;
    }

    private Container container(int index, ObjectNode c, String networkMode, Map<String, String> seen) {
        String path = LocatedJson.index("containerDefinitions", index);
        JsonNode nameNode = c.get("name");
        String name = nameNode != null && nameNode.isTextual() ? nameNode.asText() : null;
        if (nameNode == null || nameNode.isNull()) {
            findings.add(Severity.ERROR, path + ".name", path, "Every container needs a 'name'.");
        } else if (name != null) {
            checkName(name, path + ".name", "The container name");
            String first = seen.putIfAbsent(name, path);
            if (first != null) {
                findings.error(path + ".name", "Container name '" + name + "' is already used by " + first
                        + ": names must be unique in a task definition.");
            }
        }
        JsonNode essentialNode = c.get("essential");
        Container container = new Container(index, path, c, name,
                essentialNode == null || !essentialNode.isBoolean() || essentialNode.asBoolean());
        image(container);
        memory(container);
        ports(container, networkMode);
        logConfiguration(container);
        EcsAdvice.container(findings, container.path(), c, container.label(), container.essential());
        return container;
    }

    private void image(Container c) {
        JsonNode image = c.node().get("image");
        String path = c.path() + ".image";
        if (image == null || image.isNull() || (image.isTextual() && image.asText().isBlank())) {
            findings.add(Severity.ERROR, path, image == null || image.isNull() ? c.path() : path,
                    "Container " + c.label() + " needs an 'image'.");
        }
    }

    private void memory(Container c) {
        Integer memory = integer(c.node(), "memory");
        Integer reservation = integer(c.node(), "memoryReservation");
        if (memory != null && reservation != null && reservation > memory) {
            findings.error(c.path() + ".memoryReservation", "'memoryReservation' (" + reservation + " MiB) of container "
                    + c.label() + " must not be greater than its 'memory' (" + memory + " MiB).");
        }
        if (!present(c.node(), "memory") && !present(c.node(), "memoryReservation") && !present(doc, "memory")) {
            findings.add(Severity.ERROR, c.path() + ".memory", c.path(), "Container " + c.label()
                    + " needs 'memory' or 'memoryReservation' (MiB), since the task has no 'memory'.");
        }
        Integer taskMemory = TaskSizes.units(doc.get("memory"), false);
        if (memory != null && taskMemory != null && memory > taskMemory) {
            findings.error(c.path() + ".memory", "'memory' (" + memory + " MiB) of container " + c.label()
                    + " is greater than the task's memory (" + taskMemory + " MiB).");
        }
    }

    private void ports(Container c, String networkMode) {
        JsonNode mappings = c.node().get("portMappings");
        if (mappings == null || !mappings.isArray()) {
            return;
        }
        String listPath = c.path() + ".portMappings";
        if (!mappings.isEmpty() && networkMode.equals("none")) {
            findings.error(listPath, "Port mappings are not possible with networkMode 'none'.");
            return;
        }
        boolean sameHost = networkMode.equals("awsvpc") || networkMode.equals("host");
        for (int j = 0; j < mappings.size(); j++) {
            JsonNode pm = mappings.get(j);
            String path = LocatedJson.index(listPath, j);
            if (!pm.isObject()) {
                continue;
            }
            if (present(pm, "containerPortRange")) {
                portRange(pm, path, networkMode);
                continue;
            }
            Integer containerPort = integer(pm, "containerPort");
            if (!present(pm, "containerPort")) {
                findings.add(Severity.ERROR, path + ".containerPort", path, "A port mapping needs a 'containerPort'"
                        + " (or a 'containerPortRange').");
            } else if (containerPort != null && (containerPort < 1 || containerPort > 65535)) {
                findings.error(path + ".containerPort", "'containerPort' " + containerPort + " is not a port: use 1 to 65535.");
            }
            Integer hostPort = integer(pm, "hostPort");
            if (hostPort != null && (hostPort < 0 || hostPort > 65535)) {
                findings.error(path + ".hostPort", "'hostPort' " + hostPort + " is not a port: use 1 to 65535, or 0 or"
                        + " nothing for a dynamic port.");
            } else if (sameHost && hostPort != null && hostPort != 0 && containerPort != null && !hostPort.equals(containerPort)) {
                // awsvpc and host networking have no port translation
                findings.error(path + ".hostPort", "With networkMode '" + networkMode + "', 'hostPort' must be empty or equal"
                        + " to 'containerPort' (" + containerPort + "), not " + hostPort + ".");
            }
        }
    }

    private void portRange(JsonNode pm, String path, String networkMode) {
        if (!networkMode.equals("awsvpc") && !networkMode.equals("bridge")) {
            findings.error(path + ".containerPortRange", "Port ranges need networkMode awsvpc or bridge, not " + networkMode + ".");
        }
        if (present(pm, "hostPort")) {
            findings.error(path + ".hostPort", "Leave 'hostPort' empty when a 'containerPortRange' is given.");
        }
        JsonNode range = pm.get("containerPortRange");
        if (range.isTextual()) {
            Matcher m = PORT_RANGE.matcher(range.asText());
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(2)) > 65535
                    || Integer.parseInt(m.group(1)) >= Integer.parseInt(m.group(2))) {
                findings.error(path + ".containerPortRange", "'containerPortRange' \"" + range.asText() + "\" is not a range:"
                        + " give first-last, between 1 and 65535, with the first port less than the last.");
            }
        }
    }

    private void logConfiguration(Container c) {
        JsonNode log = c.node().get("logConfiguration");
        String path = c.path() + ".logConfiguration";
        if (log == null || !log.isObject() || !"awslogs".equals(text(log, "logDriver"))) {
            return;
        }
        JsonNode options = log.get("options");
        List<String> missing = new ArrayList<>();
        for (String required : List.of("awslogs-group", "awslogs-region")) {
            if (options == null || !options.isObject() || !present(options, required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            findings.add(Severity.ERROR, path + ".options", options != null ? path + ".options" : path, "The awslogs log"
                    + " driver of container " + c.label() + " needs the options " + String.join(" and ", missing) + ".");
        }
    }

    private void acrossContainers(List<Container> containers, Integer cpu, Integer memory) {
        if (!containers.isEmpty() && containers.stream().noneMatch(Container::essential)) {
            findings.error("containerDefinitions", "At least one container must be essential (a container is essential"
                    + " unless it says \"essential\": false).");
        }
        Map<String, Container> byName = new HashMap<>();
        containers.forEach(c -> byName.putIfAbsent(c.name(), c));
        boolean logRouter = containers.stream().anyMatch(c -> present(c.node(), "firelensConfiguration"));
        int cpuSum = 0;
        int reservedSum = 0;
        for (Container c : containers) {
            dependsOn(c, byName);
            String driverPath = c.path() + ".logConfiguration.logDriver";
            if (!logRouter && "awsfirelens".equals(text(c.node().path("logConfiguration"), "logDriver"))) {
                findings.error(driverPath, "Container " + c.label() + " logs through 'awsfirelens', but no container has a"
                        + " 'firelensConfiguration' to route the logs.");
            }
            Integer containerCpu = integer(c.node(), "cpu");
            cpuSum += containerCpu == null ? 0 : Math.max(containerCpu, 0);
            Integer reserved = integer(c.node(), "memoryReservation") != null ? integer(c.node(), "memoryReservation")
                    : integer(c.node(), "memory");
            reservedSum += reserved == null ? 0 : Math.max(reserved, 0);
        }
        if (cpu != null && cpuSum > cpu) {
            findings.error("cpu", "The containers' 'cpu' add up to " + cpuSum + " units, more than the task's " + cpu + ".");
        }
        if (memory != null && reservedSum > memory) {
            findings.error("memory", "The containers reserve " + reservedSum + " MiB ('memoryReservation', else 'memory'),"
                    + " more than the task's " + memory + " MiB.");
        }
    }

    private void dependsOn(Container c, Map<String, Container> byName) {
        JsonNode dependencies = c.node().get("dependsOn");
        if (dependencies == null || !dependencies.isArray()) {
            return;
        }
        for (int k = 0; k < dependencies.size(); k++) {
            String path = LocatedJson.index(c.path() + ".dependsOn", k);
            String target = text(dependencies.get(k), "containerName");
            if (target == null) {
                continue;
            }
            Container dependency = byName.get(target);
            if (dependency == null) {
                findings.error(path + ".containerName", "Container " + c.label() + " depends on '" + target
                        + "', which is not a container of this task definition.");
                continue;
            }
            String condition = text(dependencies.get(k), "condition");
            if (dependency.essential() && ("SUCCESS".equals(condition) || "COMPLETE".equals(condition))) {
                findings.error(path + ".condition", "Condition " + condition + " waits for '" + target + "' to exit, so '"
                        + target + "' must not be essential.");
            }
        }
    }

    /** What Fargate refuses: network mode, sizes, and the execution role for awslogs and private images. */
    private void fargate(List<Container> containers, String networkMode, Integer cpu, Integer memory) {
        boolean knownMode = RequestSchema.request().members().get("networkMode").enumValues().contains(networkMode);
        if (knownMode && !networkMode.equals("awsvpc")) { // an unknown mode is the shape check's error
            findings.add(Severity.ERROR, "networkMode", present(doc, "networkMode") ? "networkMode" : "requiresCompatibilities",
                    "Fargate needs networkMode 'awsvpc', not '" + networkMode + "'"
                            + (present(doc, "networkMode") ? "." : " (the default when networkMode is absent)."));
        }
        for (String field : List.of("cpu", "memory")) {
            if (!present(doc, field)) {
                findings.add(Severity.ERROR, field, "requiresCompatibilities", "Fargate needs a task-level '" + field + "' ("
                        + (field.equals("cpu") ? "e.g. \"256\" or \"1 vCPU\")." : "e.g. \"512\" or \"2 GB\")."));
            }
        }
        if (cpu != null && !TaskSizes.isFargateCpu(cpu)) {
            findings.error("cpu", "Fargate has no size with " + cpu + " CPU units: use " + TaskSizes.fargateCpuChoices() + ".");
        } else if (cpu != null && memory != null && !TaskSizes.fargateValid(cpu, memory)) {
            findings.error("memory", "Fargate offers " + cpu + " CPU units with " + TaskSizes.fargateMemoryChoices(cpu)
                    + " of memory, not " + memory + " MiB.");
        }
        String role = text(doc, "executionRoleArn");
        boolean executionRole = role != null && !role.isBlank();
        for (Container c : containers) {
            JsonNode log = c.node().path("logConfiguration");
            String logPath = c.path() + ".logConfiguration";
            if ("awslogs".equals(text(log, "logDriver"))) {
                if (!executionRole) {
                    findings.add(Severity.ERROR, "executionRoleArn", logPath + ".logDriver", "Fargate needs an"
                            + " 'executionRoleArn' for the awslogs log driver of container " + c.label()
                            + ": on Fargate only the task execution role can write the logs.");
                }
                if (!present(log.path("options"), "awslogs-stream-prefix")) {
                    findings.add(Severity.ERROR, logPath + ".options.awslogs-stream-prefix",
                            log.has("options") ? logPath + ".options" : logPath, "Fargate needs the option"
                                    + " 'awslogs-stream-prefix' for the awslogs log driver of container " + c.label() + ".");
                }
            }
            String image = text(c.node(), "image");
            if (!executionRole && image != null && ECR_IMAGE.matcher(image).matches()) {
                findings.add(Severity.ERROR, "executionRoleArn", c.path() + ".image", "Fargate needs an 'executionRoleArn'"
                        + " to pull the private ECR image of container " + c.label() + ".");
            }
        }
    }
}
