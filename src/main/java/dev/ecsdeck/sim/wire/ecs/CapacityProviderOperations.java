package dev.ecsdeck.sim.wire.ecs;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.INTEGER;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.KeyValue;
import dev.ecsdeck.model.Tag;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.CapacityProviderApi;
import dev.ecsdeck.sim.ecs.ClusterConfigurationApi;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.util.List;

/**
 * ECS's capacity provider operations (CreateCapacityProvider, DescribeCapacityProviders,
 * UpdateCapacityProvider, DeleteCapacityProvider, PutClusterCapacityProviders) and the cluster
 * updates beside them (UpdateCluster, UpdateClusterSettings), added to the ECS {@link WireApi}
 * beside {@link EcsOperations}; and what DescribeClusters shows of them.
 */
final class CapacityProviderOperations {
    private final CapacityProviderApi capacity;
    private final ClusterConfigurationApi clusters;

    private CapacityProviderOperations(SimEngine engine) {
        this.capacity = new CapacityProviderApi(engine);
        this.clusters = new ClusterConfigurationApi(engine);
    }

    static WireApi addTo(WireApi api, SimEngine engine) {
        CapacityProviderOperations o = new CapacityProviderOperations(engine);
        return api
                .add("CreateCapacityProvider", of().required("name", STRING).member("cluster", STRING)
                        .member("autoScalingGroupProvider", STRUCTURE).member("managedInstancesProvider", STRUCTURE)
                        .member("tags", STRUCTURE_LIST), true, o::create)
                .add("DescribeCapacityProviders", of().member("capacityProviders", STRING_LIST).member("cluster", STRING)
                        .member("include", STRING_LIST).member("maxResults", INTEGER).member("nextToken", STRING), false, o::describe)
                .add("UpdateCapacityProvider", of().required("name", STRING).member("cluster", STRING)
                        .member("autoScalingGroupProvider", STRUCTURE).member("managedInstancesProvider", STRUCTURE), true, o::update)
                .add("DeleteCapacityProvider", of().required("capacityProvider", STRING).member("cluster", STRING), true, o::delete)
                .add("PutClusterCapacityProviders", of().required("cluster", STRING).required("capacityProviders", STRING_LIST)
                        .required("defaultCapacityProviderStrategy", STRUCTURE_LIST), true, o::putClusterCapacityProviders)
                .add("UpdateCluster", of().required("cluster", STRING).member("settings", STRUCTURE_LIST)
                        .member("configuration", STRUCTURE).member("serviceConnectDefaults", STRUCTURE), true, o::updateCluster)
                .add("UpdateClusterSettings", of().required("cluster", STRING).required("settings", STRUCTURE_LIST), true,
                        o::updateClusterSettings);
    }

    private JsonNode create(WireRequest r) {
        refuseManagedInstances(r);
        return provider(capacity.create(r.string("name"), r.bind("autoScalingGroupProvider", CapacityProviderApi.AutoScalingGroupProvider.class),
                r.bindList("tags", Tag.class)));
    }

    private JsonNode describe(WireRequest r) {
        List<String> include = r.strings("include");
        if (include != null) {
            for (String field : include) {
                if (!"TAGS".equals(field)) {
                    throw SimApiException.invalidParameter("1 validation error detected: Value '[" + field + "]' at 'include' failed to satisfy"
                            + " constraint: Member must satisfy constraint: [Member must satisfy enum value set: [TAGS]]");
                }
            }
        }
        CapacityProviderApi.Providers found = capacity.describe(r.strings("capacityProviders"), include != null && include.contains("TAGS"),
                r.string("nextToken"), r.integer("maxResults"));
        ObjectNode out = WireJson.object();
        out.set("capacityProviders", WireJson.tree(found.capacityProviders()));
        out.set("failures", WireJson.tree(found.failures()));
        if (found.nextToken() != null) {
            out.put("nextToken", found.nextToken());
        }
        return out;
    }

