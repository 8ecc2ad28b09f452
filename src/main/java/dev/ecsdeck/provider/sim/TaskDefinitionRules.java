package dev.ecsdeck.provider.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.provider.sim.ContainerSpec.LogSpec;
import dev.ecsdeck.provider.sim.ContainerSpec.PortSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ECS's server-side checks of a RegisterTaskDefinition request, with ECS's error codes, and the
 * defaults ECS fills in (essential true, cpu 0, tcp ports, host port = container port in awsvpc).
 */
final class TaskDefinitionRules {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)\\s*");
    private static final Set<String> NETWORK_MODES = Set.of("bridge", "host", "awsvpc", "none");

    /** A checked request: canonical container definitions and the parsed task-level facts. */
    record Checked(String family, ArrayNode containerDefinitions, List<ContainerSpec> containers, String networkMode,
            List<String> requiresCompatibilities, Integer cpu, Integer memory, boolean fargateCompatible) {}

    Checked check(ObjectNode request) {
        String family = text(request, "family");
        if (family == null || family.isEmpty()) {
            throw SimApiException.client("Family must be specified.");
        }
        if (!NAME.matcher(family).matches()) {
            throw SimApiException.client("Family name can be up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.");
        }
        String networkMode = text(request, "networkMode");
        if (networkMode == null) {
            networkMode = "bridge";
        }
        if (!NETWORK_MODES.contains(networkMode)) {
            throw SimApiException.invalidParameter("Invalid networkMode: " + networkMode + ". Valid values: bridge, host, awsvpc, none.");
        }
        List<String> requires = new ArrayList<>();
        JsonNode req = request.get("requiresCompatibilities");
        if (req != null && req.isArray()) {
            req.forEach(n -> requires.add(n.asText()));
        }
        Integer cpu = taskSize(request, "cpu", true);
        Integer memory = taskSize(request, "memory", false);
        boolean fargate = requires.contains("FARGATE");
        if (fargate) {
            if (!"awsvpc".equals(networkMode)) {
                throw SimApiException.client("Fargate only supports network mode 'awsvpc'.");
            }
            if (cpu == null) {
                throw SimApiException.client("Fargate requires task definition to have cpu value set.");
            }
            if (memory == null) {
                throw SimApiException.client("Fargate requires task definition to have memory value set.");
            }
            if (!FargateSizes.valid(cpu, memory)) {
                throw SimApiException.client("No Fargate configuration exists for given values: " + cpu + " CPU, " + memory
                        + " memory. See the Amazon ECS documentation for the valid combinations.");
            }
        }

        JsonNode defs = request.get("containerDefinitions");
        if (defs == null || !defs.isArray() || defs.isEmpty()) {
            throw SimApiException.client("Container list cannot be empty.");
        }
        ArrayNode canonical = JsonNodeFactory.instance.arrayNode();
        List<ContainerSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean anyEssential = false;
        for (JsonNode def : defs) {
            if (!def.isObject()) {
                throw SimApiException.client("Container definitions must be objects.");
            }
            ObjectNode c = ((ObjectNode) def).deepCopy();
            String name = text(c, "name");
            if (name == null || !NAME.matcher(name).matches()) {
                throw SimApiException.client("Container name can be up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.");
            }
            if (!names.add(name)) {
                throw SimApiException.client("Container names must be unique within a task definition: " + name + ".");
            }
            String image = text(c, "image");
            if (image == null || image.isBlank()) {
                throw SimApiException.client("Container.image should not be null or empty.");
            }
            boolean essential = !c.has("essential") || c.get("essential").asBoolean(true);
            anyEssential |= essential;
            int containerCpu = c.path("cpu").asInt(0);
            Integer mem = c.hasNonNull("memory") ? c.get("memory").asInt() : null;
            Integer reservation = c.hasNonNull("memoryReservation") ? c.get("memoryReservation").asInt() : null;
            if (mem == null && reservation == null && memory == null) {
                throw SimApiException.client("Invalid setting for container '" + name
                        + "'. At least one of 'memory' or 'memoryReservation' must be specified.");
            }
            if (mem != null && reservation != null && reservation > mem) {
                throw SimApiException.client("Invalid setting for container '" + name
                        + "'. 'memoryReservation' must be less than or equal to 'memory'.");
            }
            List<PortSpec> ports = ports(c, name, networkMode);
            c.put("cpu", containerCpu);
            c.put("essential", essential);
            for (String list : List.of("portMappings", "environment", "mountPoints", "volumesFrom")) {
                if (!c.has(list)) {
                    c.putArray(list);
                }
            }
            canonical.add(c);
            specs.add(new ContainerSpec(name, image, containerCpu, mem, reservation, essential, ports, logSpec(c),
                    c.has("healthCheck")));
        }
        if (!anyEssential) {
            throw SimApiException.client("A task definition must have at least one essential container.");
        }
        boolean fargateCompatible = "awsvpc".equals(networkMode) && cpu != null && memory != null && FargateSizes.valid(cpu, memory);
        return new Checked(family, canonical, specs, networkMode, requires, cpu, memory, fargateCompatible);
    }

    private static List<PortSpec> ports(ObjectNode c, String name, String networkMode) {
        List<PortSpec> ports = new ArrayList<>();
        JsonNode mappings = c.get("portMappings");
        if (mappings == null || !mappings.isArray()) {
            return ports;
        }
        for (JsonNode m : mappings) {
            if (!m.isObject() || !m.has("containerPort")) {
                continue; // port ranges without a containerPort are not simulated
            }
            ObjectNode pm = (ObjectNode) m;
            int containerPort = pm.get("containerPort").asInt();
            Integer hostPort = pm.hasNonNull("hostPort") ? pm.get("hostPort").asInt() : null;
            boolean sameHost = "awsvpc".equals(networkMode) || "host".equals(networkMode);
            if (sameHost && hostPort != null && hostPort != 0 && hostPort != containerPort) {
                throw SimApiException.client("When networkMode=" + networkMode + ", the host ports and container ports in port mappings must match.");
            }
            if (sameHost) {
                hostPort = containerPort;
                pm.put("hostPort", containerPort);
            }
            String protocol = pm.hasNonNull("protocol") ? pm.get("protocol").asText() : "tcp";
            pm.put("protocol", protocol);
            ports.add(new PortSpec(containerPort, hostPort, protocol));
        }
        return ports;
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

    /** Task cpu (units) or memory (MiB) from "256", "1 vCPU", "0.5 vcpu", "2 GB", "2048 MiB". */
    static Integer taskSize(JsonNode request, String field, boolean isCpu) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        Matcher m = SIZE.matcher(node.asText());
        if (!m.matches()) {
            throw SimApiException.client("Invalid '" + field + "' value: " + node.asText() + ".");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        double scaled;
        if (unit.isEmpty()) {
            scaled = value;
        } else if (isCpu && unit.equals("vcpu")) {
            scaled = value * 1024;
        } else if (!isCpu && (unit.equals("gb") || unit.equals("gib"))) {
            scaled = value * 1024;
        } else if (!isCpu && (unit.equals("mb") || unit.equals("mib"))) {
            scaled = value;
        } else {
            throw SimApiException.client("Invalid '" + field + "' value: " + node.asText() + ".");
        }
        return (int) Math.round(scaled);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
