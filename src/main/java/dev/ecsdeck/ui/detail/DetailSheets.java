package dev.ecsdeck.ui.detail;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.Attachment;
import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.Container;
import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.Deployment;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.NetworkBinding;
import dev.ecsdeck.model.Resource;
import dev.ecsdeck.ui.common.TimeFormat;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The detail sheet of each kind of tree row, as titled sections of rows: pure functions of the row's record. */
public final class DetailSheets {
    private DetailSheets() {}

    public static List<DetailSection> of(TreeEntry entry) {
        if (entry instanceof TreeEntry.ClusterEntry c) {
            return cluster(c.cluster());
        } else if (entry instanceof TreeEntry.ServiceEntry s) {
            return service(s.service());
        } else if (entry instanceof TreeEntry.TaskEntry t) {
            return task(t.task());
        } else if (entry instanceof TreeEntry.ContainerEntry c) {
            return List.of(container(c.container()));
        } else if (entry instanceof TreeEntry.InstanceEntry i) {
            return instance(i.instance());
        } else if (entry instanceof TreeEntry.FolderEntry f) {
            return List.of(folder(f));
        } else if (entry instanceof TreeEntry.FamilyEntry f) {
            return List.of(new DetailSection("Family", List.of(DetailRow.of("Family", f.family()),
                    DetailRow.of("Scope", "this account and region, used by services of any cluster"),
                    DetailRow.of("Revisions", "listed under the row, newest first"))));
        } else if (entry instanceof TreeEntry.BackendEntry b) {
            return List.of(new DetailSection("Backend", List.of(DetailRow.of("Backend", b.backend().label()),
                    DetailRow.of("Region", b.backend().region()), DetailRow.of("Endpoint", b.backend().endpoint()))));
        }
        return List.of();
    }

