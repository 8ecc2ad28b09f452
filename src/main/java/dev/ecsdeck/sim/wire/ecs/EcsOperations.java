package dev.ecsdeck.sim.wire.ecs;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.BOOLEAN;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.INTEGER;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.Attribute;
import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.KeyValue;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.PlacementConstraint;
import dev.ecsdeck.model.PlacementStrategy;
import dev.ecsdeck.model.Resource;
import dev.ecsdeck.model.Tag;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.model.RunTaskRequest;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.CreateServiceRequest;
import dev.ecsdeck.sim.ecs.Described;
import dev.ecsdeck.sim.ecs.TaskApi;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.json.WireJson;
import dev.ecsdeck.sim.wire.WireRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ECS operations (AmazonEC2ContainerServiceV20141113) on the simulator's engine. */
public final class EcsOperations {
    public static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113";

    private final SimEngine engine;

    private EcsOperations(SimEngine engine) {
        this.engine = engine;
    }

    public static WireApi api(SimEngine engine) {
        EcsOperations ecs = new EcsOperations(engine);
        WireApi api = new WireApi(TARGET_PREFIX, "ECS", "InvalidParameterException", "ServerException")
                .add("ListClusters", of().member("nextToken", STRING).member("maxResults", INTEGER), false, ecs::listClusters)
                .add("DescribeClusters", of().member("clusters", STRING_LIST).member("include", STRING_LIST), false,
                        ecs::describeClusters)
                .add("CreateCluster", of().member("clusterName", STRING).member("tags", STRUCTURE_LIST).member("settings", STRUCTURE_LIST)
                        .member("capacityProviders", STRING_LIST).member("defaultCapacityProviderStrategy", STRUCTURE_LIST), true,
                        ecs::createCluster)
                .add("DeleteCluster", of().required("cluster", STRING), true, ecs::deleteCluster)
                .add("ListServices", of().member("cluster", STRING).member("nextToken", STRING).member("maxResults", INTEGER)
                        .member("launchType", STRING).member("schedulingStrategy", STRING), false, ecs::listServices)
                .add("DescribeServices", of().member("cluster", STRING).required("services", STRING_LIST).member("include", STRING_LIST),
                        false, ecs::describeServices)
                .add("CreateService", of().member("cluster", STRING).required("serviceName", STRING).member("taskDefinition", STRING)
                        .member("loadBalancers", STRUCTURE_LIST).member("desiredCount", INTEGER).member("clientToken", STRING)
                        .member("launchType", STRING).member("capacityProviderStrategy", STRUCTURE_LIST)
                        .member("deploymentConfiguration", STRUCTURE).member("placementConstraints", STRUCTURE_LIST)
                        .member("placementStrategy", STRUCTURE_LIST).member("networkConfiguration", STRUCTURE)
                        .member("healthCheckGracePeriodSeconds", INTEGER).member("schedulingStrategy", STRING)
                        .member("tags", STRUCTURE_LIST), true, ecs::createService)
                .add("UpdateService", of().member("cluster", STRING).required("service", STRING).member("desiredCount", INTEGER)
                        .member("taskDefinition", STRING).member("deploymentConfiguration", STRUCTURE)
                        .member("forceNewDeployment", BOOLEAN).member("loadBalancers", STRUCTURE_LIST)
                        .member("healthCheckGracePeriodSeconds", INTEGER).member("capacityProviderStrategy", STRUCTURE_LIST), true,
                        ecs::updateService)
                .add("DeleteService", of().member("cluster", STRING).required("service", STRING).member("force", BOOLEAN), true,
                        ecs::deleteService)
                .add("ListTasks", of().member("cluster", STRING).member("containerInstance", STRING).member("family", STRING)
                        .member("nextToken", STRING).member("maxResults", INTEGER).member("startedBy", STRING)
                        .member("serviceName", STRING).member("desiredStatus", STRING).member("launchType", STRING), false,
                        ecs::listTasks)
                .add("DescribeTasks", of().member("cluster", STRING).required("tasks", STRING_LIST).member("include", STRING_LIST), false,
                        ecs::describeTasks)
                .add("RunTask", of().member("capacityProviderStrategy", STRUCTURE_LIST).member("cluster", STRING)
                        .member("count", INTEGER).member("group", STRING).member("launchType", STRING)
                        .member("networkConfiguration", STRUCTURE).member("placementConstraints", STRUCTURE_LIST)
                        .member("placementStrategy", STRUCTURE_LIST).member("startedBy", STRING).member("tags", STRUCTURE_LIST)
                        .required("taskDefinition", STRING).member("clientToken", STRING), true, ecs::runTask)
                .add("StopTask", of().member("cluster", STRING).required("task", STRING).member("reason", STRING), true, ecs::stopTask)
                .add("ListContainerInstances", of().member("cluster", STRING).member("filter", STRING).member("nextToken", STRING)
                        .member("maxResults", INTEGER).member("status", STRING), false, ecs::listContainerInstances)
                .add("DescribeContainerInstances", of().member("cluster", STRING).required("containerInstances", STRING_LIST)
                        .member("include", STRING_LIST), false, ecs::describeContainerInstances)
                .add("RegisterContainerInstance", of().member("cluster", STRING).member("totalResources", STRUCTURE_LIST)
                        .member("attributes", STRUCTURE_LIST), true, ecs::registerContainerInstance)
                .add("UpdateContainerInstancesState", of().member("cluster", STRING).required("containerInstances", STRING_LIST)
                        .required("status", STRING), true, ecs::updateContainerInstancesState)
                .add("DeregisterContainerInstance", of().member("cluster", STRING).required("containerInstance", STRING)
                        .member("force", BOOLEAN), true, ecs::deregisterContainerInstance)
                .add("ListTaskDefinitionFamilies", of().member("familyPrefix", STRING).member("status", STRING)
                        .member("nextToken", STRING).member("maxResults", INTEGER), false, ecs::listTaskDefinitionFamilies)
                .add("ListTaskDefinitions", of().member("familyPrefix", STRING).member("status", STRING).member("sort", STRING)
                        .member("nextToken", STRING).member("maxResults", INTEGER), false, ecs::listTaskDefinitions)
                .add("DescribeTaskDefinition", of().required("taskDefinition", STRING).member("include", STRING_LIST), false,
                        ecs::describeTaskDefinition)
                .add("RegisterTaskDefinition", of().required("family", STRING).required("containerDefinitions", STRUCTURE_LIST)
                        .member("tags", STRUCTURE_LIST), true, ecs::registerTaskDefinition)
                .add("DeregisterTaskDefinition", of().required("taskDefinition", STRING), true, ecs::deregisterTaskDefinition)
                .add("ListTagsForResource", of().required("resourceArn", STRING), false, ecs::listTagsForResource);
        CapacityProviderOperations.addTo(api, engine);
        return ServiceDeploymentOperations.addTo(api, engine);
    }

