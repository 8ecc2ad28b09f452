package dev.ecsdeck.ui.common;

import dev.ecsdeck.model.AdvancedConfiguration;
import dev.ecsdeck.model.Container;
import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.NetworkBinding;
import dev.ecsdeck.model.TargetHealth;
import dev.ecsdeck.provider.EcsProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which targets of a service's target groups are a task's, and how healthy they are. ECS registers
 * an awsvpc task by its private IPv4 address and container port, a bridge or host task by its
 * container instance's EC2 instance id and the host port bound to the container port; a task of the
 * green side of a blue/green, canary or linear deployment is in the load balancer's alternate target
 * group instead. Pure: built from what {@link #read} (or a test) gathered.
 */
public final class TaskTargets {
    public static final String NOT_REGISTERED = "not registered";
    /** States from the most to the least worth a look: the one a task with several groups shows. */
    private static final List<String> SEVERITY = List.of("unhealthy", "unavailable", "draining", "initial", "unused", NOT_REGISTERED, "healthy");

    /** A task's health in one target group: an ELB target state, or {@link #NOT_REGISTERED}; reason and description when not healthy. */
    public record GroupHealth(String targetGroupArn, String state, String reason, String description) {
        public String targetGroupName() {
            return TaskTargets.targetGroupName(targetGroupArn);
        }

        /** "healthy", "unhealthy — Target.ResponseCodeMismatch". */
        public String text() {
            return reason == null || reason.isEmpty() ? state : state + " — " + reason;
        }

        /** "reports: unhealthy — Target.ResponseCodeMismatch: Health checks failed…", for a tooltip. */
        public String line() {
            return targetGroupName() + ": " + text() + (description == null || description.isEmpty() ? "" : ": " + description);
        }
    }

    /** A task's target health in every target group of its service, the most worrying first. */
    public record TaskTargetHealth(List<GroupHealth> groups) {
        public TaskTargetHealth {
            groups = groups.stream().sorted(Comparator.comparingInt(g -> severity(g.state()))).toList();
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("A task's target health needs at least one target group");
            }
        }

        /** The group whose state the task shows: the most worrying one. */
        public GroupHealth worst() {
            return groups.get(0);
        }

        /** The shown state: healthy, unhealthy, draining, initial, unused, unavailable or not registered. */
        public String state() {
            return worst().state();
        }

        public boolean healthy() {
            return "healthy".equals(state());
        }

        /** The worst group's state and reason; with several groups, how many others there are. */
        public String text() {
            return worst().text() + (groups.size() > 1 ? " (+" + (groups.size() - 1) + " more target group" + (groups.size() > 2 ? "s" : "") + ")" : "");
        }

        /** One line per target group, with the description ELB gives for a target that is not healthy. */
        public String details() {
            return groups.stream().map(GroupHealth::line).collect(Collectors.joining("\n"));
        }
    }

    private final List<LoadBalancer> loadBalancers;
    private final Map<String, List<TargetHealth>> healthByGroup;
    private final Map<String, String> ec2InstanceIds;

    /**
     * @param loadBalancers  the service's load balancers
     * @param healthByGroup  DescribeTargetHealth of each target group read, by target group ARN (groups not read are left out of the answers)
     * @param ec2InstanceIds the EC2 instance id of each container instance ARN (for bridge and host tasks)
     */
    public TaskTargets(List<LoadBalancer> loadBalancers, Map<String, List<TargetHealth>> healthByGroup, Map<String, String> ec2InstanceIds) {
        this.loadBalancers = List.copyOf(loadBalancers);
        this.healthByGroup = Map.copyOf(healthByGroup);
        this.ec2InstanceIds = Map.copyOf(ec2InstanceIds);
    }

    /** The target groups a service's tasks may be in: each load balancer's, and its alternate one for traffic-shifting deployments. */
    public static List<String> targetGroupsOf(List<LoadBalancer> loadBalancers) {
        Set<String> groups = new LinkedHashSet<>();
        for (LoadBalancer lb : loadBalancers) {
            if (lb.targetGroupArn() != null) {
                groups.add(lb.targetGroupArn());
            }
            AdvancedConfiguration a = lb.advancedConfiguration();
            if (a != null && a.alternateTargetGroupArn() != null) {
                groups.add(a.alternateTargetGroupArn());
            }
        }
        return List.copyOf(groups);
    }

    /** "checkout-blue" from "arn:aws:elasticloadbalancing:…:targetgroup/checkout-blue/ead5b792b7cd421e". */
    public static String targetGroupName(String targetGroupArn) {
        if (targetGroupArn == null) {
            return "";
        }
        int at = targetGroupArn.indexOf(":targetgroup/");
        if (at < 0) {
            return targetGroupArn;
        }
        String rest = targetGroupArn.substring(at + ":targetgroup/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** Where a target state ranks: 0 for the most worrying (unhealthy). */
    public static int severity(String state) {
        int i = SEVERITY.indexOf(state);
        return i < 0 ? SEVERITY.indexOf("unavailable") : i;
    }

    /**
     * The task's health in each of its service's load balancers (the group it is registered in, of the
     * load balancer's own and its alternate one, or "not registered"); empty when none of those groups
     * was read.
     */
    public Optional<TaskTargetHealth> of(EcsTask task) {
        Map<String, GroupHealth> byEntry = new LinkedHashMap<>();
        for (LoadBalancer lb : loadBalancers) {
            List<String> candidates = targetGroupsOf(List.of(lb)).stream().filter(healthByGroup::containsKey).toList();
            if (candidates.isEmpty()) {
                continue;
            }
            GroupHealth found = null;
            for (String group : candidates) {
                TargetHealth target = targetOf(task, lb, healthByGroup.get(group));
                if (target != null) {
                    found = new GroupHealth(group, target.state(), target.reason(), target.description());
                    break;
                }
            }
            if (found == null) {
                found = new GroupHealth(candidates.get(0), NOT_REGISTERED, null, null);
            }
            byEntry.putIfAbsent(found.targetGroupArn(), found);
        }
        return byEntry.isEmpty() ? Optional.empty() : Optional.of(new TaskTargetHealth(new ArrayList<>(byEntry.values())));
    }

    /** The task's target among a group's: by private IP and container port (awsvpc), else by EC2 instance and host port. */
    private TargetHealth targetOf(EcsTask task, LoadBalancer lb, List<TargetHealth> targets) {
        Optional<String> ip = task.privateIpv4Address();
        String id;
        Integer port;
        if (ip.isPresent()) {
            id = ip.get();
            port = lb.containerPort();
        } else {
            id = task.containerInstanceArn() == null ? null : ec2InstanceIds.get(task.containerInstanceArn());
            port = hostPort(task, lb);
            if (port == null) {
                return null; // no host port bound to the container port: not something ELB can reach
            }
        }
        if (id == null) {
            return null;
        }
        for (TargetHealth t : targets) {
            if (id.equals(t.targetId()) && (port == null || t.port() == null || port.equals(t.port()))) {
                return t;
            }
        }
        return null;
    }

    /** The host port bound to the load balancer's container port in the named container's network bindings. */
    private static Integer hostPort(EcsTask task, LoadBalancer lb) {
        for (Container c : task.containers()) {
            if (lb.containerName() != null && !lb.containerName().equals(c.name())) {
                continue;
            }
            for (NetworkBinding b : c.networkBindings()) {
                if (b.hostPort() != null && (lb.containerPort() == null || lb.containerPort().equals(b.containerPort()))) {
                    return b.hostPort();
                }
            }
        }
        return null;
    }

    /**
     * Reads what matching needs, blocking (call it in the background): DescribeTargetHealth once per
     * target group of the service, and ListContainerInstances of the cluster when a bridge or host
     * task runs on an instance not in {@code knownInstances} (which it fills, so later reads skip it).
     * No call at all for a service without load balancers.
     */
    public static TaskTargets read(EcsProvider provider, String cluster, List<LoadBalancer> loadBalancers, List<EcsTask> tasks,
            Map<String, String> knownInstances) {
        List<String> groups = targetGroupsOf(loadBalancers);
        Map<String, List<TargetHealth>> health = new LinkedHashMap<>();
        for (String group : groups) {
            health.put(group, provider.describeTargetHealth(group));
        }
        boolean unknownInstance = tasks.stream().anyMatch(t -> t.privateIpv4Address().isEmpty() && t.containerInstanceArn() != null
                && !knownInstances.containsKey(t.containerInstanceArn()));
        if (!groups.isEmpty() && unknownInstance) {
            for (ContainerInstance i : provider.listContainerInstances(cluster)) {
                if (i.ec2InstanceId() != null) {
                    knownInstances.put(i.containerInstanceArn(), i.ec2InstanceId());
                }
            }
        }
        Map<String, String> ids = new LinkedHashMap<>();
        tasks.stream().map(EcsTask::containerInstanceArn).filter(Objects::nonNull).distinct()
                .forEach(arn -> Optional.ofNullable(knownInstances.get(arn)).ifPresent(id -> ids.put(arn, id)));
        return new TaskTargets(loadBalancers, health, ids);
    }
}
