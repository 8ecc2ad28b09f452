package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.AdvancedConfiguration;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.DeploymentConfigurationRules;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.elb.RuleInfo;
import dev.ecsdeck.sim.elb.SimElb;
import dev.ecsdeck.sim.elb.TargetGroupInfo;
import dev.ecsdeck.sim.elb.TargetHealthState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ECS's side of Elastic Load Balancing: a service's tasks are registered in its target groups when
 * they are RUNNING (awsvpc tasks by private IP and container port, bridge and host tasks by EC2
 * instance and host port) and deregistered when they are asked to stop; a load-balanced task counts
 * as healthy once it is healthy in every target group, and one still unhealthy after the service's
 * healthCheckGracePeriodSeconds is stopped and replaced. It answers the load balancer's health
 * checks for the tasks (the {@link dev.ecsdeck.sim.elb.TargetResponder}), and sets listener rule
 * weights for traffic-shifting deployments.
 */
final class LoadBalancing {
    private final SimElb elb;
    private final ImageBehaviours images;
    private final TaskLifecycle lifecycle;
    /** The task behind each registered target ("tg|id|port"), for answering health checks. */
    private final Map<String, SimTask> byTarget = new HashMap<>();
    /** Images whose health-check endpoint answers wrongly from this long after the task starts (a scenario's). */
    private final Map<String, Duration> failingImages = new LinkedHashMap<>();
    /** Single tasks whose health-check endpoint answers wrongly from now on (a scenario's), by task ARN. */
    private final Set<String> failingTasks = new HashSet<>();

    LoadBalancing(SimElb elb, ImageBehaviours images, TaskLifecycle lifecycle) {
        this.elb = elb;
        this.images = images;
        this.lifecycle = lifecycle;
        elb.setResponder(this::failure);
    }

    /** Declares that an image fails its load balancer's health checks from {@code after} after its task started. */
    void failTargetHealthOfImage(String image, Duration after) {
        failingImages.put(image, after);
    }

    /** Declares that one task fails its load balancer's health checks from now on (its replacement does not). */
    void failTargetHealthOfTask(String taskArn) {
        failingTasks.add(taskArn);
    }

    /** The tasks declared failing by {@link #failTargetHealthOfTask}, for a state file to keep. */
    Set<String> failingTasks() {
        return failingTasks;
    }

    Map<String, Duration> failingImages() {
        return failingImages;
    }

    /** The health check's answer for a target: null when the task behind it answers as expected. */
    String failure(String targetGroupArn, String targetId, int port, Instant now) {
        SimTask task = byTarget.get(key(targetGroupArn, targetId, port));
        if (task == null || !task.isRunning()) {
            return "Target.Timeout";
        }
        if (images.neverHealthy(task) || "UNHEALTHY".equals(task.healthStatus) || failingTasks.contains(task.arn)) {
            return "Target.ResponseCodeMismatch";
        }
        for (SimContainer c : task.containers) {
            Duration after = failingImages.get(c.spec.image());
            if (after != null && c.spec.essential() && task.startedAt != null && !now.isBefore(task.startedAt.plus(after))) {
                return "Target.ResponseCodeMismatch";
            }
        }
        return null;
    }

    /** One second of a cluster's load-balanced services: registrations, deregistrations and what target health means for each task. */
    void step(SimCluster cluster, Instant now) {
        for (SimService svc : cluster.services.values()) {
            if (svc.loadBalancers.isEmpty() && !TaskSets.loadBalanced(svc)) {
                continue;
            }
            for (SimTask t : cluster.tasksOf(svc.name)) {
                if (!t.targets.isEmpty() && !t.wantsRunning()) {
                    deregister(t, now);
                    svc.dirty = true;
                } else if (t.wantsRunning() && t.isRunning()) {
                    if (t.targets.isEmpty()) {
                        register(cluster, svc, t, now);
                    }
                    judge(svc, t, now);
                }
            }
        }
    }