    /** A folder's sheet: what it groups and how many, true whether the row is open or not. */
    static DetailSection folder(TreeEntry.FolderEntry f) {
        if (f.kind() == TreeEntry.FolderKind.TASK_DEFINITIONS) {
            return new DetailSection(f.kind().title(), List.of(
                    DetailRow.of("Scope", "this account and region, shared by every cluster"),
                    DetailRow.of("Families", f.count() == null ? "not known: listing them failed" : f.count() + " with an active revision")));
        }
        String what = f.kind() == TreeEntry.FolderKind.SERVICES ? "active services" : "registered container instances";
        return new DetailSection(f.kind().title(), List.of(DetailRow.of("Cluster", f.cluster()),
                DetailRow.of("Count", f.count() == null ? "not known" : f.count() + " " + what)));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** A service's auto scaling in short: the target's range and each policy. */
    static DetailSection scaling(dev.ecsdeck.model.ServiceScaling scaling) {
        if (!scaling.enabled()) {
            return new DetailSection("Auto scaling", List.of(DetailRow.of("Auto scaling", "not configured")));
        }
        List<DetailRow> rows = new ArrayList<>();
        rows.add(DetailRow.of("Desired count range", scaling.target().minCapacity() + " – " + scaling.target().maxCapacity()));
        for (dev.ecsdeck.model.ScalingPolicy p : scaling.policies()) {
            var tt = p.targetTracking();
            rows.add(DetailRow.of("Policy " + p.policyName(), tt == null ? p.policyType() + (p.summary() == null ? "" : ": " + p.summary())
                    : "target tracking " + metricName(tt.predefinedMetricType()) + " at " + tt.targetValue()
                            + (tt.disableScaleIn() ? ", scale-in off" : "")));
        }
        for (dev.ecsdeck.model.ScheduledAction a : scaling.scheduledActions()) {
            rows.add(DetailRow.of("Scheduled " + a.scheduledActionName(), a.schedule() + " → " + a.minCapacity() + "–" + a.maxCapacity()));
        }
        return new DetailSection("Auto scaling", rows);
    }

    static String metricName(String type) {
        return switch (type) {
            case dev.ecsdeck.model.TargetTrackingConfig.CPU -> "average CPU %";
            case dev.ecsdeck.model.TargetTrackingConfig.MEMORY -> "average memory %";
            case dev.ecsdeck.model.TargetTrackingConfig.ALB_REQUESTS -> "ALB requests per target";
            default -> type;
        };
    }

    static List<DetailSection> taskDefinition(dev.ecsdeck.model.TaskDefinition td) {
        return List.of(new DetailSection("Task definition", List.of(
                DetailRow.copyable("ARN", td.taskDefinitionArn()),
                DetailRow.of("Status", td.status()),
                DetailRow.of("Containers", String.join(", ", td.containerNames())),
                DetailRow.of("Network mode", td.networkMode()),
                DetailRow.of("CPU / memory", (td.cpu() == null ? "—" : td.cpu()) + " / " + (td.memory() == null ? "—" : td.memory())),
                DetailRow.of("Requires", td.requiresCompatibilities().isEmpty() ? "—" : String.join(", ", td.requiresCompatibilities())),
                DetailRow.of("Registered", TimeFormat.local(td.registeredAt()) + (td.registeredBy() == null ? "" : " by " + td.registeredBy())),
                DetailRow.of("Deregistered", TimeFormat.local(td.deregisteredAt())))));
    }

    static String prettyJson(String json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (java.io.IOException e) {
            return json;
        }
    }

    static List<DetailSection> cluster(Cluster c) {
        List<DetailSection> out = new ArrayList<>();
        out.add(new DetailSection("Cluster", List.of(
                DetailRow.copyable("ARN", c.clusterArn()),
                DetailRow.of("Status", c.status()),
                DetailRow.of("Active services", c.activeServicesCount()),
                DetailRow.of("Running tasks", c.runningTasksCount()),
                DetailRow.of("Pending tasks", c.pendingTasksCount()),
                DetailRow.of("Container instances", c.registeredContainerInstancesCount()))));
        List<DetailRow> capacity = new ArrayList<>();
        capacity.add(DetailRow.of("Capacity providers", c.capacityProviders().isEmpty() ? "none" : String.join(", ", c.capacityProviders())));
        c.settings().forEach(s -> capacity.add(DetailRow.of(s.name(), s.value())));
        out.add(new DetailSection("Capacity and settings", capacity));
        return out;
    }

    static List<DetailSection> service(EcsService s) {
        List<DetailSection> out = new ArrayList<>();
        out.add(new DetailSection("Service", List.of(
                DetailRow.copyable("ARN", s.serviceArn()),
                DetailRow.of("Status", s.status()),
                DetailRow.of("Tasks", s.runningCount() + " running / " + s.desiredCount() + " desired / " + s.pendingCount() + " pending"),
                DetailRow.copyable("Task definition", Arns.familyRevision(s.taskDefinition())),
                DetailRow.of("Launch type", s.launchType()),
                DetailRow.of("Scheduling", s.schedulingStrategy()),
                DetailRow.of("Created", TimeFormat.local(s.createdAt())))));
        DeploymentConfiguration dc = s.deploymentConfiguration() == null ? DeploymentConfiguration.defaults() : s.deploymentConfiguration();
        out.add(new DetailSection("Deployment configuration", List.of(
                DetailRow.of("Minimum healthy", dc.minimumHealthyPercentOrDefault() + "%"),
                DetailRow.of("Maximum", dc.maximumPercentOrDefault() + "%"),
                DetailRow.of("Circuit breaker", dc.circuitBreakerEnabled() ? (dc.rollbackEnabled() ? "on, with rollback" : "on") : "off"))));
        List<DetailRow> deployments = new ArrayList<>();
        for (Deployment d : s.deployments()) {
            deployments.add(DetailRow.of(d.status() + " " + Arns.familyRevision(d.taskDefinition()),
                    d.rolloutState() + " — " + d.runningCount() + "/" + d.desiredCount() + " running, " + d.pendingCount() + " pending, "
                            + d.failedTasks() + " failed"));
        }
        out.add(new DetailSection("Deployments", deployments));
        List<DetailRow> network = new ArrayList<>();
        if (s.networkConfiguration() != null && s.networkConfiguration().awsvpcConfiguration() != null) {
            var vpc = s.networkConfiguration().awsvpcConfiguration();
            network.add(DetailRow.of("Subnets", String.join(", ", vpc.subnets())));
            network.add(DetailRow.of("Security groups", String.join(", ", vpc.securityGroups())));
            network.add(DetailRow.of("Public IP", vpc.assignPublicIp()));
        }
        s.loadBalancers().forEach(lb -> network.add(DetailRow.copyable("Load balancer",
                (lb.targetGroupArn() != null ? lb.targetGroupArn() : lb.loadBalancerName()) + " → " + lb.containerName() + ":" + lb.containerPort())));
        s.placementConstraints().forEach(p -> network.add(DetailRow.of("Constraint", p.type() + (p.expression() == null ? "" : " " + p.expression()))));
        s.placementStrategy().forEach(p -> network.add(DetailRow.of("Strategy", p.type() + (p.field() == null ? "" : "(" + p.field() + ")"))));
        if (!network.isEmpty()) {
            out.add(new DetailSection("Network and placement", network));
        }
        return out;
    }

    static List<DetailSection> task(EcsTask t) {
        List<DetailSection> out = new ArrayList<>();
        List<DetailRow> rows = new ArrayList<>(List.of(
                DetailRow.copyable("ARN", t.taskArn()),
                DetailRow.of("Status", t.lastStatus() + " (desired " + t.desiredStatus() + ")"),
                DetailRow.of("Health", t.healthStatus()),
                DetailRow.copyable("Task definition", Arns.familyRevision(t.taskDefinitionArn())),
                DetailRow.of("Launch type", t.launchType()),
                DetailRow.of("Runs on", t.containerInstanceArn() == null ? "Fargate" : Arns.lastSegment(t.containerInstanceArn())),
                DetailRow.of("Zone", t.availabilityZone()),
                DetailRow.of("CPU / memory", t.cpu() + " / " + t.memory() + " MiB"),
                DetailRow.of("Started by", t.startedBy()),
                DetailRow.of("Created", TimeFormat.local(t.createdAt())),
                DetailRow.of("Started", TimeFormat.local(t.startedAt()))));
        if (t.stoppedAt() != null || t.stoppedReason() != null) {
            rows.add(DetailRow.of("Stopped", TimeFormat.local(t.stoppedAt())));
            rows.add(DetailRow.of("Stop code", t.stopCode()));
            rows.add(DetailRow.of("Stopped reason", t.stoppedReason()));
        }
        out.add(new DetailSection("Task", rows));
        out.add(network(t));
        t.containers().forEach(c -> out.add(container(c)));
        return out;
    }

    /**
     * Where the task is reachable: an awsvpc task's network interface (private IP, ENI, subnet, MAC),
     * or the host ports a bridge or host task's containers are bound to on its instance.
     */
    static DetailSection network(EcsTask t) {
        var eni = t.networkInterface();
        if (eni.isPresent()) {
            Attachment a = eni.get();
            return new DetailSection("Network", List.of(
                    DetailRow.copyable("Private IP", a.detail("privateIPv4Address").orElse(null)),
                    DetailRow.copyable("Network interface", a.detail("networkInterfaceId").orElse(null)),
                    DetailRow.of("Interface status", a.status()),
                    DetailRow.of("Subnet", a.detail("subnetId").orElse(null)),
                    DetailRow.of("MAC address", a.detail("macAddress").orElse(null)),
                    DetailRow.of("Private DNS", a.detail("privateDnsName").orElse(null))));
        }
        List<String> ports = new ArrayList<>();
        for (Container c : t.containers()) {
            for (NetworkBinding b : c.networkBindings()) {
                ports.add(b.hostPort() + " → " + c.name() + ":" + b.containerPort() + "/" + b.protocol());
            }
        }
        return new DetailSection("Network", List.of(DetailRow.of("Host ports", ports.isEmpty() ? "none" : String.join(", ", ports))));
    }

    /** The tasks running on a container instance (ListTasks by containerInstance). */
    static DetailSection instanceTasks(List<EcsTask> tasks) {
        List<DetailRow> rows = new ArrayList<>();
        for (EcsTask t : tasks) {
            rows.add(DetailRow.of(t.taskId(), t.lastStatus() + " · " + t.group() + " · " + Arns.familyRevision(t.taskDefinitionArn())));
        }
        if (rows.isEmpty()) {
            rows.add(DetailRow.of("Tasks", "none"));
        }
        return new DetailSection(INSTANCE_TASKS, rows);
    }

    static final String INSTANCE_TASKS = "Tasks on this instance";

    static DetailSection container(Container c) {
        String ports = c.networkBindings().stream()
                .map((NetworkBinding b) -> b.hostPort() + "→" + b.containerPort() + "/" + b.protocol()).collect(Collectors.joining(", "));
        return new DetailSection("Container " + c.name(), List.of(
                DetailRow.copyable("Image", c.image()),
                DetailRow.of("Status", c.lastStatus()),
                DetailRow.of("Health", c.healthStatus()),
                DetailRow.of("Exit code", c.exitCode()),
                DetailRow.of("Reason", c.reason()),
                DetailRow.of("Ports", ports.isEmpty() ? "—" : ports),
                DetailRow.copyable("Runtime id", c.runtimeId())));
    }

    static List<DetailSection> instance(ContainerInstance i) {
        List<DetailSection> out = new ArrayList<>();
        out.add(new DetailSection("Container instance", List.of(
                DetailRow.copyable("ARN", i.containerInstanceArn()),
                DetailRow.copyable("EC2 instance", i.ec2InstanceId()),
                DetailRow.of("Status", i.status() + (i.statusReason() == null ? "" : " — " + i.statusReason())),
                DetailRow.of("Agent", (i.agentConnected() ? "connected" : "disconnected")
                        + (i.versionInfo() == null ? "" : ", version " + i.versionInfo().agentVersion() + ", " + i.versionInfo().dockerVersion())),
                DetailRow.of("Tasks", i.runningTasksCount() + " running, " + i.pendingTasksCount() + " pending"),
                DetailRow.of("CPU", remaining(i, "CPU") + " of " + registered(i, "CPU") + " units free"),
                DetailRow.of("Memory", remaining(i, "MEMORY") + " of " + registered(i, "MEMORY") + " MiB free"),
                DetailRow.of("Ports in use", ports(i.remainingResources())),
                DetailRow.of("Registered", TimeFormat.local(i.registeredAt())))));
        List<DetailRow> attributes = new ArrayList<>();
        i.attributes().forEach(a -> attributes.add(DetailRow.of(a.name(), a.value())));
        out.add(new DetailSection("Attributes", attributes));
        return out;
    }

    private static String registered(ContainerInstance i, String name) {
        return value(i.registeredResources(), name);
    }

    private static String remaining(ContainerInstance i, String name) {
        return value(i.remainingResources(), name);
    }

    private static String value(List<Resource> resources, String name) {
        for (Resource r : resources) {
            if (name.equals(r.name()) && r.integerValue() != null) {
                return String.valueOf(r.integerValue());
            }
        }
        return "—";
    }

    private static String ports(List<Resource> resources) {
        for (Resource r : resources) {
            if ("PORTS".equals(r.name()) && r.stringSetValue() != null) {
                return String.join(", ", r.stringSetValue());
            }
        }
        return "—";
    }
}