    private JsonNode listClusters(WireRequest r) {
        return page("clusterArns", engine.clusters().listClusters(r.string("nextToken"), r.integer("maxResults")));
    }

    private JsonNode describeClusters(WireRequest r) {
        ObjectNode out = described("clusters", engine.clusters().describeClusters(r.strings("clusters")));
        CapacityProviderOperations.decorateAll(engine, out, r.strings("include"));
        return out;
    }

    /** Capacity providers named (Auto Scaling group ones too) are associated as PutClusterCapacityProviders does it. */
    private JsonNode createCluster(WireRequest r) {
        List<String> providers = r.strings("capacityProviders");
        List<CapacityProviderStrategyItem> strategy = r.bindList("defaultCapacityProviderStrategy", CapacityProviderStrategyItem.class);
        dev.ecsdeck.sim.ecs.CapacityProviderApi capacity = new dev.ecsdeck.sim.ecs.CapacityProviderApi(engine);
        capacity.checkExist(providers);
        Cluster c = engine.clusters().createCluster(r.string("clusterName"), List.of(), r.bindList("settings", KeyValue.class),
                r.bindList("tags", Tag.class));
        if (providers != null && !providers.isEmpty() || strategy != null && !strategy.isEmpty()) {
            c = capacity.putClusterCapacityProviders(c.clusterName(), providers == null ? List.of() : providers,
                    strategy == null ? List.of() : strategy);
        }
        return single("cluster", c);
    }

    private JsonNode deleteCluster(WireRequest r) {
        return single("cluster", engine.clusters().deleteCluster(r.string("cluster")));
    }

    private JsonNode listServices(WireRequest r) {
        return page("serviceArns", engine.services().listServices(r.string("cluster"), r.string("launchType"),
                r.string("schedulingStrategy"), r.string("nextToken"), r.integer("maxResults")));
    }

    private JsonNode describeServices(WireRequest r) {
        return described("services", engine.services().describeServices(r.string("cluster"), r.strings("services")));
    }

    private JsonNode createService(WireRequest r) {
        EcsService s = engine.services().createService(new CreateServiceRequest(r.string("cluster"), r.string("serviceName"),
                r.string("taskDefinition"), r.integer("desiredCount"), r.string("launchType"),
                r.bindList("capacityProviderStrategy", CapacityProviderStrategyItem.class), r.string("schedulingStrategy"),
                r.bind("deploymentConfiguration", DeploymentConfiguration.class),
                r.bind("networkConfiguration", NetworkConfiguration.class),
                r.bindList("placementConstraints", PlacementConstraint.class), r.bindList("placementStrategy", PlacementStrategy.class),
                r.bindList("loadBalancers", LoadBalancer.class), r.integer("healthCheckGracePeriodSeconds"),
                r.bindList("tags", Tag.class)));
        return single("service", s);
    }