    private void register(SimCluster cluster, SimService svc, SimTask t, Instant now) {
        SimDeployment d = ServiceScheduler.deployment(svc, t.deploymentId);
        for (LoadBalancer lb : TaskSets.loadBalancers(svc, t)) {
            String group = groupFor(lb, d != null && d.onAlternate);
            TargetGroupInfo info = group == null ? null : elb.targetGroup(group);
            if (info == null) {
                continue;
            }
            SimTask.Target target = target(cluster, t, lb, info);
            if (target != null) {
                elb.register(group, target.id(), target.port(), t.availabilityZone, now);
                t.targets.add(target);
                byTarget.put(key(group, target.id(), target.port()), t);
            }
        }
    }

    /** Deregisters a stopping task; it stays DEACTIVATING until its connections have drained (the longest deregistration delay). */
    private void deregister(SimTask t, Instant now) {
        for (SimTask.Target target : t.targets) {
            TargetGroupInfo info = elb.targetGroup(target.targetGroupArn());
            if (info != null) {
                elb.deregister(target.targetGroupArn(), target.id(), target.port(), now);
                Instant drained = now.plusSeconds(info.deregistrationDelaySeconds());
                boolean deactivating = "DEACTIVATING".equals(t.lastStatus) || t.isRunning();
                if (deactivating && t.nextTransitionAt != null && t.nextTransitionAt.isBefore(drained)) {
                    t.nextTransitionAt = drained;
                }
            }
            byTarget.remove(key(target.targetGroupArn(), target.id(), target.port()));
        }
        t.targets.clear();
    }

    /** Healthy in every group (and by its own checks): healthy for its deployment. Unhealthy after the grace period: stopped. */
    private void judge(SimService svc, SimTask t, Instant now) {
        if (t.targets.isEmpty()) {
            return;
        }
        boolean allHealthy = true;
        String unhealthyIn = null;
        for (SimTask.Target target : t.targets) {
            TargetHealthState h = elb.health(target.targetGroupArn(), target.id(), target.port());
            String state = h == null ? "unused" : h.state();
            allHealthy &= "healthy".equals(state);
            if ("unhealthy".equals(state) && unhealthyIn == null) {
                unhealthyIn = target.targetGroupArn();
            }
        }
        int grace = svc.healthCheckGracePeriodSeconds == null ? 0 : svc.healthCheckGracePeriodSeconds;
        if (unhealthyIn != null && !now.isBefore(t.startedAt.plusSeconds(grace))) {
            t.failedHealthChecks = true;
            lifecycle.requestStop(t, now, "ServiceSchedulerInitiated", "Task failed ELB health checks in (target-group " + unhealthyIn + ")");
            svc.dirty = true;
            return;
        }
        if (allHealthy && t.lifecycleHealthy && !t.wasHealthy) {
            t.wasHealthy = true;
            t.bump();
            svc.dirty = true;
        }
    }

    /** Where a task of a service's load balancer goes: by IP for {@code ip} groups, by instance and host port for {@code instance} ones. */
    private static SimTask.Target target(SimCluster cluster, SimTask t, LoadBalancer lb, TargetGroupInfo info) {
        int containerPort = lb.containerPort() == null ? info.port() : lb.containerPort();
        if ("ip".equals(info.targetType())) {
            return t.eni == null ? null : new SimTask.Target(info.targetGroupArn(), t.eni.privateIpv4Address(), containerPort);
        }
        SimInstance instance = t.containerInstanceId == null ? null : cluster.instances.get(t.containerInstanceId);
        Integer hostPort = hostPort(t, lb.containerName(), containerPort);
        return instance == null || hostPort == null ? null : new SimTask.Target(info.targetGroupArn(), instance.ec2InstanceId, hostPort);
    }

    /** The host port bound to a container's port: host ports are taken in the order of the containers' port mappings. */
    static Integer hostPort(SimTask t, String containerName, int containerPort) {
        int index = 0;
        for (SimContainer c : t.containers) {
            for (ContainerSpec.PortSpec p : c.spec.ports()) {
                if (c.spec.name().equals(containerName) && p.containerPort() == containerPort) {
                    return index < t.hostPorts.size() ? t.hostPorts.get(index) : p.hostPort();
                }
                index++;
            }
        }
        return null;
    }

