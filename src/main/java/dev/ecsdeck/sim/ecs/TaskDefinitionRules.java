package dev.ecsdeck.sim.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.ecs.ContainerSpec.LogSpec;
import dev.ecsdeck.sim.ecs.ContainerSpec.PortSpec;
import dev.ecsdeck.taskdef.EcsRules;
import java.util.ArrayList;
import java.util.List;

/**
 * ECS's server-side checks of a RegisterTaskDefinition request: {@link EcsRules} (the one home of
 * the rules, shared with the editor) answered as ECS answers, with the first violation in ECS's
 * words; then the defaults ECS fills in (essential true, cpu 0, tcp ports, host port = container
 * port in awsvpc and host).
 */
final class TaskDefinitionRules {
    /** A checked request: canonical container definitions and the parsed task-level facts. */
    record Checked(String family, ArrayNode containerDefinitions, List<ContainerSpec> containers, String networkMode,
            List<String> requiresCompatibilities, Integer cpu, Integer memory, boolean fargateCompatible) {}

    Checked check(ObjectNode request) {
        EcsRules.Verdict verdict = EcsRules.check(request);
        verdict.ecsRefusal().ifPresent(v -> {
            throw new SimApiException(v.errorCode(), v.ecsMessage());
        });
        List<String> requires = new ArrayList<>();
        request.path("requiresCompatibilities").forEach(n -> requires.add(n.asText()));
        ArrayNode canonical = JsonNodeFactory.instance.arrayNode();
        List<ContainerSpec> specs = new ArrayList<>();
        for (JsonNode def : request.path("containerDefinitions")) {
            ObjectNode c = ((ObjectNode) def).deepCopy();
            specs.add(container(c, verdict.networkMode()));
            canonical.add(c);
        }
        return new Checked(request.get("family").asText(), canonical, specs, verdict.networkMode(), requires, verdict.cpu(),
                verdict.memory(), verdict.fargateCompatible());
    }

    /** One container definition, made canonical in place (nulls dropped, ECS's defaults filled in). */
    private static ContainerSpec container(ObjectNode c, String networkMode) {
        List<String> nulls = new ArrayList<>();
        c.fieldNames().forEachRemaining(f -> {
            if (c.get(f).isNull()) {
                nulls.add(f);
            }
        });
        c.remove(nulls); // DescribeTaskDefinition leaves out members that have no value
        boolean essential = !c.has("essential") || c.get("essential").asBoolean(true);
        int containerCpu = c.path("cpu").asInt(0);
        Integer mem = c.has("memory") ? c.get("memory").asInt() : null;
        Integer reservation = c.has("memoryReservation") ? c.get("memoryReservation").asInt() : null;
        List<PortSpec> ports = ports(c, networkMode);
        c.put("cpu", containerCpu);
        c.put("essential", essential);
        for (String list : List.of("portMappings", "environment", "mountPoints", "volumesFrom")) {
            if (!c.has(list)) {
                c.putArray(list);
            }
        }
        return new ContainerSpec(c.get("name").asText(), c.get("image").asText(), containerCpu, mem, reservation, essential,
                ports, logSpec(c), healthCheck(c));
    }

    /** The container's health check timing, ECS's defaults filled in; null when it has none. */
    private static ContainerSpec.HealthCheck healthCheck(JsonNode c) {
        JsonNode hc = c.get("healthCheck");
        if (hc == null || !hc.isObject()) {
            return null;
        }
        ContainerSpec.HealthCheck d = ContainerSpec.HealthCheck.DEFAULTS;
        return new ContainerSpec.HealthCheck(number(hc, "interval", d.interval()), number(hc, "timeout", d.timeout()),
                number(hc, "retries", d.retries()), number(hc, "startPeriod", d.startPeriod()));
    }

    private static int number(JsonNode hc, String field, int byDefault) {
        return hc.hasNonNull(field) ? hc.get(field).asInt(byDefault) : byDefault;
    }

    private static List<PortSpec> ports(ObjectNode c, String networkMode) {
        List<PortSpec> ports = new ArrayList<>();
        boolean sameHost = "awsvpc".equals(networkMode) || "host".equals(networkMode);
        for (JsonNode mapping : c.path("portMappings")) {
            ObjectNode pm = (ObjectNode) mapping;
            String protocol = pm.hasNonNull("protocol") ? pm.get("protocol").asText() : "tcp";
            pm.put("protocol", protocol);
            if (pm.hasNonNull("containerPortRange")) {
                continue; // the simulator binds single ports only; a range is kept in the document
            }
            int containerPort = pm.path("containerPort").asInt(0);
            Integer hostPort = pm.hasNonNull("hostPort") ? pm.get("hostPort").asInt() : null;
            // hostPort 0 means "unset" to ECS, as in bridge mode; it becomes the container port.
            if (sameHost) {
                hostPort = containerPort;
                pm.put("hostPort", containerPort);
            }
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
}
