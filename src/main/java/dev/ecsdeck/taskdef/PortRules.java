package dev.ecsdeck.taskdef;

import static dev.ecsdeck.taskdef.EcsRules.client;
import static dev.ecsdeck.taskdef.EcsRules.ecsInt;
import static dev.ecsdeck.taskdef.JsonMembers.integer;
import static dev.ecsdeck.taskdef.JsonMembers.present;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.taskdef.EcsRules.Container;
import dev.ecsdeck.taskdef.EcsRules.Violation;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The port mappings' part of {@link EcsRules}. */
final class PortRules {
    private static final Pattern PORT_RANGE = Pattern.compile("(\\d{1,5})-(\\d{1,5})");

    private PortRules() {}

    static void check(Container c, String networkMode, List<Violation> found) {
        JsonNode mappings = c.node().get("portMappings");
        if (mappings == null || !mappings.isArray()) {
            return;
        }
        String listPath = c.path() + ".portMappings";
        if (!mappings.isEmpty() && networkMode.equals("none")) {
            found.add(client(listPath, listPath, "Port mappings are not possible with networkMode 'none'.",
                    listPath + ": port mappings are not supported when networkMode=none."));
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
                portRange(pm, path, networkMode, found);
                continue; // a range has no single container port
            }
            int containerPort = pm.path("containerPort").asInt(0);
            if (containerPort < 1 || containerPort > 65535) {
                boolean missing = !present(pm, "containerPort");
                String words = missing ? "A port mapping needs a 'containerPort' (or a 'containerPortRange')."
                        : integer(pm, "containerPort") != null ? "'containerPort' " + containerPort + " is not a port: use 1 to"
                                + " 65535." : null;
                found.add(client(path + ".containerPort", missing ? path : path + ".containerPort", words,
                        "Invalid 'containerPort' setting for container '" + c.name() + "'."));
            }
            Integer typedHostPort = integer(pm, "hostPort");
            boolean hostPortInRange = typedHostPort == null || (typedHostPort >= 0 && typedHostPort <= 65535);
            if (!hostPortInRange) {
                // ECS's wording is not known, so the simulator lets it through
                found.add(client(path + ".hostPort", path + ".hostPort", "'hostPort' " + typedHostPort + " is not a port: use 1 to 65535,"
                        + " or 0 or nothing for a dynamic port.", null));
            }
            Integer hostPort = ecsInt(pm, "hostPort");
            // awsvpc and host networking have no port translation; hostPort 0 means "unset" to ECS
            if (sameHost && hostPort != null && hostPort != 0 && present(pm, "containerPort") && hostPort != containerPort) {
                boolean typed = hostPortInRange && typedHostPort != null && integer(pm, "containerPort") != null;
                found.add(client(path + ".hostPort", path + ".hostPort", typed ? "With networkMode '" + networkMode + "', 'hostPort' must be"
                        + " empty or equal to 'containerPort' (" + containerPort + "), not " + hostPort + "." : null,
                        "When networkMode=" + networkMode + ", the host ports and container ports in port mappings must match."));
            }
        }
    }

    /** The rules the API reference gives for containerPortRange. */
    private static void portRange(JsonNode pm, String path, String networkMode, List<Violation> found) {
        if (!networkMode.equals("awsvpc") && !networkMode.equals("bridge")) {
            found.add(client(path + ".containerPortRange", path + ".containerPortRange", "Port ranges need networkMode awsvpc or bridge, not "
                    + networkMode + ".", path + ".containerPortRange: port ranges need networkMode awsvpc or bridge, not "
                    + networkMode + "."));
        }
        if (present(pm, "hostPort")) {
            found.add(client(path + ".hostPort", path + ".hostPort", "Leave 'hostPort' empty when a 'containerPortRange' is given.",
                    path + ".hostPort: leave hostPort empty when a containerPortRange is given."));
        }
        JsonNode range = pm.get("containerPortRange");
        Matcher m = PORT_RANGE.matcher(range.asText());
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(2)) > 65535
                || Integer.parseInt(m.group(1)) >= Integer.parseInt(m.group(2))) {
            found.add(client(path + ".containerPortRange", path + ".containerPortRange", range.isTextual() ? "'containerPortRange' \""
                    + range.asText() + "\" is not a range: give first-last, between 1 and 65535, with the first port less"
                    + " than the last." : null, path + ".containerPortRange: invalid range '" + range.asText()
                    + "'; give first-last, between 1 and 65535, with the first port less than the last."));
        }
    }
}
