package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.Attachment;
import dev.ecsdeck.model.Attribute;
import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.Container;
import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.Deployment;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.KeyValue;
import dev.ecsdeck.model.NetworkBinding;
import dev.ecsdeck.model.Resource;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.model.VersionInfo;
import dev.ecsdeck.taskdef.TaskDefinitionDocuments;
import java.util.ArrayList;
import java.util.List;

/** Snapshots of the simulator's mutable state as the model's immutable records. */
final class SimViews {
    static final String AGENT_VERSION = "1.89.2";

    private SimViews() {}

    static Cluster cluster(SimCluster c) {
        int instances = 0;
        for (SimInstance i : c.instances.values()) {
            instances += "INACTIVE".equals(i.status) ? 0 : 1;
        }
        int running = 0;
        int pending = 0;
        for (SimTask t : c.tasks.values()) {
            if (t.isRunning()) {
                running++;
            } else if (t.wantsRunning()) {
                pending++;
            }
        }
        int services = 0;
        for (SimService s : c.services.values()) {
            services += "ACTIVE".equals(s.status) ? 1 : 0;
        }
        return new Cluster(c.arn, c.name, c.status, instances, running, pending, services, c.capacityProviders, c.defaultStrategy,
                c.settings, c.tags);
    }

    static EcsService service(SimService s, List<SimTask> tasks, String clusterArn) {
        int running = 0;
        int pending = 0;
        for (SimTask t : tasks) {
            if (t.isRunning()) {
                running++;
            } else if (t.wantsRunning()) {
                pending++;
            }
        }
        List<Deployment> deployments = new ArrayList<>();
        for (SimDeployment d : s.deployments) {
            int dRunning = 0;
            int dPending = 0;
            for (SimTask t : tasks) {
                if (d.id.equals(t.deploymentId) && t.wantsRunning()) {
                    if (t.isRunning()) {
                        dRunning++;
                    } else {
                        dPending++;
                    }
                }
            }
            deployments.add(new Deployment(d.id, d.status, d.taskDefinitionArn, d.desiredCount, dPending, dRunning, d.failedTasks,
                    d.createdAt, d.updatedAt, d.launchType, d.rolloutState, d.rolloutStateReason));
        }
        return new EcsService(s.arn, s.name, clusterArn, s.status, s.desiredCount, running, pending,
                s.capacityProviderStrategy.isEmpty() ? s.launchType : null, s.capacityProviderStrategy.isEmpty() ? null : s.capacityProviderStrategy,
                "FARGATE".equals(s.launchType) ? "LATEST" : null, s.taskDefinitionArn, s.deploymentConfiguration, deployments,
                new ArrayList<>(s.events), s.createdAt, TaskDefinitionRegistry.registeredBy(accountOf(clusterArn)), s.placementConstraints,
                s.placementStrategy, s.networkConfiguration, s.loadBalancers, s.schedulingStrategy,
                s.healthCheckGracePeriodSeconds, s.tags, s.enableExecuteCommand);
    }

    static EcsTask task(SimTask t, String clusterArn, SimCluster cluster) {
        List<Container> containers = new ArrayList<>();
        int portIndex = 0;
        for (SimContainer c : t.containers) {
            List<NetworkBinding> bindings = new ArrayList<>();
            if (!t.awsvpc() && t.startedAt != null && !t.isStopped()) {
                for (ContainerSpec.PortSpec p : c.spec.ports()) {
                    Integer host = portIndex < t.hostPorts.size() ? t.hostPorts.get(portIndex) : p.hostPort();
                    portIndex++;
                    bindings.add(new NetworkBinding("0.0.0.0", p.containerPort(), host, p.protocol()));
                }
            }
            containers.add(new Container(c.arn, t.arn, c.spec.name(), c.spec.image(),
                    t.startedAt == null ? null : c.runtimeId, c.lastStatus, c.exitCode, c.reason, bindings, c.healthStatus,
                    String.valueOf(c.spec.cpu()), c.spec.memory() == null ? null : String.valueOf(c.spec.memory()),
                    c.spec.memoryReservation() == null ? null : String.valueOf(c.spec.memoryReservation())));
        }
        SimInstance instance = t.containerInstanceId == null ? null : cluster.instances.get(t.containerInstanceId);
        SimTaskDefinition td = t.taskDefinition;
        return new EcsTask(t.arn, clusterArn, td.arn, instance == null ? null : instance.arn, t.availabilityZone, t.group,
                t.startedBy, t.lastStatus, t.desiredStatus, t.healthStatus, t.launchType, t.capacityProviderName,
                String.valueOf(td.reservedCpu()), String.valueOf(td.reservedMemory()), containers, t.createdAt, t.pullStartedAt,
                t.pullStoppedAt, t.startedAt, t.stoppingAt, t.stoppedAt, t.stopCode, t.stoppedReason, t.version, List.of(),
                attachments(t, cluster), t.enableExecuteCommand);
    }

