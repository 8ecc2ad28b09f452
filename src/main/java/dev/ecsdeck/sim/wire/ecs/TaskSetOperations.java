package dev.ecsdeck.sim.wire.ecs;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.BOOLEAN;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.PlacementConstraint;
import dev.ecsdeck.model.PlacementStrategy;
import dev.ecsdeck.model.Tag;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.CreateTaskSetRequest;
import dev.ecsdeck.sim.ecs.TaskSetApi;
import dev.ecsdeck.sim.ecs.TaskSetInfo;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Task sets on the wire: CreateTaskSet, DescribeTaskSets, UpdateTaskSet, DeleteTaskSet and
 * UpdateServicePrimaryTaskSet, and the deployment controller on the service operations around them
 * (CreateService takes {@code deploymentController}; an EXTERNAL service is made and updated here;
 * every service answer carries {@code deploymentController} and an EXTERNAL one its {@code taskSets}).
 */
final class TaskSetOperations {
    /** CreateService members that belong to a task set when the deployment controller is EXTERNAL. */
    private static final List<String> TASK_SET_MEMBERS_OF_CREATE = List.of("taskDefinition", "loadBalancers", "networkConfiguration",
            "serviceRegistries");
    /** UpdateService members ECS does not let change on an EXTERNAL service (a new task set changes them). */
    private static final List<String> NOT_UPDATABLE_WHEN_EXTERNAL = List.of("taskDefinition", "loadBalancers", "networkConfiguration",
            "serviceRegistries", "platformVersion", "capacityProviderStrategy", "deploymentConfiguration", "volumeConfigurations",
            "serviceConnectConfiguration", "vpcLatticeConfigurations", "deploymentController");

    private final TaskSetApi taskSets;

    private TaskSetOperations(TaskSetApi taskSets) {
        this.taskSets = taskSets;
    }

    static WireApi addTo(WireApi api, SimEngine engine) {
        TaskSetOperations o = new TaskSetOperations(new TaskSetApi(engine));
        return api
                .around("CreateService", shape -> shape.member("deploymentController", STRUCTURE).member("serviceRegistries", STRUCTURE_LIST),
                        o::createService)
                .around("UpdateService", shape -> { }, o::updateService)
                .around("DeleteService", shape -> { }, (r, next) -> o.decorated(next.apply(r), "service"))
                .around("DescribeServices", shape -> { }, (r, next) -> o.decorated(next.apply(r), "services"))
                .add("CreateTaskSet", of().required("service", STRING).required("cluster", STRING).member("externalId", STRING)
                        .required("taskDefinition", STRING).member("networkConfiguration", STRUCTURE).member("loadBalancers", STRUCTURE_LIST)
                        .member("serviceRegistries", STRUCTURE_LIST).member("launchType", STRING)
                        .member("capacityProviderStrategy", STRUCTURE_LIST).member("platformVersion", STRING).member("scale", STRUCTURE)
                        .member("clientToken", STRING).member("tags", STRUCTURE_LIST), true, o::create)
                .add("DescribeTaskSets", of().required("cluster", STRING).required("service", STRING).member("taskSets", STRING_LIST)
                        .member("include", STRING_LIST), false, o::describe)
                .add("UpdateTaskSet", of().required("cluster", STRING).required("service", STRING).required("taskSet", STRING)
                        .required("scale", STRUCTURE), true, o::update)
                .add("DeleteTaskSet", of().required("cluster", STRING).required("service", STRING).required("taskSet", STRING)
                        .member("force", BOOLEAN), true, o::delete)
                .add("UpdateServicePrimaryTaskSet", of().required("cluster", STRING).required("service", STRING)
                        .required("primaryTaskSet", STRING), true, o::primary);
    }

    private JsonNode createService(WireRequest r, Function<WireRequest, JsonNode> next) {
        JsonNode controller = r.node("deploymentController");
        String type = controller == null || controller.isNull() ? "ECS" : TaskSetApi.checkController(controller.path("type").asText(null));
        if ("EXTERNAL".equals(type)) {
            List<String> given = new ArrayList<>();
            for (String member : TASK_SET_MEMBERS_OF_CREATE) {
                JsonNode v = r.node(member);
                if (v != null && !v.isNull() && !(v.isArray() && v.isEmpty())) {
                    given.add(member);
                }
            }
            TaskSetApi.ExternalServiceRequest request = new TaskSetApi.ExternalServiceRequest(r.string("cluster"), r.string("serviceName"),
                    r.integer("desiredCount"), r.string("launchType"), r.string("schedulingStrategy"),
                    r.bind("deploymentConfiguration", DeploymentConfiguration.class), r.bindList("placementConstraints", PlacementConstraint.class),
                    r.bindList("placementStrategy", PlacementStrategy.class), r.integer("healthCheckGracePeriodSeconds"),
                    r.bindList("tags", Tag.class), given);
            ObjectNode out = WireJson.object();
            out.set("service", WireJson.tree(taskSets.createExternalService(request)));
            return decorated(out, "service");
        }
        JsonNode out = next.apply(r);
        if (!"ECS".equals(type)) {
            taskSets.setDeploymentController(r.string("cluster"), r.string("serviceName"), type);
        }
        return decorated(out, "service");
    }