    /** The target group a deployment's tasks use: the alternate one on the green side of a traffic-shifting deployment. */
    static String groupFor(LoadBalancer lb, boolean alternate) {
        AdvancedConfiguration a = lb.advancedConfiguration();
        return alternate && a != null ? a.alternateTargetGroupArn() : lb.targetGroupArn();
    }

    /** Sets each production and test rule as the service deployment's traffic split says (green's share in percent). */
    void route(SimService svc, SimServiceDeployment sd, Instant now) {
        SimDeployment green = ServiceScheduler.deployment(svc, sd.targetDeploymentId);
        boolean greenAlternate = green != null && green.onAlternate;
        for (LoadBalancer lb : svc.loadBalancers) {
            AdvancedConfiguration a = lb.advancedConfiguration();
            if (a == null) {
                continue;
            }
            String greenGroup = groupFor(lb, greenAlternate);
            String blueGroup = groupFor(lb, !greenAlternate);
            setWeights(a.productionListenerRule(), blueGroup, greenGroup, sd.productionPercent, now);
            if (a.testListenerRule() != null) {
                setWeights(a.testListenerRule(), blueGroup, greenGroup, sd.testPercent, now);
            }
        }
    }

    /** All traffic to {@code d}'s target groups (a new service's first deployment). */
    void routeAllTo(SimService svc, SimDeployment d, Instant now) {
        for (LoadBalancer lb : svc.loadBalancers) {
            AdvancedConfiguration a = lb.advancedConfiguration();
            if (a != null) {
                setWeights(a.productionListenerRule(), groupFor(lb, !d.onAlternate), groupFor(lb, d.onAlternate), 100.0, now);
                if (a.testListenerRule() != null) {
                    setWeights(a.testListenerRule(), groupFor(lb, !d.onAlternate), groupFor(lb, d.onAlternate), 100.0, now);
                }
            }
        }
    }

