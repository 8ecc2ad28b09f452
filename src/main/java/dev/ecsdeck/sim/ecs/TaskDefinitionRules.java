package dev.ecsdeck.sim.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.ecs.ContainerSpec.LogSpec;
import dev.ecsdeck.sim.ecs.ContainerSpec.PortSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ECS's server-side checks of a RegisterTaskDefinition request, with ECS's error codes, and the
 * defaults ECS fills in (essential true, cpu 0, tcp ports, host port = container port in awsvpc and
 * host). Messages are ECS's own wherever ECS's wording is known (from its documentation and from
 * errors users have quoted); the others name the field in ECS's style. Fargate's checks also decide
 * whether ECS lists FARGATE among the compatibilities of a definition that does not require it.
 */
final class TaskDefinitionRules {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_NAME_LENGTH = 255;
    /** The "containers per task definition" quota, which cannot be raised. */
    private static final int MAX_CONTAINERS = 10;
    /** EC2's range of task CPU units; every Fargate size lies inside it. */
    private static final int MIN_TASK_CPU = 128;
    private static final int MAX_TASK_CPU = 196_608;
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)\\s*");
    private static final Pattern PORT_RANGE = Pattern.compile("(\\d{1,5})-(\\d{1,5})");
    /** An image in a private ECR registry: pulling it needs the task execution role. */
    private static final Pattern ECR_IMAGE =
            Pattern.compile("\\d{12}\\.dkr\\.ecr(-fips)?\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/.+");
    private static final Set<String> NETWORK_MODES = Set.of("bridge", "host", "awsvpc", "none");

    /** A checked request: canonical container definitions and the parsed task-level facts. */
    record Checked(String family, ArrayNode containerDefinitions, List<ContainerSpec> containers, String networkMode,
            List<String> requiresCompatibilities, Integer cpu, Integer memory, boolean fargateCompatible) {}

    Checked check(ObjectNode request) {
        String family = text(request, "family");
        if (family == null || family.isEmpty()) {
            throw SimApiException.client("Family can not be blank.");
        }
        checkName(family, "Family contains invalid characters.",
                "Family can be up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.");
        String networkMode = text(request, "networkMode");
        if (networkMode == null) {
            networkMode = "bridge";
        }
        if (!NETWORK_MODES.contains(networkMode)) {
            throw SimApiException.invalidParameter("Invalid networkMode: " + networkMode + ". Valid values: bridge, host, awsvpc, none.");
        }
        List<String> requires = new ArrayList<>();
        request.path("requiresCompatibilities").forEach(n -> requires.add(n.asText()));
        Integer cpu = taskSize(request, "cpu", true);
        Integer memory = taskSize(request, "memory", false);
        JsonNode defs = request.path("containerDefinitions");
        if (defs.isEmpty()) {
            throw SimApiException.client("Container list cannot be empty.");
        }
        if (defs.size() > MAX_CONTAINERS) {
            throw SimApiException.client("Too many containers.");
        }
        // Fargate's task-level requirements come first: they are what a Fargate user gets wrong first.
        String fargateProblem = fargateProblem(request, networkMode, cpu, memory);
        boolean fargateRequired = requires.contains("FARGATE");
        if (fargateRequired && fargateProblem != null) {
            throw SimApiException.client(fargateProblem);
        }

        ArrayNode canonical = JsonNodeFactory.instance.arrayNode();
        List<ContainerSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < defs.size(); i++) {
            ObjectNode c = ((ObjectNode) defs.get(i)).deepCopy();
            specs.add(container(c, i, names, networkMode, memory));
            canonical.add(c);
        }
        checkAcrossContainers(canonical, specs, cpu, memory);
        return new Checked(family, canonical, specs, networkMode, requires, cpu, memory, fargateProblem == null);
    }

    /** One container definition, made canonical in place (nulls dropped, ECS's defaults filled in). */
    private static ContainerSpec container(ObjectNode c, int index, Set<String> names, String networkMode, Integer taskMemory) {
        List<String> nulls = new ArrayList<>();
        c.fieldNames().forEachRemaining(f -> {
            if (c.get(f).isNull()) {
                nulls.add(f);
            }
        });
        c.remove(nulls); // DescribeTaskDefinition leaves out members that have no value
        String name = text(c, "name");
        if (name == null || name.isEmpty()) {
            throw SimApiException.client("Container.name should not be null or empty.");
        }
        checkName(name, "Container.name contains invalid characters.",
                "Container.name can be up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.");
        if (!names.add(name)) {
            throw SimApiException.client("Container names must be unique within a Task Definition.");
        }
        String image = text(c, "image");
        if (image == null || image.isBlank()) {
            throw SimApiException.client("Container.image should not be null or empty.");
        }
        boolean essential = !c.has("essential") || c.get("essential").asBoolean(true);
        int containerCpu = c.path("cpu").asInt(0);
        Integer mem = c.has("memory") ? c.get("memory").asInt() : null;
        Integer reservation = c.has("memoryReservation") ? c.get("memoryReservation").asInt() : null;
        if (mem == null && reservation == null && taskMemory == null) {
            throw SimApiException.client("Invalid setting for container '" + name
                    + "'. At least one of 'memory' or 'memoryReservation' must be specified.");
        }
        if (mem != null && reservation != null && reservation > mem) {
            throw SimApiException.client("Invalid setting for container '" + name
                    + "'. 'memoryReservation' must be less than or equal to 'memory'.");
        }
        if (mem != null && taskMemory != null && mem > taskMemory) {
            throw SimApiException.client("The 'memory' setting for container '" + name + "' is greater than for the task.");
        }
        List<PortSpec> ports = ports(c, index, name, networkMode);
        JsonNode log = c.path("logConfiguration");
        JsonNode logOptions = log.path("options");
        if ("awslogs".equals(log.path("logDriver").asText())
                && (!logOptions.hasNonNull("awslogs-region") || !logOptions.hasNonNull("awslogs-group"))) {
            throw SimApiException.client("Log driver awslogs requires options: awslogs-region, awslogs-group");
        }
        c.put("cpu", containerCpu);
        c.put("essential", essential);
        for (String list : List.of("portMappings", "environment", "mountPoints", "volumesFrom")) {
            if (!c.has(list)) {
                c.putArray(list);
            }
        }
        return new ContainerSpec(name, image, containerCpu, mem, reservation, essential, ports, logSpec(c),
                c.has("healthCheck"));
    }

    private static List<PortSpec> ports(ObjectNode c, int index, String name, String networkMode) {
        List<PortSpec> ports = new ArrayList<>();
        JsonNode mappings = c.path("portMappings");
        if (!mappings.isEmpty() && "none".equals(networkMode)) {
            throw SimApiException.client("containerDefinitions[" + index
                    + "].portMappings: port mappings are not supported when networkMode=none.");
        }
        boolean sameHost = "awsvpc".equals(networkMode) || "host".equals(networkMode);
        for (int j = 0; j < mappings.size(); j++) {
            ObjectNode pm = (ObjectNode) mappings.get(j);
            String field = "containerDefinitions[" + index + "].portMappings[" + j + "]";
            String protocol = pm.hasNonNull("protocol") ? pm.get("protocol").asText() : "tcp";
            pm.put("protocol", protocol);
            if (pm.hasNonNull("containerPortRange")) {
                checkPortRange(pm, field, networkMode);
                continue; // the simulator binds single ports only; a range is kept in the document
            }
            int containerPort = pm.path("containerPort").asInt(0);
            if (containerPort < 1 || containerPort > 65535) {
                throw SimApiException.client("Invalid 'containerPort' setting for container '" + name + "'.");
            }
            Integer hostPort = pm.hasNonNull("hostPort") ? pm.get("hostPort").asInt() : null;
            // hostPort 0 means "unset" to ECS, as in bridge mode; it becomes the container port.
            if (sameHost && hostPort != null && hostPort != 0 && hostPort != containerPort) {
                throw SimApiException.client("When networkMode=" + networkMode
                        + ", the host ports and container ports in port mappings must match.");
            }
            if (sameHost) {
                hostPort = containerPort;
                pm.put("hostPort", containerPort);
            }
            ports.add(new PortSpec(containerPort, hostPort, protocol));
        }
        return ports;
    }

    /** The rules the API reference gives for containerPortRange. */
    private static void checkPortRange(ObjectNode pm, String field, String networkMode) {
        if (!"awsvpc".equals(networkMode) && !"bridge".equals(networkMode)) {
            throw SimApiException.client(field + ".containerPortRange: port ranges need networkMode awsvpc or bridge, not "
                    + networkMode + ".");
        }
        if (pm.hasNonNull("hostPort")) {
            throw SimApiException.client(field + ".hostPort: leave hostPort empty when a containerPortRange is given.");
        }
        String range = pm.get("containerPortRange").asText();
        Matcher m = PORT_RANGE.matcher(range);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(2)) > 65535
                || Integer.parseInt(m.group(1)) >= Integer.parseInt(m.group(2))) {
            throw SimApiException.client(field + ".containerPortRange: invalid range '" + range
                    + "'; give first-last, between 1 and 65535, with the first port less than the last.");
        }
    }

    /** Rules that look at the containers together: essential, dependsOn, FireLens, task size. */
    private static void checkAcrossContainers(ArrayNode defs, List<ContainerSpec> specs, Integer cpu, Integer memory) {
        Map<String, ContainerSpec> byName = new HashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        if (specs.stream().noneMatch(ContainerSpec::essential)) {
            throw SimApiException.client("Task definition doesn't have any essential container.");
        }
        boolean firelensLogs = false;
        boolean logRouter = false;
        for (JsonNode c : defs) {
            for (JsonNode dependency : c.path("dependsOn")) {
                String target = dependency.path("containerName").asText();
                ContainerSpec dep = byName.get(target);
                if (dep == null) {
                    // sic: ECS's message has the stray "+ " and no full stop
                    throw SimApiException.client("Cannot depend on container + '" + target + "' because it does not exist");
                }
                String condition = dependency.path("condition").asText();
                if (dep.essential() && ("SUCCESS".equals(condition) || "COMPLETE".equals(condition))) {
                    throw SimApiException.client(
                            "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container");
                }
            }
            firelensLogs |= "awsfirelens".equals(c.path("logConfiguration").path("logDriver").asText());
            logRouter |= c.has("firelensConfiguration");
        }
        if (firelensLogs && !logRouter) {
            throw SimApiException.client("When awsfirelens log driver is specified in log configuration, a firelens "
                    + "configuration object must be configured in one of the containers.");
        }
        if (cpu != null && specs.stream().mapToInt(ContainerSpec::cpu).sum() > cpu) {
            throw SimApiException.client("The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.");
        }
        int reserved = 0;
        for (ContainerSpec s : specs) {
            reserved += s.memoryReservation() != null ? s.memoryReservation() : s.memory() != null ? s.memory() : 0;
        }
        if (memory != null && reserved > memory) {
            throw SimApiException.client(
                    "The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.");
        }
    }

    /**
     * Why Fargate would refuse this definition, or null if it would not. A definition that requires
     * FARGATE is refused with it; one that does not is simply not FARGATE-compatible.
     */
    private static String fargateProblem(JsonNode request, String networkMode, Integer cpu, Integer memory) {
        if (!"awsvpc".equals(networkMode)) {
            return "Fargate only supports network mode \u2018awsvpc\u2019."; // ECS's typographic quotes
        }
        if (cpu == null) {
            return "Fargate requires that 'cpu' be defined at the task level.";
        }
        if (memory == null) {
            return "Fargate requires that 'memory' be defined at the task level.";
        }
        if (!FargateSizes.valid(cpu, memory)) {
            return "No Fargate configuration exists for given values: " + cpu + " CPU, " + memory
                    + " memory. See the Amazon ECS documentation for the valid values.";
        }
        String role = text(request, "executionRoleArn");
        boolean executionRole = role != null && !role.isBlank();
        for (JsonNode c : request.path("containerDefinitions")) {
            JsonNode log = c.path("logConfiguration");
            if ("awslogs".equals(log.path("logDriver").asText())) {
                // Fargate has no instance role: the execution role writes the logs.
                if (!executionRole) {
                    return "Fargate requires task definition to have execution role ARN to support log driver awslogs.";
                }
                if (!log.path("options").hasNonNull("awslogs-stream-prefix")) {
                    return "Fargate requires log configuration options to include awslogs-stream-prefix to support log driver awslogs.";
                }
            }
            if (!executionRole && ECR_IMAGE.matcher(c.path("image").asText()).matches()) {
                return "Fargate requires task definition to have execution role ARN to support ECR images.";
            }
        }
        return null;
    }

    private static void checkName(String name, String invalidCharacters, String tooLong) {
        if (!NAME.matcher(name).matches()) {
            throw SimApiException.client(invalidCharacters);
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw SimApiException.client(tooLong);
        }
    }

    private static LogSpec logSpec(JsonNode c) {
        JsonNode lc = c.get("logConfiguration");
        if (lc == null || !"awslogs".equals(lc.path("logDriver").asText())) {
            return null;
        }
        JsonNode options = lc.path("options");
        String group = options.path("awslogs-group").asText(null);
        if (group == null) {
            return null;
        }
        return new LogSpec(group, options.path("awslogs-stream-prefix").asText(null));
    }

    /**
     * Task cpu (units) or memory (MiB) from "256", "1 vCPU", "0.5 vcpu", "2 GB", "512 MiB". ECS
     * answers anything else, and a value that is not a whole number of units, with "Invalid 'cpu'
     * setting for task." (or 'memory').
     */
    static Integer taskSize(JsonNode request, String field, boolean isCpu) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        SimApiException invalid = SimApiException.client("Invalid '" + field + "' setting for task.");
        Matcher m = SIZE.matcher(node.asText());
        if (!m.matches()) {
            throw invalid;
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        double scaled;
        if (unit.isEmpty() || (!isCpu && (unit.equals("mb") || unit.equals("mib")))) {
            scaled = value;
        } else if (isCpu ? unit.equals("vcpu") : unit.equals("gb") || unit.equals("gib")) {
            scaled = value * 1024;
        } else {
            throw invalid;
        }
        long units = Math.round(scaled);
        if (Math.abs(scaled - units) > 1e-6 || units < 1 || units > Integer.MAX_VALUE
                || (isCpu && (units < MIN_TASK_CPU || units > MAX_TASK_CPU))) {
            throw invalid;
        }
        return (int) units;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