    private JsonNode updateService(WireRequest r, Function<WireRequest, JsonNode> next) {
        TaskSetApi.ControllerView controller = taskSets.controller(r.string("cluster"), r.string("service"));
        if (controller == null || !controller.external()) {
            return decorated(next.apply(r), "service");
        }
        for (String member : NOT_UPDATABLE_WHEN_EXTERNAL) {
            if (r.has(member) && !r.node(member).isNull()) {
                throw SimApiException.invalidParameter(member + " cannot be updated for a service that uses the EXTERNAL deployment controller. "
                        + "Create a new task set (CreateTaskSet) with it instead.");
            }
        }
        if (r.flag("forceNewDeployment")) {
            throw SimApiException.invalidParameter("forceNewDeployment is not supported for a service that uses the EXTERNAL deployment controller. "
                    + "Create a new task set (CreateTaskSet) instead.");
        }
        ObjectNode out = WireJson.object();
        out.set("service", WireJson.tree(taskSets.updateExternalService(r.string("cluster"), r.string("service"), r.integer("desiredCount"),
                r.integer("healthCheckGracePeriodSeconds"), r.bindList("placementConstraints", PlacementConstraint.class),
                r.bindList("placementStrategy", PlacementStrategy.class))));
        return decorated(out, "service");
    }

    /** The answer with each service under {@code member} (one, or an array) given its deployment controller and task sets. */
    private JsonNode decorated(JsonNode answer, String member) {
        JsonNode services = answer.get(member);
        if (services == null) {
            return answer;
        }
        for (JsonNode service : services.isArray() ? services : List.of(services)) {
            if (service instanceof ObjectNode node) {
                TaskSetApi.ControllerView view = taskSets.controller(node.path("clusterArn").asText(null), node.path("serviceName").asText(""));
                if (view != null) {
                    node.putObject("deploymentController").put("type", view.type());
                    if (view.external()) {
                        node.set("taskSets", WireJson.tree(view.taskSets()));
                    }
                }
            }
        }
        return answer;
    }

    private JsonNode create(WireRequest r) {
        JsonNode registries = r.node("serviceRegistries");
        CreateTaskSetRequest request = new CreateTaskSetRequest(r.string("cluster"), r.string("service"), r.string("externalId"),
                r.string("taskDefinition"), r.bind("networkConfiguration", NetworkConfiguration.class),
                r.bindList("loadBalancers", LoadBalancer.class), registries == null || registries.isNull() ? null : registries.deepCopy(),
                r.string("launchType"), r.bindList("capacityProviderStrategy", CapacityProviderStrategyItem.class), r.string("platformVersion"),
                r.bind("scale", TaskSetInfo.Scale.class), r.string("clientToken"), r.bindList("tags", Tag.class));
        return taskSet(taskSets.createTaskSet(request));
    }

    private JsonNode describe(WireRequest r) {
        return EcsOperations.described("taskSets", taskSets.describeTaskSets(r.string("cluster"), r.string("service"), r.strings("taskSets"),
                r.strings("include")));
    }

    private JsonNode update(WireRequest r) {
        return taskSet(taskSets.updateTaskSet(r.string("cluster"), r.string("service"), r.string("taskSet"),
                r.bind("scale", TaskSetInfo.Scale.class)));
    }

    private JsonNode delete(WireRequest r) {
        return taskSet(taskSets.deleteTaskSet(r.string("cluster"), r.string("service"), r.string("taskSet"), r.flag("force")));
    }

    private JsonNode primary(WireRequest r) {
        return taskSet(taskSets.updateServicePrimaryTaskSet(r.string("cluster"), r.string("service"), r.string("primaryTaskSet")));
    }

    private static ObjectNode taskSet(TaskSetInfo info) {
        ObjectNode out = WireJson.object();
        out.set("taskSet", WireJson.tree(info));
        return out;
    }
}
