package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.PlacementConstraint;
import dev.ecsdeck.model.PlacementStrategy;
import dev.ecsdeck.model.Tag;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Services with the EXTERNAL deployment controller and their task sets: CreateService and UpdateService
 * of such a service, CreateTaskSet, DescribeTaskSets, UpdateTaskSet, DeleteTaskSet and
 * UpdateServicePrimaryTaskSet. {@link TaskSetScheduler} runs the tasks.
 */
public final class TaskSetApi {
    static final String NOT_EXTERNAL = "Amazon ECS only supports task set management on services configured to use external deployment controllers.";
    private static final Set<String> CONTROLLERS = Set.of("ECS", "CODE_DEPLOY", "EXTERNAL");
    private static final Set<String> LAUNCH_TYPES = Set.of("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES");

    private final SimEngine engine;

    public TaskSetApi(SimEngine engine) {
        this.engine = engine;
    }

    /** ECS, CODE_DEPLOY or EXTERNAL; InvalidParameterException for anything else. */
    public static String checkController(String type) {
        if (type == null || !CONTROLLERS.contains(type)) {
            throw SimApiException.invalidParameter("Invalid deployment controller type '" + type + "': must be one of ECS, CODE_DEPLOY, EXTERNAL.");
        }
        return type;
    }

