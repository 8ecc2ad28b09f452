package dev.ecsdeck.sim.wire.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.Attribute;
import dev.ecsdeck.model.Resource;
import dev.ecsdeck.model.VersionInfo;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.InstanceRegistrationApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RegisterContainerInstance with the body the ECS agent sends: totalResources (CPU, MEMORY,
 * PORTS, PORTS_UDP), the EC2 instance identity document (a JSON string: instanceId,
 * availabilityZone, instanceType...), versionInfo, attributes, and containerInstanceArn when it
 * registers again. The signature is not checked; platformDevices and tags are read but not kept.
 */
final class ContainerInstanceRegistration {
    private ContainerInstanceRegistration() {}

    static JsonNode register(SimEngine engine, WireRequest r) {
        List<Resource> resources = r.bindList("totalResources", Resource.class);
        Map<String, String> attributes = new LinkedHashMap<>();
        List<Attribute> given = r.bindList("attributes", Attribute.class);
        if (given != null) {
            given.forEach(a -> attributes.put(a.name(), a.value()));
        }
        JsonNode identity = identityDocument(r.string("instanceIdentityDocument"));
        InstanceRegistrationApi.Registration registration = new InstanceRegistrationApi.Registration(r.string("cluster"),
                r.string("containerInstanceArn"), EcsOperations.resource(resources, "CPU"), EcsOperations.resource(resources, "MEMORY"),
                ports(resources, "PORTS"), ports(resources, "PORTS_UDP"), text(identity, "instanceId"), text(identity, "availabilityZone"),
                text(identity, "instanceType"), r.bind("versionInfo", VersionInfo.class), attributes);
        ObjectNode out = WireJson.object();
        out.set("containerInstance", EcsOperations.instance(new InstanceRegistrationApi(engine).register(registration)));
        return out;
    }

    /** The identity document the agent passes on from EC2's metadata service; an empty one is what an agent off EC2 sends. */
    private static JsonNode identityDocument(String document) {
        if (document == null || document.isBlank()) {
            return WireJson.object();
        }
        try {
            JsonNode node = WireJson.parseDocument(document);
            if (node.isObject()) {
                return node;
            }
        } catch (RuntimeException e) {
            // refused below, as ECS refuses a document it cannot read
        }
        throw new SimApiException("InvalidParameterException", "instanceIdentityDocument is not a valid instance identity document.");
    }

    private static String text(JsonNode identity, String member) {
        JsonNode v = identity.get(member);
        return v == null || !v.isTextual() || v.asText().isEmpty() ? null : v.asText();
    }

    /** A STRINGSET resource of port numbers; null when the agent sent none. */
    private static Set<Integer> ports(List<Resource> resources, String name) {
        if (resources == null) {
            return null;
        }
        for (Resource res : resources) {
            if (name.equals(res.name()) && res.stringSetValue() != null) {
                Set<Integer> ports = new LinkedHashSet<>();
                for (String p : res.stringSetValue()) {
                    try {
                        ports.add(Integer.parseInt(p.trim()));
                    } catch (NumberFormatException e) {
                        throw new SimApiException("InvalidParameterException", "totalResources " + name + " holds a value that is not a port: " + p);
                    }
                }
                return ports;
            }
        }
        return null;
    }
}