    /**
     * An awsvpc task's network interface as ECS shows it: PRECREATED (only its subnet known) while the
     * task provisions, ATTACHED while it runs, DETACHING while it deprovisions, DELETED once it stopped.
     */
    private static List<Attachment> attachments(SimTask t, SimCluster cluster) {
        SimEni eni = t.eni;
        if (eni == null) {
            return List.of();
        }
        String status = switch (t.lastStatus) {
            case "PROVISIONING" -> "PRECREATED";
            case "DEPROVISIONING" -> "DETACHING";
            case "STOPPED" -> "DELETED";
            default -> "ATTACHED";
        };
        List<KeyValue> details = new ArrayList<>();
        details.add(new KeyValue("subnetId", eni.subnetId()));
        if (!"PRECREATED".equals(status)) {
            details.add(new KeyValue("networkInterfaceId", eni.networkInterfaceId()));
            details.add(new KeyValue("macAddress", eni.macAddress()));
            details.add(new KeyValue("privateDnsName", eni.privateDnsName(regionOf(cluster.arn))));
            details.add(new KeyValue("privateIPv4Address", eni.privateIpv4Address()));
        }
        return List.of(new Attachment(eni.attachmentId(), Attachment.ENI, status, details));
    }

    /** The region part of an ARN (arn:aws:ecs:REGION:...). */
    private static String regionOf(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 3 ? parts[3] : "";
    }

    /** The account part of an ARN (arn:aws:ecs:region:ACCOUNT:...). */
    private static String accountOf(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 4 ? parts[4] : "";
    }

    static ContainerInstance instance(SimInstance i, SimCluster cluster) {
        int running = 0;
        int pending = 0;
        for (SimTask t : cluster.tasks.values()) {
            if (i.id.equals(t.containerInstanceId)) {
                if (t.isRunning()) {
                    running++;
                } else if (t.wantsRunning()) {
                    pending++;
                }
            }
        }
        List<String> registeredPorts = i.reservedPorts.stream().sorted().map(String::valueOf).toList();
        List<String> udpPorts = i.reservedUdpPorts.stream().sorted().map(String::valueOf).toList();
        List<String> usedPorts = new ArrayList<>(registeredPorts);
        i.usedPorts.stream().sorted().forEach(p -> usedPorts.add(String.valueOf(p)));
        List<Resource> registered = List.of(Resource.integer("CPU", i.cpu), Resource.integer("MEMORY", i.memory),
                Resource.stringSet("PORTS", registeredPorts), Resource.stringSet("PORTS_UDP", udpPorts));
        List<Resource> remaining = List.of(Resource.integer("CPU", i.remainingCpu()), Resource.integer("MEMORY", i.remainingMemory()),
                Resource.stringSet("PORTS", usedPorts), Resource.stringSet("PORTS_UDP", udpPorts));
        List<Attribute> attributes = new ArrayList<>();
        i.attributes.forEach((k, v) -> attributes.add(new Attribute(k, v)));
        return new ContainerInstance(i.arn, i.ec2InstanceId, i.capacityProviderName, i.status, i.statusReason, i.agentConnected, running, pending,
                registered, remaining, attributes, i.versionInfo != null ? i.versionInfo
                : new VersionInfo(AGENT_VERSION, "f4c3a1b2", "DockerVersion: 25.0.8"), i.registeredAt);
    }

    static TaskDefinition taskDefinition(SimTaskDefinition td) {
        return TaskDefinitionDocuments.toModel(td.document);
    }
}