    /**
     * The settings the simulator keeps (load balancers and the health check grace period among them);
     * others (network, placement...) are not in the request shape and are left as they are.
     */
    private JsonNode updateService(WireRequest r) {
        List<CapacityProviderStrategyItem> strategy = r.bindList("capacityProviderStrategy", CapacityProviderStrategyItem.class);
        dev.ecsdeck.sim.ecs.CapacityProviderApi capacity = new dev.ecsdeck.sim.ecs.CapacityProviderApi(engine);
        if (strategy != null) {
            capacity.checkServiceStrategy(r.string("cluster"), r.string("service"), strategy);
        }
        EcsService s = engine.services().updateService(r.string("cluster"), r.string("service"), r.integer("desiredCount"),
                r.string("taskDefinition"), r.flag("forceNewDeployment"),
                r.bind("deploymentConfiguration", DeploymentConfiguration.class), r.bindList("loadBalancers", LoadBalancer.class),
                r.integer("healthCheckGracePeriodSeconds"));
        if (strategy != null) {
            s = capacity.applyServiceStrategy(r.string("cluster"), r.string("service"), strategy);
        }
        return single("service", s);
    }

    private JsonNode deleteService(WireRequest r) {
        return single("service", engine.services().deleteService(r.string("cluster"), r.string("service"), r.flag("force")));
    }

    private JsonNode listTasks(WireRequest r) {
        TaskApi.Filter filter = new TaskApi.Filter(r.string("serviceName"), r.string("containerInstance"), r.string("family"),
                r.string("startedBy"), r.string("desiredStatus"), r.string("launchType"));
        return page("taskArns", engine.tasks().listTasks(r.string("cluster"), filter, r.string("nextToken"), r.integer("maxResults")));
    }

    private JsonNode describeTasks(WireRequest r) {
        return described("tasks", engine.tasks().describeTasks(r.string("cluster"), r.strings("tasks")));
    }

    private JsonNode runTask(WireRequest r) {
        Integer count = r.integer("count");
        String launchType = r.string("launchType");
        List<CapacityProviderStrategyItem> strategy = r.bindList("capacityProviderStrategy", CapacityProviderStrategyItem.class);
        RunTaskRequest request = new RunTaskRequest(r.string("cluster"), r.string("taskDefinition"), count == null ? 1 : count,
                launchType, r.bind("networkConfiguration", NetworkConfiguration.class),
                r.bindList("placementConstraints", PlacementConstraint.class), r.bindList("placementStrategy", PlacementStrategy.class),
                r.string("startedBy"), r.string("group"));
        return described("tasks", engine.tasks().runTask(request, strategy));
    }

    private JsonNode stopTask(WireRequest r) {
        return single("task", engine.tasks().stopTask(r.string("cluster"), r.string("task"), r.string("reason")));
    }

    private JsonNode listContainerInstances(WireRequest r) {
        if (r.has("filter")) {
            throw new SimApiException("InvalidParameterException",
                    "The simulator does not support the filter member of ListContainerInstances; list them and describe them instead.");
        }
        return page("containerInstanceArns", engine.clusters().listContainerInstances(r.string("cluster"), r.string("status"),
                r.string("nextToken"), r.integer("maxResults")));
    }

    private JsonNode describeContainerInstances(WireRequest r) {
        Described<ContainerInstance> d = engine.clusters().describeContainerInstances(r.string("cluster"), r.strings("containerInstances"));
        return instances(d);
    }

    private JsonNode registerContainerInstance(WireRequest r) {
        List<Resource> resources = r.bindList("totalResources", Resource.class);
        Map<String, String> attributes = new LinkedHashMap<>();
        List<Attribute> given = r.bindList("attributes", Attribute.class);
        if (given != null) {
            given.forEach(a -> attributes.put(a.name(), a.value()));
        }
        ContainerInstance i = engine.clusters().registerContainerInstance(r.string("cluster"), resource(resources, "CPU"),
                resource(resources, "MEMORY"), attributes);
        ObjectNode out = WireJson.object();
        out.set("containerInstance", instance(i));
        return out;
    }

    /** An INTEGER resource of totalResources (CPU units, MEMORY MiB); 0 when absent, which the engine refuses. */
    private static int resource(List<Resource> resources, String name) {
        if (resources != null) {
            for (Resource res : resources) {
                if (name.equals(res.name())) {
                    if (res.integerValue() != null) {
                        return res.integerValue();
                    }
                    double value = res.longValue() != null ? res.longValue() : res.doubleValue() != null ? res.doubleValue() : 0;
                    if (value > Integer.MAX_VALUE) {
                        throw new SimApiException("InvalidParameterException", "totalResources " + name + " is too large: " + value);
                    }
                    return (int) Math.floor(value);
                }
            }
        }
        return 0;
    }