    /**
     * A service with the EXTERNAL deployment controller: no task definition, load balancer or network of
     * its own (its task sets have them), and no task until a task set is created.
     */
    public EcsService createExternalService(ExternalServiceRequest r) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(r.cluster());
            String name = r.serviceName();
            ServiceApi.checkNewServiceName(c, name);
            if (!r.taskSetMembers().isEmpty()) {
                throw SimApiException.invalidParameter(String.join(", ", r.taskSetMembers()) + " cannot be specified for a service that "
                        + "uses the EXTERNAL deployment controller. Specify them when you create a task set (CreateTaskSet).");
            }
            if ("DAEMON".equals(r.schedulingStrategy())) {
                throw SimApiException.invalidParameter("The DAEMON scheduling strategy is not supported with the EXTERNAL deployment controller.");
            }
            int desired = r.desiredCount() == null ? 0 : r.desiredCount();
            if (desired < 0) {
                throw SimApiException.invalidParameter("desiredCount can not be negative.");
            }
            SimService s = new SimService(name, engine.ids().serviceArn(c.name, name), c.name, r.launchType(), "REPLICA", engine.now());
            s.deploymentController = "EXTERNAL";
            s.desiredCount = desired;
            s.deploymentConfiguration = DeploymentRules.withDefaults(r.deploymentConfiguration(), false);
            s.placementConstraints.addAll(r.placementConstraints());
            s.placementStrategy.addAll(r.placementStrategy());
            s.healthCheckGracePeriodSeconds = r.healthCheckGracePeriodSeconds();
            s.tags.addAll(r.tags());
            c.services.put(name, s);
            return SimViews.service(s, c.tasksOf(name), c.arn);
        }
    }

    /**
     * CreateService with the EXTERNAL deployment controller; {@code taskSetMembers} names the members given
     * that belong to task sets (taskDefinition, loadBalancers, networkConfiguration, serviceRegistries), which ECS refuses here.
     */
    public record ExternalServiceRequest(String cluster, String serviceName, Integer desiredCount, String launchType,
            String schedulingStrategy, DeploymentConfiguration deploymentConfiguration, List<PlacementConstraint> placementConstraints,
            List<PlacementStrategy> placementStrategy, Integer healthCheckGracePeriodSeconds, List<Tag> tags, List<String> taskSetMembers) {

        public ExternalServiceRequest {
            placementConstraints = placementConstraints == null ? List.of() : List.copyOf(placementConstraints);
            placementStrategy = placementStrategy == null ? List.of() : List.copyOf(placementStrategy);
            tags = tags == null ? List.of() : List.copyOf(tags);
            taskSetMembers = taskSetMembers == null ? List.of() : List.copyOf(taskSetMembers);
        }
    }

    /** Records the deployment controller of a service just created by CreateService (ECS or CODE_DEPLOY: the service scheduler runs it). */
    public void setDeploymentController(String cluster, String service, String type) {
        synchronized (engine) {
            ServiceApi.service(engine.ecs().cluster(cluster), service).deploymentController = checkController(type);
        }
    }

    /** The service's deployment controller and task sets, or null when there is no such service. */
    public ControllerView controller(String cluster, String service) {
        synchronized (engine) {
            SimCluster c = engine.ecs().clusters.get(SimEcs.nameOf(cluster == null ? "default" : cluster));
            SimService s = c == null ? null : c.services.get(SimEcs.nameOf(service));
            return s == null ? null : new ControllerView(s.deploymentController, TaskSets.views(s, c, false));
        }
    }

    /** A service's deployment controller type and its task sets (none unless EXTERNAL). */
    public record ControllerView(String type, List<TaskSetInfo> taskSets) {
        public boolean external() {
            return "EXTERNAL".equals(type);
        }
    }

    /**
     * UpdateService of an EXTERNAL service: what ECS lets change on one (desired count, which rescales
     * every task set, the health check grace period, placement); null leaves a setting as it is.
     */
    public EcsService updateExternalService(String cluster, String service, Integer desiredCount, Integer healthCheckGracePeriodSeconds,
            List<PlacementConstraint> placementConstraints, List<PlacementStrategy> placementStrategy) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            SimService s = active(c, service);
            if (desiredCount != null && desiredCount < 0) {
                throw SimApiException.invalidParameter("desiredCount can not be negative.");
            }
            if (healthCheckGracePeriodSeconds != null && (healthCheckGracePeriodSeconds < 0 || healthCheckGracePeriodSeconds > 2_147_483)) {
                throw SimApiException.invalidParameter("healthCheckGracePeriodSeconds must be between 0 and 2147483.");
            }
            if (desiredCount != null && desiredCount != s.desiredCount) {
                s.desiredCount = desiredCount;
                s.steady = false;
            }
            if (healthCheckGracePeriodSeconds != null) {
                s.healthCheckGracePeriodSeconds = healthCheckGracePeriodSeconds;
            }
            if (placementConstraints != null) {
                s.placementConstraints.clear();
                s.placementConstraints.addAll(placementConstraints);
            }
            if (placementStrategy != null) {
                s.placementStrategy.clear();
                s.placementStrategy.addAll(placementStrategy);
            }
            s.dirty = true;
            return SimViews.service(s, c.tasksOf(s.name), c.arn);
        }
    }

    public TaskSetInfo createTaskSet(CreateTaskSetRequest r) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(r.cluster());
            SimService s = externalService(c, r.service());
            if (r.clientToken() != null) {
                if (r.clientToken().length() > 36) {
                    throw SimApiException.invalidParameter("clientToken can be up to 36 characters.");
                }
                for (SimTaskSet ts : s.taskSets) {
                    if (r.clientToken().equals(ts.clientToken)) {
                        return TaskSets.view(ts, s, c, false);
                    }
                }
            }
            if (s.taskSets.size() >= TaskSets.MAX_PER_SERVICE) {
                throw SimApiException.invalidParameter(s.taskSets.size()
                        + " deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum limit.");
            }
            if (r.launchType() != null && !r.capacityProviderStrategy().isEmpty()) {
                throw SimApiException.invalidParameter(
                        "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
            }
            if (r.launchType() != null && !LAUNCH_TYPES.contains(r.launchType())) {
                throw SimApiException.invalidParameter(
                        "Invalid launch type '" + r.launchType() + "': must be one of EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES.");
            }
            double scale = TaskSets.scalePercent(r.scale(), 100.0);
            SimTaskDefinition td = taskDefinition(r.taskDefinition());
            String launchType = TaskSets.launchType(r);
            if ("FARGATE".equals(launchType) && !td.document.path("compatibilities").toString().contains("FARGATE")) {
                throw SimApiException.client("Task definition does not support launch_type FARGATE.");
            }
            NetworkChecks.check(td, r.networkConfiguration());
            engine.ecs().loadBalancing.check(r.loadBalancers(), DeploymentRules.withDefaults(null, false), td, false);
            String id = engine.ids().deploymentId();
            SimTaskSet ts = new SimTaskSet(id, engine.ids().arn("ecs", "task-set/" + c.name + "/" + s.name + "/" + id), r.externalId(), td.arn,
                    launchType, r.capacityProviderStrategy(), r.platformVersion(), r.networkConfiguration(), r.loadBalancers(),
                    r.serviceRegistries(), r.clientToken(), scale, engine.now());
            ts.tags.addAll(r.tags());
            s.taskSets.add(ts);
            s.steady = false;
            s.dirty = true;
            return TaskSets.view(ts, s, c, false);
        }
    }

    /** The service's task sets (all of them when {@code taskSets} is null or empty); an unknown id or ARN is a failure (MISSING). */
    public Described<TaskSetInfo> describeTaskSets(String cluster, String service, List<String> taskSets, List<String> include) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            SimService s = ServiceApi.service(c, service);
            if (!s.external()) {
                throw SimApiException.invalidParameter(NOT_EXTERNAL);
            }
            boolean tags = false;
            for (String field : include == null ? List.<String>of() : include) {
                if (!"TAGS".equals(field)) {
                    throw SimApiException.invalidParameter("Invalid include value '" + field + "': must be TAGS.");
                }
                tags = true;
            }
            if (taskSets == null || taskSets.isEmpty()) {
                return new Described<>(TaskSets.views(s, c, tags), List.of());
            }
            List<TaskSetInfo> found = new ArrayList<>();
            List<Described.Failure> failures = new ArrayList<>();
            for (String ref : taskSets) {
                try {
                    found.add(TaskSets.view(TaskSets.find(s, ref), s, c, tags));
                } catch (SimApiException e) {
                    if (!"TaskSetNotFoundException".equals(e.errorCode())) {
                        throw e;
                    }
                    String arn = ref.startsWith("arn:") ? ref : engine.ids().arn("ecs", "task-set/" + c.name + "/" + s.name + "/" + ref);
                    failures.add(new Described.Failure(arn, "MISSING", null));
                }
            }
            return new Described<>(found, failures);
        }
    }

    /** A new scale for the task set; the simulator starts or stops its tasks to the new computed count. */
    public TaskSetInfo updateTaskSet(String cluster, String service, String taskSet, TaskSetInfo.Scale scale) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            SimService s = externalService(c, service);
            SimTaskSet ts = TaskSets.find(s, taskSet);
            if (scale == null) {
                throw SimApiException.invalidParameter("scale must be specified.");
            }
            if (ts.draining()) {
                throw SimApiException.invalidParameter("The task set " + ts.id + " is being deleted and cannot be updated.");
            }
            ts.scalePercent = TaskSets.scalePercent(scale, null);
            ts.updatedAt = engine.now();
            s.steady = false;
            s.dirty = true;
            return TaskSets.view(ts, s, c, false);
        }
    }

    /** Deletes the task set (it drains: its tasks stop, then it is gone); one still scaled above 0 only with {@code force}. */
    public TaskSetInfo deleteTaskSet(String cluster, String service, String taskSet, boolean force) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            SimService s = externalService(c, service);
            SimTaskSet ts = TaskSets.find(s, taskSet);
            if (!force && !ts.draining() && ts.scalePercent > 0) {
                throw SimApiException.invalidParameter("The task set " + ts.id + " cannot be deleted while it is scaled above 0. "
                        + "Scale it to 0 with UpdateTaskSet, or use force.");
            }
            if (!ts.draining()) {
                ts.status = "DRAINING";
                ts.updatedAt = engine.now();
            }
            s.steady = false;
            s.dirty = true;
            return TaskSets.view(ts, s, c, false);
        }
    }

    /**
     * Makes the task set PRIMARY (the one PRIMARY before becomes ACTIVE); the service takes on its task
     * definition, network configuration and load balancers, as ECS carries the primary's settings over.
     */
    public TaskSetInfo updateServicePrimaryTaskSet(String cluster, String service, String primaryTaskSet) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            SimService s = externalService(c, service);
            SimTaskSet ts = TaskSets.find(s, primaryTaskSet);
            if (ts.draining()) {
                throw SimApiException.invalidParameter("The task set " + ts.id + " is being deleted and cannot be made primary.");
            }
            for (SimTaskSet other : s.taskSets) {
                if (other != ts && "PRIMARY".equals(other.status)) {
                    other.status = "ACTIVE";
                    other.updatedAt = engine.now();
                }
            }
            if (!"PRIMARY".equals(ts.status)) {
                ts.status = "PRIMARY";
                ts.updatedAt = engine.now();
            }
            s.taskDefinitionArn = ts.taskDefinitionArn;
            s.networkConfiguration = ts.networkConfiguration;
            s.loadBalancers.clear();
            s.loadBalancers.addAll(ts.loadBalancers);
            s.dirty = true;
            return TaskSets.view(ts, s, c, false);
        }
    }

    private static SimService active(SimCluster c, String service) {
        SimService s = ServiceApi.service(c, service);
        if (!"ACTIVE".equals(s.status)) {
            throw new SimApiException("ServiceNotActiveException", "Service was not ACTIVE.");
        }
        return s;
    }

    private static SimService externalService(SimCluster c, String service) {
        SimService s = active(c, service);
        if (!s.external()) {
            throw SimApiException.invalidParameter(NOT_EXTERNAL);
        }
        return s;
    }

    private SimTaskDefinition taskDefinition(String ref) {
        if (ref == null || ref.isEmpty()) {
            throw SimApiException.invalidParameter("Family should not be null or empty.");
        }
        return ServiceApi.resolveForService(engine.ecs(), ref);
    }
}