    /**
     * Weights for {@code greenPercent}: whole percents as weights out of 100; a fraction (a canary of 2.5%)
     * in tenths, out of 1000 (ELB takes weights up to 999, and neither side is 0 or 1000 then).
     */
    private void setWeights(String ruleArn, String blueGroup, String greenGroup, double greenPercent, Instant now) {
        if (ruleArn == null || elb.rule(ruleArn) == null) {
            return;
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        boolean whole = greenPercent == Math.rint(greenPercent);
        int scale = whole ? 1 : 10;
        int green = (int) Math.round(greenPercent * scale);
        weights.put(blueGroup, 100 * scale - green);
        weights.put(greenGroup, green);
        elb.setForwardWeights(ruleArn, weights, now);
    }

    /**
     * A service's load balancers as ECS checks them at CreateService and UpdateService: each target
     * group exists, is used by a load balancer and suits the task's network mode; the container and
     * port are in the task definition; a blue/green, canary or linear deployment has, for each load
     * balancer, an alternate target group, a production listener rule that forwards to its groups
     * and a role.
     */
    void check(List<LoadBalancer> balancers, DeploymentConfiguration config, SimTaskDefinition td, boolean daemon) {
        String strategy = config == null ? DeploymentConfiguration.ROLLING : config.strategyOrDefault();
        boolean shifting = config != null && config.shiftsTraffic();
        if (shifting) {
            // What a traffic-shifting strategy needs of the load balancers, as the console checks it too.
            List<DeploymentConfigurationRules.Problem> missing = DeploymentConfigurationRules.trafficShiftSetupMissing(balancers);
            if (!missing.isEmpty()) {
                throw SimApiException.invalidParameter("The " + strategy + " deployment strategy requires a load balancer with an "
                        + "advancedConfiguration: " + missing.get(0).message());
            }
        }
        for (int i = 0; i < balancers.size(); i++) {
            LoadBalancer lb = balancers.get(i);
            String where = "loadBalancers[" + i + "]";
            if (lb.targetGroupArn() == null) {
                throw SimApiException.invalidParameter(where + ": targetGroupArn is required (the simulator serves Application Load Balancers).");
            }
            TargetGroupInfo group = requireGroup(lb.targetGroupArn(), td);
            if (lb.containerName() == null || lb.containerPort() == null) {
                throw SimApiException.invalidParameter(where + ": containerName and containerPort are required.");
            }
            boolean hasPort = td.containers.stream().anyMatch(c -> c.name().equals(lb.containerName())
                    && c.ports().stream().anyMatch(p -> p.containerPort() == lb.containerPort()));
            if (!hasPort) {
                throw SimApiException.invalidParameter("The container " + lb.containerName() + " did not have a container port "
                        + lb.containerPort() + " defined.");
            }
            AdvancedConfiguration a = lb.advancedConfiguration();
            if (a != null) {
                checkAdvanced(a, where, group, td);
            }
        }
    }

    private void checkAdvanced(AdvancedConfiguration a, String where, TargetGroupInfo group, SimTaskDefinition td) {
        if (a.alternateTargetGroupArn() == null || a.productionListenerRule() == null || a.roleArn() == null) {
            throw SimApiException.invalidParameter(where + ".advancedConfiguration: alternateTargetGroupArn, productionListenerRule and "
                    + "roleArn are required.");
        }
        if (a.alternateTargetGroupArn().equals(group.targetGroupArn())) {
            throw SimApiException.invalidParameter(where + ".advancedConfiguration: the alternate target group must differ from targetGroupArn.");
        }
        TargetGroupInfo alternate = requireGroup(a.alternateTargetGroupArn(), td);
        for (String ruleArn : a.testListenerRule() == null ? List.of(a.productionListenerRule())
                : List.of(a.productionListenerRule(), a.testListenerRule())) {
            RuleInfo rule = elb.rule(ruleArn);
            if (rule == null) {
                throw SimApiException.invalidParameter(where + ".advancedConfiguration: the listener rule " + ruleArn + " does not exist.");
            }
            if (!group.loadBalancerArns().contains(rule.loadBalancerArn()) && !alternate.loadBalancerArns().contains(rule.loadBalancerArn())) {
                throw SimApiException.invalidParameter(where + ".advancedConfiguration: the listener rule " + ruleArn
                        + " is not on the load balancer of target group " + group.targetGroupName() + ".");
            }
            if (!rule.targetGroupArns().contains(group.targetGroupArn()) && !rule.targetGroupArns().contains(alternate.targetGroupArn())) {
                throw SimApiException.invalidParameter(where + ".advancedConfiguration: the listener rule " + ruleArn
                        + " does not forward to target group " + group.targetGroupName() + " or " + alternate.targetGroupName() + ".");
            }
        }
    }

    private TargetGroupInfo requireGroup(String arn, SimTaskDefinition td) {
        TargetGroupInfo group = elb.targetGroup(arn);
        if (group == null) {
            throw SimApiException.invalidParameter("The target group with targetGroupArn " + arn + " does not exist.");
        }
        if (group.loadBalancerArns().isEmpty()) {
            throw SimApiException.invalidParameter("The target group with targetGroupArn " + arn + " does not have an associated load balancer.");
        }
        String mode = td.networkMode == null ? "bridge" : td.networkMode;
        boolean ip = "ip".equals(group.targetType());
        if (ip != "awsvpc".equals(mode)) {
            throw SimApiException.invalidParameter("The provided target group " + arn + " has target type " + group.targetType()
                    + ", which is incompatible with the " + mode + " network mode specified in the task definition.");
        }
        return group;
    }

    /** After a state file is read: the index from targets to tasks. */
    void restored(SimTask t) {
        for (SimTask.Target target : t.targets) {
            byTarget.put(key(target.targetGroupArn(), target.id(), target.port()), t);
        }
    }

    private static String key(String group, String id, int port) {
        return group + "|" + id + "|" + port;
    }
}