    private JsonNode updateContainerInstancesState(WireRequest r) {
        return instances(engine.clusters().updateContainerInstancesState(r.string("cluster"), r.strings("containerInstances"),
                r.string("status")));
    }

    private JsonNode deregisterContainerInstance(WireRequest r) {
        ObjectNode out = WireJson.object();
        out.set("containerInstance", instance(engine.clusters().deregisterContainerInstance(r.string("cluster"),
                r.string("containerInstance"), r.flag("force"))));
        return out;
    }

    private JsonNode listTaskDefinitionFamilies(WireRequest r) {
        return page("families", engine.taskDefinitions().listFamilies(r.string("familyPrefix"), r.string("status"),
                r.string("nextToken"), r.integer("maxResults")));
    }

    /** familyPrefix is, as ECS documents it, the full family name. */
    private JsonNode listTaskDefinitions(WireRequest r) {
        return page("taskDefinitionArns", engine.taskDefinitions().listTaskDefinitions(r.string("familyPrefix"), r.string("status"),
                r.string("sort"), r.string("nextToken"), r.integer("maxResults")));
    }

    private JsonNode describeTaskDefinition(WireRequest r) {
        return taskDefinition(engine.taskDefinitions().describe(r.string("taskDefinition")), true);
    }

    /** The request document itself, less its tags (the simulator keeps none), is what the engine registers. */
    private JsonNode registerTaskDefinition(WireRequest r) {
        ObjectNode request = r.body().deepCopy();
        request.remove("tags");
        return taskDefinition(engine.taskDefinitions().register(request.toString()), true);
    }

    private JsonNode deregisterTaskDefinition(WireRequest r) {
        return taskDefinition(engine.taskDefinitions().deregister(r.string("taskDefinition")), false);
    }

    /** Tags of clusters and services (as created); other resources have none in the simulator. */
    private JsonNode listTagsForResource(WireRequest r) {
        String arn = r.string("resourceArn");
        String resource = arn.contains(":") ? arn.substring(arn.lastIndexOf(':') + 1) : "";
        String[] path = resource.split("/");
        List<Tag> tags = List.of();
        if (path.length == 2 && "cluster".equals(path[0])) {
            Described<Cluster> d = engine.clusters().describeClusters(List.of(path[1]));
            if (d.items().isEmpty()) {
                throw new SimApiException("ClusterNotFoundException", "Cluster not found.");
            }
            tags = d.items().get(0).tags();
        } else if (path.length == 3 && "service".equals(path[0])) {
            Described<EcsService> d = engine.services().describeServices(path[1], List.of(path[2]));
            if (d.items().isEmpty()) {
                throw new SimApiException("InvalidParameterException", "The specified resource is not found.");
            }
            tags = d.items().get(0).tags();
        } else if (!arn.startsWith("arn:")) {
            throw new SimApiException("InvalidParameterException", "Invalid resourceArn: " + arn);
        }
        ObjectNode out = WireJson.object();
        out.set("tags", WireJson.tree(tags));
        return out;
    }

    private static JsonNode taskDefinition(TaskDefinition td, boolean withTags) {
        ObjectNode out = WireJson.object();
        out.set("taskDefinition", WireJson.parseDocument(td.json()));
        if (withTags) {
            out.putArray("tags");
        }
        return out;
    }

    private static ObjectNode page(String member, Page<String> page) {
        ObjectNode out = WireJson.object();
        out.set(member, WireJson.strings(page.items()));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    /** A Describe answer: the items found under {@code member}, and the failures. */
    static ObjectNode described(String member, Described<?> d) {
        ObjectNode out = WireJson.object();
        out.set(member, WireJson.tree(d.items()));
        out.set("failures", WireJson.tree(d.failures()));
        return out;
    }

    private static ObjectNode single(String member, Object value) {
        ObjectNode out = WireJson.object();
        out.set(member, WireJson.tree(value));
        return out;
    }

    private static ObjectNode instances(Described<ContainerInstance> d) {
        ObjectNode out = WireJson.object();
        var list = out.putArray("containerInstances");
        d.items().forEach(i -> list.add(instance(i)));
        out.set("failures", WireJson.tree(d.failures()));
        return out;
    }

    /** ECS nests the agent's version in versionInfo; the model record keeps it flat. */
    private static ObjectNode instance(ContainerInstance i) {
        ObjectNode node = (ObjectNode) WireJson.tree(i);
        JsonNode agentVersion = node.remove("agentVersion");
        if (agentVersion != null) {
            node.putObject("versionInfo").set("agentVersion", agentVersion);
        }
        return node;
    }
}
