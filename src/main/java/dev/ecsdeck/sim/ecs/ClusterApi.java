package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.KeyValue;
import dev.ecsdeck.model.Tag;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.Paging;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Clusters and container instances: CreateCluster, ListClusters, DescribeClusters, RegisterContainerInstance, ... */
public final class ClusterApi {
    private final SimEngine engine;

    public ClusterApi(SimEngine engine) {
        this.engine = engine;
    }

    public Cluster createCluster(String name, List<String> capacityProviders, List<KeyValue> settings, List<Tag> tags) {
        synchronized (engine) {
            engine.advance();
            String n = name == null || name.isEmpty() ? "default" : name;
            if (!n.matches("[A-Za-z0-9_-]{1,255}")) {
                throw SimApiException.invalidParameter("Cluster name can be up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.");
            }
            SimCluster existing = engine.ecs().clusters.get(n);
            if (existing != null && "ACTIVE".equals(existing.status)) {
                return SimViews.cluster(existing); // CreateCluster is idempotent for an active cluster
            }
            SimCluster c = new SimCluster(n, engine.ids().clusterArn(n), engine.now());
            if (capacityProviders != null) {
                c.capacityProviders.addAll(capacityProviders);
            }
            if (settings != null) {
                c.settings.addAll(settings);
            }
            if (tags != null) {
                c.tags.addAll(tags);
            }
            engine.ecs().clusters.put(n, c);
            return SimViews.cluster(c);
        }
    }

