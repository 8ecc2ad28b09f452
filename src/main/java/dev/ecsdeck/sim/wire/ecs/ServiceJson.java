package dev.ecsdeck.sim.wire.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.PlacementConstraint;
import dev.ecsdeck.model.PlacementStrategy;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.ServiceSettingsApi;
import dev.ecsdeck.sim.wire.WireRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The members of a service on the wire that the console's EcsService leaves out (platform version and
 * family, role, service registries, Availability Zone rebalancing), and its deployments' platform
 * and volume configurations.
 */
final class ServiceJson {
    private ServiceJson() {}

    /** The members ServiceSettingsApi applies, from a CreateService or UpdateService request. */
    static ServiceSettingsApi.Members members(WireRequest r) {
        return new ServiceSettingsApi.Members(r.string("platformVersion"), r.body().get("serviceRegistries"),
                r.body().get("volumeConfigurations"), r.string("role"), r.string("availabilityZoneRebalancing"),
                r.bind("networkConfiguration", NetworkConfiguration.class), r.bindList("placementConstraints", PlacementConstraint.class),
                r.bindList("placementStrategy", PlacementStrategy.class));
    }

    /** The network mode of CreateService's task definition when a role is given (which awsvpc refuses); else, or when not found, null. */
    static String networkModeOf(SimEngine engine, WireRequest r) {
        if (!r.has("role") || !r.has("taskDefinition")) {
            return null;
        }
        try {
            return engine.taskDefinitions().describe(r.string("taskDefinition")).networkMode();
        } catch (SimApiException e) {
            return null; // CreateService says the task definition is not found
        }
    }

    /** {@code out} with the members added to its service or services. */
    static ObjectNode withSettings(SimEngine engine, WireRequest r, ObjectNode out) {
        List<JsonNode> services = new ArrayList<>();
        out.path("services").forEach(services::add);
        if (out.has("service")) {
            services.add(out.get("service"));
        }
        addSettings(engine, r.string("cluster"), services);
        return out;
    }

    /** Adds the members to each service object of {@code services} of the cluster. */
    static void addSettings(SimEngine engine, String cluster, List<JsonNode> services) {
        List<String> arns = new ArrayList<>();
        services.forEach(s -> arns.add(s.path("serviceArn").asText()));
        if (arns.isEmpty()) {
            return;
        }
        Map<String, ServiceSettingsApi.Shown> shown = new ServiceSettingsApi(engine).shown(cluster, arns);
        for (JsonNode s : services) {
            ServiceSettingsApi.Shown settings = shown.get(s.path("serviceArn").asText());
            if (settings != null && s instanceof ObjectNode service) {
                addSettings(service, settings);
            }
        }
    }

    private static void addSettings(ObjectNode service, ServiceSettingsApi.Shown s) {
        putOrRemove(service, "platformVersion", s.platformVersion());
        putOrRemove(service, "platformFamily", s.platformFamily());
        putOrRemove(service, "roleArn", s.roleArn());
        service.put("availabilityZoneRebalancing", s.availabilityZoneRebalancing());
        service.set("serviceRegistries", s.serviceRegistries().deepCopy());
        for (JsonNode d : service.path("deployments")) {
            ServiceSettingsApi.DeploymentShown shown = s.deployments().get(d.path("id").asText());
            if (shown != null && d instanceof ObjectNode deployment) {
                putOrRemove(deployment, "platformVersion", shown.platformVersion());
                putOrRemove(deployment, "platformFamily", shown.platformFamily());
                if (!shown.volumeConfigurations().isEmpty()) {
                    deployment.set("volumeConfigurations", shown.volumeConfigurations().deepCopy());
                }
            }
        }
    }

    private static void putOrRemove(ObjectNode node, String member, String value) {
        if (value == null) {
            node.remove(member);
        } else {
            node.put(member, value);
        }
    }
}
