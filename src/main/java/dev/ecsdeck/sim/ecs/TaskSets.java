package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.sim.SimApiException;
import java.util.ArrayList;
import java.util.List;

/** What the rest of ECS asks about task sets: which one a task belongs to, its load balancers, and their views. */
final class TaskSets {
    /** ECS's limit: "5 deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum limit." */
    static final int MAX_PER_SERVICE = 5;

    private TaskSets() {}

    /** UpdateService of an EXTERNAL service changes no workload: a new task set does (InvalidParameterException). */
    static void checkExternalUpdate(String taskDefinition, boolean forceNewDeployment, DeploymentConfiguration deploymentConfiguration,
            List<LoadBalancer> loadBalancers) {
        String member = taskDefinition != null ? "taskDefinition" : forceNewDeployment ? "forceNewDeployment"
                : deploymentConfiguration != null ? "deploymentConfiguration" : loadBalancers != null ? "loadBalancers" : null;
        if (member != null) {
            throw SimApiException.invalidParameter(member + " cannot be updated for a service that uses the EXTERNAL deployment controller. "
                    + "Create a new task set (CreateTaskSet) with it instead.");
        }
    }

    /** Whether any task set of the service has a load balancer. */
    static boolean loadBalanced(SimService svc) {
        for (SimTaskSet ts : svc.taskSets) {
            if (!ts.loadBalancers.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The load balancers a task of the service registers in: its task set's for an EXTERNAL service, the service's otherwise. */
    static List<LoadBalancer> loadBalancers(SimService svc, SimTask t) {
        if (!svc.external()) {
            return svc.loadBalancers;
        }
        SimTaskSet ts = byId(svc, t.deploymentId);
        return ts == null ? List.of() : ts.loadBalancers;
    }

    static SimTaskSet byId(SimService svc, String id) {
        for (SimTaskSet ts : svc.taskSets) {
            if (ts.id.equals(id)) {
                return ts;
            }
        }
        return null;
    }

    /** The task set by id or ARN: TaskSetNotFoundException when the service has none such. */
    static SimTaskSet find(SimService svc, String ref) {
        if (ref == null || ref.isEmpty()) {
            throw SimApiException.invalidParameter("Task Set Identifier is invalid");
        }
        for (SimTaskSet ts : svc.taskSets) {
            if (ts.id.equals(ref) || ts.arn.equals(ref)) {
                return ts;
            }
        }
        if (!ref.startsWith("ecs-svc/") && !ref.startsWith("arn:")) {
            throw SimApiException.invalidParameter("Task Set Identifier is invalid");
        }
        throw new SimApiException("TaskSetNotFoundException", "The specified task set does not exist.");
    }

    /** The task sets of the service as ECS shows them: tags only when asked for. */
    static List<TaskSetInfo> views(SimService svc, SimCluster c, boolean withTags) {
        List<TaskSetInfo> out = new ArrayList<>();
        for (SimTaskSet ts : svc.taskSets) {
            out.add(view(ts, svc, c, withTags));
        }
        return out;
    }

    static TaskSetInfo view(SimTaskSet ts, SimService svc, SimCluster c, boolean withTags) {
        int running = 0;
        int pending = 0;
        for (SimTask t : c.tasksOf(svc.name)) {
            if (ts.id.equals(t.deploymentId) && t.wantsRunning()) {
                if (t.isRunning()) {
                    running++;
                } else {
                    pending++;
                }
            }
        }
        String platformVersion = ts.platformVersion != null ? ts.platformVersion : "FARGATE".equals(ts.launchType) ? "LATEST" : null;
        return new TaskSetInfo(ts.id, ts.arn, svc.arn, c.arn, ts.externalId, ts.status, ts.taskDefinitionArn,
                ts.computedDesiredCount(svc.desiredCount), pending, running, ts.createdAt, ts.updatedAt, ts.launchType,
                ts.capacityProviderStrategy, platformVersion, ts.networkConfiguration, ts.loadBalancers, ts.serviceRegistries,
                new TaskSetInfo.Scale(ts.scalePercent, "PERCENT"), ts.stabilityStatus, ts.stabilityStatusAt,
                withTags ? List.copyOf(ts.tags) : null);
    }

    /** A percentage from 0 to 100 in the unit PERCENT; {@code absent} when no scale was given (null: one must be). */
    static double scalePercent(TaskSetInfo.Scale scale, Double absent) {
        if (scale == null) {
            if (absent == null) {
                throw SimApiException.invalidParameter("scale must be specified.");
            }
            return absent;
        }
        if (scale.unit() != null && !"PERCENT".equals(scale.unit())) {
            throw SimApiException.invalidParameter("Invalid scale unit '" + scale.unit() + "': must be PERCENT.");
        }
        if (scale.value() == null || !(scale.value() >= 0 && scale.value() <= 100)) {
            throw SimApiException.invalidParameter("The scale value must be between 0 and 100 (percent of the service's desired count).");
        }
        return scale.value();
    }

    /** The launch type given, or FARGATE for a FARGATE or FARGATE_SPOT capacity provider strategy, or EC2. */
    static String launchType(CreateTaskSetRequest r) {
        if (r.launchType() != null) {
            return r.launchType();
        }
        boolean fargate = r.capacityProviderStrategy().stream()
                .anyMatch(i -> i.capacityProvider() != null && i.capacityProvider().startsWith("FARGATE"));
        return fargate ? "FARGATE" : "EC2";
    }
}