    public Cluster deleteCluster(String cluster) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            if (c.services.values().stream().anyMatch(s -> !"INACTIVE".equals(s.status))) {
                throw new SimApiException("ClusterContainsServicesException",
                        "The Cluster cannot be deleted while Services are active.");
            }
            if (c.instances.values().stream().anyMatch(i -> !"INACTIVE".equals(i.status))) {
                throw new SimApiException("ClusterContainsContainerInstancesException",
                        "The Cluster cannot be deleted while Container Instances are active or draining.");
            }
            if (c.tasks.values().stream().anyMatch(t -> !t.isStopped())) {
                throw new SimApiException("ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active.");
            }
            c.status = "INACTIVE";
            return SimViews.cluster(c);
        }
    }

    public Page<String> listClusters(String nextToken, Integer maxResults) {
        synchronized (engine) {
            engine.advance();
            List<String> arns = new ArrayList<>();
            for (SimCluster c : engine.ecs().clusters.values()) {
                if ("ACTIVE".equals(c.status)) {
                    arns.add(c.arn);
                }
            }
            return Paging.page(arns, nextToken, maxResults, 100, 100);
        }
    }

    /** At most 100 clusters; none named means "default". */
    public Described<Cluster> describeClusters(List<String> clusters) {
        synchronized (engine) {
            engine.advance();
            List<String> refs = clusters == null || clusters.isEmpty() ? List.of("default") : clusters;
            SimEcs.checkBatch(refs, 100, "clusters");
            List<Cluster> found = new ArrayList<>();
            List<Described.Failure> failures = new ArrayList<>();
            for (String ref : refs) {
                SimCluster c = engine.ecs().clusters.get(SimEcs.nameOf(ref));
                if (c == null) {
                    failures.add(new Described.Failure(ref.startsWith("arn:") ? ref : engine.ids().clusterArn(ref), "MISSING", null));
                } else {
                    found.add(SimViews.cluster(c));
                }
            }
            return new Described<>(found, failures);
        }
    }

    /** Registers an EC2 instance with this much CPU (units) and memory (MiB), and these attributes. */
    public ContainerInstance registerContainerInstance(String cluster, int cpu, int memory, Map<String, String> attributes) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            if (cpu <= 0 || memory <= 0) {
                throw SimApiException.invalidParameter("totalResources must include CPU and MEMORY greater than 0.");
            }
            String id = engine.ids().hex(32);
            SimInstance i = new SimInstance(id, engine.ids().containerInstanceArn(c.name, id), engine.ids().ec2InstanceId(), cpu, memory,
                    engine.now());
            i.attributes.put("ecs.os-type", "linux");
            i.attributes.put("ecs.cpu-architecture", "x86_64");
            if (attributes != null) {
                i.attributes.putAll(attributes);
            }
            i.attributes.putIfAbsent("ecs.availability-zone", engine.region() + "a");
            i.attributes.putIfAbsent("ecs.instance-type", "m5.large");
            c.instances.put(id, i);
            c.markAllServicesDirty();
            return SimViews.instance(i, c);
        }
    }

    public Page<String> listContainerInstances(String cluster, String status, String nextToken, Integer maxResults) {
        return listContainerInstances(cluster, null, status, nextToken, maxResults);
    }

    /** As above, only the instances that match {@code filter}, a cluster query language expression (null: all). */
    public Page<String> listContainerInstances(String cluster, String filter, String status, String nextToken, Integer maxResults) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            if (filter != null && filter.isBlank()) {
                throw SimApiException.invalidParameter("filter cannot be blank.");
            }
            ClusterQuery query = filter == null ? null : ClusterQuery.parse(filter);
            List<String> arns = new ArrayList<>();
            for (SimInstance i : c.instances.values()) {
                if (query != null && !query.matches(i, c)) {
                    continue;
                }
                if (status == null ? !"INACTIVE".equals(i.status) : status.equals(i.status)) {
                    arns.add(i.arn);
                }
            }
            return Paging.page(arns, nextToken, maxResults, 100, 100);
        }
    }

    public Described<ContainerInstance> describeContainerInstances(String cluster, List<String> containerInstances) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            SimEcs.checkBatch(containerInstances, 100, "containerInstances");
            List<ContainerInstance> found = new ArrayList<>();
            List<Described.Failure> failures = new ArrayList<>();
            for (String ref : containerInstances) {
                SimInstance i = c.instances.get(SimEcs.nameOf(ref));
                if (i == null) {
                    failures.add(new Described.Failure(ref, "MISSING", null));
                } else {
                    found.add(SimViews.instance(i, c));
                }
            }
            return new Described<>(found, failures);
        }
    }

    /** Sets instances ACTIVE or DRAINING; draining ones lose their service tasks, which are placed elsewhere. */
    public Described<ContainerInstance> updateContainerInstancesState(String cluster, List<String> containerInstances, String status) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            SimEcs.checkBatch(containerInstances, 10, "containerInstances");
            if (!"ACTIVE".equals(status) && !"DRAINING".equals(status)) {
                throw SimApiException.invalidParameter("Container instance status should be one of [ACTIVE, DRAINING].");
            }
            List<ContainerInstance> found = new ArrayList<>();
            List<Described.Failure> failures = new ArrayList<>();
            for (String ref : containerInstances) {
                SimInstance i = c.instances.get(SimEcs.nameOf(ref));
                if (i == null || "INACTIVE".equals(i.status)) {
                    failures.add(new Described.Failure(ref, "MISSING", null));
                    continue;
                }
                i.status = status;
                c.markAllServicesDirty();
                found.add(SimViews.instance(i, c));
            }
            return new Described<>(found, failures);
        }
    }

    /**
     * DeregisterContainerInstance: the instance leaves the cluster (INACTIVE). With tasks still running
     * on it ECS refuses unless {@code force}; forced, ECS stops accounting for those tasks and their
     * services start copies elsewhere. The simulator has no orphans: it stops them, with that reason.
     */
    public ContainerInstance deregisterContainerInstance(String cluster, String containerInstance, boolean force) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            if (containerInstance == null || containerInstance.isEmpty()) {
                throw SimApiException.invalidParameter("containerInstance can not be blank.");
            }
            SimInstance i = c.instances.get(SimEcs.nameOf(containerInstance));
            if (i == null || "INACTIVE".equals(i.status)) {
                throw SimApiException.invalidParameter("The referenced container instance " + containerInstance + " was not found.");
            }
            List<SimTask> running = c.tasks.values().stream().filter(t -> i.id.equals(t.containerInstanceId) && !t.isStopped()).toList();
            if (!running.isEmpty() && !force) {
                throw SimApiException.invalidParameter("Found running tasks on the instance.");
            }
            i.status = "INACTIVE";
            i.agentConnected = false;
            c.markAllServicesDirty();
            for (SimTask t : running) {
                engine.ecs().lifecycle.requestStop(t, engine.now(), "ServiceSchedulerInitiated",
                        "Container instance " + i.id + " was deregistered");
            }
            return SimViews.instance(i, c);
        }
    }

    /**
     * The instance is gone (terminated, or its agent lost): its tasks stop with ECS's reason and the
     * services place replacements elsewhere.
     */
    public void loseInstance(String cluster, String containerInstance) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            SimInstance i = c.instances.get(SimEcs.nameOf(containerInstance));
            if (i == null) {
                throw SimApiException.invalidParameter("Container instance not found: " + containerInstance);
            }
            i.status = "INACTIVE";
            i.agentConnected = false;
            i.statusReason = "Instance " + i.ec2InstanceId + " was terminated.";
            c.markAllServicesDirty();
            for (SimTask t : c.tasks.values()) {
                if (i.id.equals(t.containerInstanceId) && t.wantsRunning()) {
                    engine.ecs().lifecycle.requestStop(t, engine.now(), "TerminationNotice",
                            "Host EC2 (instance " + i.ec2InstanceId + ") terminated.");
                }
            }
        }
    }
}