    private JsonNode update(WireRequest r) {
        refuseManagedInstances(r);
        JsonNode group = r.node("autoScalingGroupProvider");
        CapacityProviderApi.AutoScalingGroupProvider update = r.bind("autoScalingGroupProvider", CapacityProviderApi.AutoScalingGroupProvider.class);
        if (group == null || update == null) {
            throw SimApiException.invalidParameter("autoScalingGroupProvider is required to update an Auto Scaling group capacity provider.");
        }
        return provider(capacity.update(r.string("name"), update.managedScaling(), update.managedTerminationProtection(),
                update.managedDraining()));
    }

    private JsonNode delete(WireRequest r) {
        return provider(capacity.delete(r.string("capacityProvider")));
    }

    private JsonNode putClusterCapacityProviders(WireRequest r) {
        return cluster(capacity.putClusterCapacityProviders(r.string("cluster"), r.strings("capacityProviders"),
                r.bindList("defaultCapacityProviderStrategy", CapacityProviderStrategyItem.class)));
    }

    private JsonNode updateCluster(WireRequest r) {
        JsonNode configuration = r.node("configuration");
        if (configuration != null && !configuration.isObject()) {
            throw WireJson.serialization("Expected a structure for 'configuration', found " + WireJson.kind(configuration) + ".");
        }
        JsonNode defaults = r.node("serviceConnectDefaults");
        String namespace = null;
        if (defaults != null) {
            namespace = defaults.path("namespace").asText(null);
            if (namespace == null) {
                throw SimApiException.invalidParameter("serviceConnectDefaults.namespace is required.");
            }
        }
        Cluster c = clusters.updateCluster(r.string("cluster"), r.bindList("settings", KeyValue.class), (ObjectNode) configuration, namespace);
        return cluster(c);
    }

    private JsonNode updateClusterSettings(WireRequest r) {
        return cluster(clusters.updateClusterSettings(r.string("cluster"), r.bindList("settings", KeyValue.class)));
    }

    /** A cluster as these operations answer it: everything DescribeClusters shows with every include. */
    private JsonNode cluster(Cluster c) {
        ObjectNode node = (ObjectNode) WireJson.tree(c);
        decorate(clusters, node, List.of("ATTACHMENTS", "CONFIGURATIONS"));
        ObjectNode out = WireJson.object();
        out.set("cluster", node);
        return out;
    }

    /**
     * Adds what DescribeClusters shows of a cluster beyond the model record: its Service Connect
     * default, and as {@code include} asks its configuration and its capacity providers' attachments.
     */
    static void decorate(ClusterConfigurationApi clusters, ObjectNode cluster, List<String> include) {
        ClusterConfigurationApi.ClusterExtras extras = clusters.extras(cluster.path("clusterName").asText());
        if (extras == null) {
            return;
        }
        if (extras.serviceConnectNamespace() != null) {
            cluster.putObject("serviceConnectDefaults").put("namespace", extras.serviceConnectNamespace());
        }
        if (include.contains("CONFIGURATIONS") && extras.configuration() != null) {
            cluster.set("configuration", extras.configuration());
        }
        if (include.contains("ATTACHMENTS") && !extras.attachments().isEmpty()) {
            ArrayNode attachments = cluster.putArray("attachments");
            extras.attachments().forEach(a -> attachments.add(WireJson.tree(a)));
            cluster.put("attachmentsStatus", extras.attachmentsStatus());
        }
    }

    /** The clusters of a DescribeClusters answer, decorated as {@code include} asks. */
    static void decorateAll(SimEngine engine, JsonNode answer, List<String> include) {
        ClusterConfigurationApi clusters = new ClusterConfigurationApi(engine);
        for (JsonNode c : answer.path("clusters")) {
            decorate(clusters, (ObjectNode) c, include == null ? List.of() : include);
        }
    }

    private static void refuseManagedInstances(WireRequest r) {
        if (r.has("managedInstancesProvider")) {
            throw new SimApiException("UnsupportedFeatureException",
                    "The simulator serves Auto Scaling group capacity providers only, not Amazon ECS Managed Instances.");
        }
    }

    private static JsonNode provider(CapacityProviderApi.CapacityProvider p) {
        ObjectNode out = WireJson.object();
        out.set("capacityProvider", WireJson.tree(p));
        return out;
    }
}
