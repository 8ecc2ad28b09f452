package dev.ecsdeck.sim.wire.ecs;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.BOOLEAN;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.INTEGER;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.ecsdeck.model.Page;
import dev.ecsdeck.model.RunTaskRequest;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.CapacityProviderApi;
import dev.ecsdeck.sim.ecs.CreateServiceRequest;
import dev.ecsdeck.sim.ecs.Described;
import dev.ecsdeck.sim.ecs.ExecuteCommandApi;
import dev.ecsdeck.sim.ecs.ServiceSettingsApi;
import dev.ecsdeck.sim.ecs.TagApi;
import dev.ecsdeck.sim.ecs.TaskApi;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.json.WireJson;
import dev.ecsdeck.sim.wire.WireRequest;
import java.util.List;
import java.util.Set;

/** The ECS operations (AmazonEC2ContainerServiceV20141113) on the simulator's engine. */
public final class EcsOperations {
    public static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113";

    private final SimEngine engine;
    private final ExecuteCommandApi exec;

    private EcsOperations(SimEngine engine) {
        this.engine = engine;
        this.exec = new ExecuteCommandApi(engine);
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
                        .member("tags", STRUCTURE_LIST)
                        .member("platformVersion", STRING)
                        .member("serviceRegistries", STRUCTURE_LIST)
                        .member("role", STRING)
                        .member("volumeConfigurations", STRUCTURE_LIST)
                        .member("availabilityZoneRebalancing", STRING)
                        .member("propagateTags", STRING)
                        .member("enableECSManagedTags", BOOLEAN)
                        .member("serviceConnectConfiguration", STRUCTURE)
                        .member("enableExecuteCommand", BOOLEAN), true, ecs::createService)
                .add("UpdateService", of().member("cluster", STRING).required("service", STRING).member("desiredCount", INTEGER)
                        .member("taskDefinition", STRING).member("deploymentConfiguration", STRUCTURE)
                        .member("forceNewDeployment", BOOLEAN).member("loadBalancers", STRUCTURE_LIST)
                        .member("healthCheckGracePeriodSeconds", INTEGER)
                        .member("networkConfiguration", STRUCTURE)
                        .member("placementConstraints", STRUCTURE_LIST)
                        .member("placementStrategy", STRUCTURE_LIST)
                        .member("platformVersion", STRING)
                        .member("serviceRegistries", STRUCTURE_LIST)
                        .member("volumeConfigurations", STRUCTURE_LIST)
                        .member("availabilityZoneRebalancing", STRING)
                        .member("propagateTags", STRING)
                        .member("enableECSManagedTags", BOOLEAN)
                        .member("serviceConnectConfiguration", STRUCTURE)
                        .member("enableExecuteCommand", BOOLEAN)
                        .member("capacityProviderStrategy", STRUCTURE_LIST), true, ecs::updateService)
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
                        .required("taskDefinition", STRING).member("clientToken", STRING)
                        .member("overrides", STRUCTURE)
                        .member("platformVersion", STRING)
                        .member("propagateTags", STRING)
                        .member("enableECSManagedTags", BOOLEAN)
                        .member("enableExecuteCommand", BOOLEAN), true, ecs::runTask)
                .add("StopTask", of().member("cluster", STRING).required("task", STRING).member("reason", STRING), true, ecs::stopTask)
                .add("ListContainerInstances", of().member("cluster", STRING).member("filter", STRING).member("nextToken", STRING)
                        .member("maxResults", INTEGER).member("status", STRING), false, ecs::listContainerInstances)
                .add("DescribeContainerInstances", of().member("cluster", STRING).required("containerInstances", STRING_LIST)
                        .member("include", STRING_LIST), false, ecs::describeContainerInstances)
                .add("RegisterContainerInstance", of().member("cluster", STRING).member("totalResources", STRUCTURE_LIST)
                        .member("attributes", STRUCTURE_LIST)
                        .member("instanceIdentityDocument", STRING)
                        .member("instanceIdentityDocumentSignature", STRING)
                        .member("versionInfo", STRUCTURE)
                        .member("containerInstanceArn", STRING)
                        .member("platformDevices", STRUCTURE_LIST)
                        .member("tags", STRUCTURE_LIST), true, r -> ContainerInstanceRegistration.register(engine, r))
                .add("UpdateContainerInstancesState", of().member("cluster", STRING).required("containerInstances", STRING_LIST)
                        .required("status", STRING), true, ecs::updateContainerInstancesState)
                .add("DeregisterContainerInstance", of().member("cluster", STRING).required("containerInstance", STRING)
                        .member("force", BOOLEAN), true, ecs::deregisterContainerInstance);
        TaskDefinitionOperations.addTo(api, engine);
        ServiceDeploymentOperations.addTo(api, engine);
        TagOperations.addTo(api, engine);
        AccountSettingOperations.addTo(api, engine);
        InstanceOperations.addTo(api, engine);
        TaskProtectionOperations.addTo(api, engine);
        ServiceConnectOperations.addTo(api, engine);
        TaskSetOperations.addTo(api, engine);
        ExecuteCommandOperations.addTo(api, engine);
        CapacityProviderOperations.addTo(api, engine);
        EcsEnums.addTo(api);
        return api;
    }

    private JsonNode listClusters(WireRequest r) {
        return page("clusterArns", engine.clusters().listClusters(r.string("nextToken"), r.integer("maxResults")));
    }

    private JsonNode describeClusters(WireRequest r) {
        boolean tags = TagOperations.includesTags(r, Set.of("ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS"));
        ObjectNode out = described("clusters", engine.clusters().describeClusters(r.strings("clusters")));
        TagOperations.tagsIfIncluded(engine, tags, out, "clusters", "clusterArn");
        CapacityProviderOperations.decorateAll(engine, out, r.strings("include"));
        return out;
    }

    /** Capacity providers named (Auto Scaling group ones too) are associated as PutClusterCapacityProviders does it. */
    private JsonNode createCluster(WireRequest r) {
        TagApi.checkTags(r.bindList("tags", Tag.class));
        List<String> providers = r.strings("capacityProviders");
        List<CapacityProviderStrategyItem> strategy = r.bindList("defaultCapacityProviderStrategy", CapacityProviderStrategyItem.class);
        CapacityProviderApi capacity = new CapacityProviderApi(engine);
        capacity.checkExist(providers);
        Cluster c = engine.clusters().createCluster(r.string("clusterName"), List.of(),
                engine.accountSettings().newClusterSettings(r.bindList("settings", KeyValue.class)), r.bindList("tags", Tag.class));
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
        boolean tags = TagOperations.includesTags(r, Set.of("TAGS"));
        ObjectNode out = ServiceJson.withSettings(engine, r,
                described("services", engine.services().describeServices(r.string("cluster"), r.strings("services"))));
        TagOperations.tagsIfIncluded(engine, tags, out, "services", "serviceArn");
        out.get("services").forEach(s -> TagOperations.propagation(engine, s));
        ServiceConnectOperations.described(engine, out);
        return out;
    }

    private JsonNode createService(WireRequest r) {
        ServiceConnectOperations.check(engine, r, "serviceName");
        CreateServiceRequest request = new CreateServiceRequest(r.string("cluster"), r.string("serviceName"),
                r.string("taskDefinition"), r.integer("desiredCount"), r.string("launchType"),
                r.bindList("capacityProviderStrategy", CapacityProviderStrategyItem.class), r.string("schedulingStrategy"),
                r.bind("deploymentConfiguration", DeploymentConfiguration.class),
                r.bind("networkConfiguration", NetworkConfiguration.class),
                r.bindList("placementConstraints", PlacementConstraint.class), r.bindList("placementStrategy", PlacementStrategy.class),
                r.bindList("loadBalancers", LoadBalancer.class), r.integer("healthCheckGracePeriodSeconds"),
                r.bindList("tags", Tag.class));
        EcsService s = exec.onService(r.string("cluster"), r.string("serviceName"), r.bool("enableExecuteCommand"),
                () -> new ServiceSettingsApi(engine).create(r.string("cluster"), r.string("launchType"),
                        request.capacityProviderStrategy(), r.string("schedulingStrategy"), ServiceJson.networkModeOf(engine, r),
                        ServiceJson.members(r),
                        () -> engine.tags().createService(request, r.string("propagateTags"), r.bool("enableECSManagedTags"))));
        return ServiceConnectOperations.stored(engine, r, ServiceJson.withSettings(engine, r, serviceAnswer(s)), true);
    }

    /**
     * ServiceApi's members (count, task definition, deployment configuration, load balancers, grace
     * period) inside ServiceSettingsApi's (network, placement, platform, registries, volumes...), which
     * force a new deployment when they change what the service deploys.
     */
    private JsonNode updateService(WireRequest r) {
        TagApi.checkPropagateTags(r.string("propagateTags"), true);
        ServiceConnectOperations.check(engine, r, "service");
        List<CapacityProviderStrategyItem> strategy = r.bindList("capacityProviderStrategy", CapacityProviderStrategyItem.class);
        CapacityProviderApi capacity = new CapacityProviderApi(engine);
        if (strategy != null) {
            capacity.checkServiceStrategy(r.string("cluster"), r.string("service"), strategy);
        }
        EcsService updated = exec.onService(r.string("cluster"), r.string("service"), r.bool("enableExecuteCommand"),
                () -> new ServiceSettingsApi(engine).update(r.string("cluster"), r.string("service"), ServiceJson.members(r),
                workloadChanged -> engine.services().updateService(r.string("cluster"), r.string("service"), r.integer("desiredCount"),
                r.string("taskDefinition"), r.flag("forceNewDeployment") || workloadChanged || ServiceConnectOperations.redeploys(r),
                r.bind("deploymentConfiguration", DeploymentConfiguration.class), r.bindList("loadBalancers", LoadBalancer.class),
                r.integer("healthCheckGracePeriodSeconds"))));
        EcsService s = strategy == null ? updated : capacity.applyServiceStrategy(r.string("cluster"), r.string("service"), strategy);
        engine.tags().updateServicePropagation(s.serviceArn(), r.string("propagateTags"), r.bool("enableECSManagedTags"));
        return ServiceConnectOperations.stored(engine, r, ServiceJson.withSettings(engine, r, serviceAnswer(s)), false);
    }

    private JsonNode deleteService(WireRequest r) {
        EcsService s = engine.services().deleteService(r.string("cluster"), r.string("service"), r.flag("force"));
        return ServiceJson.withSettings(engine, r, serviceAnswer(s));
    }

    private JsonNode listTasks(WireRequest r) {
        TaskApi.Filter filter = new TaskApi.Filter(r.string("serviceName"), r.string("containerInstance"), r.string("family"),
                r.string("startedBy"), r.string("desiredStatus"), r.string("launchType"));
        return page("taskArns", engine.tasks().listTasks(r.string("cluster"), filter, r.string("nextToken"), r.integer("maxResults")));
    }

    private JsonNode describeTasks(WireRequest r) {
        boolean tags = TagOperations.includesTags(r, Set.of("TAGS"));
        ObjectNode out = described("tasks", engine.tasks().describeTasks(r.string("cluster"), r.strings("tasks")));
        TaskJson.addDetails(engine, r.string("cluster"), out.path("tasks"));
        TagOperations.tagsIfIncluded(engine, tags, out, "tasks", "taskArn");
        return ExecuteCommandOperations.withManagedAgents(out, "tasks");
    }

    private JsonNode runTask(WireRequest r) {
        Integer count = r.integer("count");
        String launchType = r.string("launchType");
        List<CapacityProviderStrategyItem> strategy = r.bindList("capacityProviderStrategy", CapacityProviderStrategyItem.class);
        RunTaskRequest request = new RunTaskRequest(r.string("cluster"), r.string("taskDefinition"), count == null ? 1 : count,
                launchType, r.bind("networkConfiguration", NetworkConfiguration.class),
                r.bindList("placementConstraints", PlacementConstraint.class), r.bindList("placementStrategy", PlacementStrategy.class),
                r.string("startedBy"), r.string("group"));
        String runsOn = launchType == null && strategy != null
                && strategy.stream().anyMatch(i -> i.capacityProvider() != null && i.capacityProvider().startsWith("FARGATE")) ? "FARGATE" : launchType;
        return TaskJson.runTask(engine, r, runsOn, () -> {
            ObjectNode out = described("tasks", exec.onLaunch(r.string("cluster"), r.flag("enableExecuteCommand"),
                    () -> engine.tags().runTask(request, strategy, r.bindList("tags", Tag.class), r.string("propagateTags"),
                            r.flag("enableECSManagedTags"))));
            TagOperations.tagsIfIncluded(engine, true, out, "tasks", "taskArn");
            return ExecuteCommandOperations.withManagedAgents(out, "tasks");
        });
    }

    private JsonNode stopTask(WireRequest r) {
        ObjectNode out = single("task", engine.tasks().stopTask(r.string("cluster"), r.string("task"), r.string("reason")));
        TaskJson.addDetails(engine, r.string("cluster"), JsonNodeFactory.instance.arrayNode().add(out.get("task")));
        TagOperations.tagsOf(engine, out.get("task"), "taskArn");
        return ExecuteCommandOperations.withManagedAgents(out, "task");
    }

    private JsonNode listContainerInstances(WireRequest r) {
        return page("containerInstanceArns", engine.clusters().listContainerInstances(r.string("cluster"), r.string("filter"), r.string("status"),
                r.string("nextToken"), r.integer("maxResults")));
    }

    private JsonNode describeContainerInstances(WireRequest r) {
        boolean tags = TagOperations.includesTags(r, Set.of("TAGS", "CONTAINER_INSTANCE_HEALTH"));
        Described<ContainerInstance> d = engine.clusters().describeContainerInstances(r.string("cluster"), r.strings("containerInstances"));
        ObjectNode out = instances(d);
        TagOperations.tagsIfIncluded(engine, tags, out, "containerInstances", "containerInstanceArn");
        return out;
    }

    /** An INTEGER resource of totalResources (CPU units, MEMORY MiB); 0 when absent, which the engine refuses. */
    static int resource(List<Resource> resources, String name) {
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

    /** A service answer, with its tag settings. */
    private ObjectNode serviceAnswer(EcsService s) {
        ObjectNode out = single("service", s);
        TagOperations.propagation(engine, out.get("service"));
        return out;
    }

    /** A List answer: the page's items under {@code member}, and its next token. */
    static ObjectNode page(String member, Page<String> page) {
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
    static ObjectNode instance(ContainerInstance i) {
        ObjectNode node = (ObjectNode) WireJson.tree(i);
        JsonNode agentVersion = node.remove("agentVersion");
        if (agentVersion != null) {
            node.putObject("versionInfo").set("agentVersion", agentVersion);
        }
        return node;
    }
}
