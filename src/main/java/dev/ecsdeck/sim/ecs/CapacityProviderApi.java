package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.model.Tag;
import dev.ecsdeck.sim.Paging;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * Capacity providers: CreateCapacityProvider,
 * DescribeCapacityProviders, UpdateCapacityProvider, DeleteCapacityProvider,
 * PutClusterCapacityProviders, and UpdateService's capacity provider strategy. The records below are
 * the answers' shapes (their component names are ECS's member names).
 */
public final class CapacityProviderApi {
    private final SimEngine engine;

    public CapacityProviderApi(SimEngine engine) {
        this.engine = engine;
    }

    public record ManagedScaling(String status, Integer targetCapacity, Integer minimumScalingStepSize, Integer maximumScalingStepSize,
            Integer instanceWarmupPeriod) {}

    public record AutoScalingGroupProvider(String autoScalingGroupArn, ManagedScaling managedScaling, String managedTerminationProtection,
            String managedDraining) {}

    public record CapacityProvider(String capacityProviderArn, String name, String status, AutoScalingGroupProvider autoScalingGroupProvider,
            String updateStatus, String updateStatusReason, List<Tag> tags, String type) {}

    /** A DescribeCapacityProviders answer: the providers, the failures (names not found) and the next page's token. */
    public record Providers(List<CapacityProvider> capacityProviders, List<Described.Failure> failures, String nextToken) {}

    public CapacityProvider create(String name, AutoScalingGroupProvider group, List<Tag> tags) {
        synchronized (engine) {
            engine.advance();
            CapacityProviders providers = engine.ecs().capacityProviders;
            if (name == null || !name.matches("[A-Za-z0-9_-]{1,255}")) {
                throw SimApiException.invalidParameter("The capacity provider name can be up to 255 characters: letters (uppercase and"
                        + " lowercase), numbers, underscores, and hyphens.");
            }
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("aws") || lower.startsWith("ecs") || lower.startsWith("fargate")) {
                throw SimApiException.invalidParameter("The capacity provider name can't be prefixed with \"aws\", \"ecs\", or \"fargate\".");
            }
            SimCapacityProvider existing = providers.byName.get(name);
            if (existing != null && existing.active()) {
                throw SimApiException.client("The specified capacity provider already exists. To change the configuration of an existing"
                        + " capacity provider, update the capacity provider.");
            }
            if (group == null || group.autoScalingGroupArn() == null || group.autoScalingGroupArn().isBlank()) {
                throw SimApiException.invalidParameter("autoScalingGroupProvider.autoScalingGroupArn is required: the simulator serves"
                        + " Auto Scaling group capacity providers (not Amazon ECS Managed Instances).");
            }
            for (SimCapacityProvider other : providers.byName.values()) {
                if (other.active() && other.autoScalingGroupArn.equals(group.autoScalingGroupArn())) {
                    throw SimApiException.client("The specified Auto Scaling group is already in use by capacity provider " + other.name
                            + ". Specify a different Auto Scaling group and try again.");
                }
            }
            if (tags != null && tags.size() > 50) {
                throw SimApiException.invalidParameter("A resource can have at most 50 tags.");
            }
            SimCapacityProvider p = new SimCapacityProvider(name, engine.ids().arn("ecs", "capacity-provider/" + name),
                    group.autoScalingGroupArn());
            p.managedScalingStatus = "DISABLED";
            p.targetCapacity = 100;
            p.minimumScalingStepSize = 1;
            p.maximumScalingStepSize = 10_000;
            p.instanceWarmupPeriod = 300;
            p.managedTerminationProtection = "DISABLED";
            p.managedDraining = "ENABLED";
            apply(p, group.managedScaling(), group.managedTerminationProtection(), group.managedDraining());
            p.updateStatus = null;
            if (tags != null) {
                p.tags.addAll(tags);
            }
            providers.byName.put(name, p);
            return view(p, true);
        }
    }

    /** UpdateCapacityProvider: the members given replace the provider's; the rest stay. */
    public CapacityProvider update(String name, ManagedScaling scaling, String terminationProtection, String draining) {
        synchronized (engine) {
            engine.advance();
            SimCapacityProvider p = existing(name);
            apply(p, scaling, terminationProtection, draining);
            p.updateStatus = "UPDATE_COMPLETE";
            return view(p, true);
        }
    }

    public CapacityProvider delete(String ref) {
        synchronized (engine) {
            engine.advance();
            if (ref != null && CapacityProviders.isFargate(SimEcs.nameOf(ref))) {
                throw SimApiException.client("The FARGATE and FARGATE_SPOT capacity providers are reserved and can't be deleted."
                        + " Disassociate them from a cluster with PutClusterCapacityProviders instead.");
            }
            SimCapacityProvider p = existing(ref);
            if (p.cluster != null) {
                throw SimApiException.client("The specified capacity provider is in use by cluster " + p.cluster + ". Disassociate it"
                        + " from the cluster with PutClusterCapacityProviders, or delete the cluster, and try again.");
            }
            p.status = "INACTIVE";
            p.updateStatus = "DELETE_COMPLETE";
            return view(p, true);
        }
    }

    /** DescribeCapacityProviders: the named ones (missing ones are failures), or all ACTIVE ones; 10 a page at most. */
    public Providers describe(List<String> refs, boolean withTags, String nextToken, Integer maxResults) {
        synchronized (engine) {
            engine.advance();
            List<CapacityProvider> found = new ArrayList<>();
            List<Described.Failure> failures = new ArrayList<>();
            if (refs == null || refs.isEmpty()) {
                found.add(fargate(CapacityProviders.FARGATE, withTags));
                found.add(fargate(CapacityProviders.FARGATE_SPOT, withTags));
                for (SimCapacityProvider p : engine.ecs().capacityProviders.byName.values()) {
                    if (p.active()) {
                        found.add(view(p, withTags));
                    }
                }
            } else {
                SimEcs.checkBatch(refs, 100, "capacityProviders");
                for (String ref : refs) {
                    String name = SimEcs.nameOf(ref);
                    SimCapacityProvider p = engine.ecs().capacityProviders.find(name);
                    if (CapacityProviders.isFargate(name)) {
                        found.add(fargate(name, withTags));
                    } else if (p != null) {
                        found.add(view(p, withTags));
                    } else {
                        failures.add(new Described.Failure(ref.startsWith("arn:") ? ref : engine.ids().arn("ecs", "capacity-provider/" + ref),
                                "MISSING", null));
                    }
                }
            }
            Page<CapacityProvider> page = Paging.page(found, nextToken, maxResults, 10, 10);
            return new Providers(page.items(), failures, page.nextToken());
        }
    }

    /**
     * PutClusterCapacityProviders: the cluster's providers become exactly these (one left out that a
     * task or service still uses is refused) and its default strategy this one.
     */
    public Cluster putClusterCapacityProviders(String cluster, List<String> names, List<CapacityProviderStrategyItem> defaultStrategy) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            CapacityProviders providers = engine.ecs().capacityProviders;
            List<String> wanted = new ArrayList<>();
            for (String ref : names) {
                String name = SimEcs.nameOf(ref);
                if (!CapacityProviders.isFargate(name)) {
                    SimCapacityProvider p = providers.find(name);
                    if (p == null || !p.active()) {
                        throw SimApiException.invalidParameter("The specified capacity provider " + name + " does not exist or is not in an"
                                + " ACTIVE state. Specify a valid capacity provider and try again.");
                    }
                    SimCluster other = p.cluster == null ? null : engine.ecs().clusters.get(p.cluster);
                    if (other != null && other != c && "ACTIVE".equals(other.status)) {
                        throw new SimApiException("ResourceInUseException", "The specified capacity provider " + name
                                + " is already associated with cluster " + p.cluster + ". Specify a different capacity provider and try again.");
                    }
                }
                if (!wanted.contains(name)) {
                    wanted.add(name);
                }
            }
            for (String old : c.capacityProviders) {
                String user = wanted.contains(old) ? null : CapacityProviders.usedIn(c, old);
                if (user != null) {
                    throw new SimApiException("ResourceInUseException", "The specified capacity provider " + old
                            + " is in use by a " + user + " and cannot be removed.");
                }
            }
            List<String> before = List.copyOf(c.capacityProviders);
            c.capacityProviders.clear();
            c.capacityProviders.addAll(wanted);
            try {
                providers.check(c, defaultStrategy);
            } catch (SimApiException e) {
                c.capacityProviders.clear();
                c.capacityProviders.addAll(before);
                throw e;
            }
            for (String old : before) {
                SimCapacityProvider p = providers.find(old);
                if (p != null && !wanted.contains(old)) {
                    p.cluster = null;
                }
            }
            for (String name : wanted) {
                SimCapacityProvider p = providers.find(name);
                if (p != null) {
                    p.cluster = c.name;
                }
            }
            c.defaultStrategy.clear();
            c.defaultStrategy.addAll(CapacityProviders.normalised(defaultStrategy));
            return SimViews.cluster(c);
        }
    }

    /** CreateCluster's capacity providers must exist (FARGATE and FARGATE_SPOT always do) before the cluster is made. */
    public void checkExist(List<String> names) {
        synchronized (engine) {
            for (String ref : names == null ? List.<String>of() : names) {
                String name = SimEcs.nameOf(ref);
                SimCapacityProvider p = engine.ecs().capacityProviders.find(name);
                if (!CapacityProviders.isFargate(name) && (p == null || !p.active())) {
                    throw SimApiException.invalidParameter("The specified capacity provider " + name + " does not exist or is not in an"
                            + " ACTIVE state. Specify a valid capacity provider and try again.");
                }
            }
        }
    }

    /**
     * UpdateService's capacityProviderStrategy, checked before the rest of the update is applied: a
     * strategy of the cluster's providers (a service may move from its launch type to a strategy, between
     * Fargate and Auto Scaling group providers, and back to its launch type with an empty list). The task
     * definition must suit the new launch type.
     */
    public void checkServiceStrategy(String cluster, String service, List<CapacityProviderStrategyItem> strategy) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            SimService s = ServiceApi.service(c, service);
            if (strategy == null || strategy.isEmpty()) {
                return;
            }
            if (s.isDaemon()) {
                throw SimApiException.invalidParameter("Capacity provider strategies are not supported for services with the DAEMON"
                        + " scheduling strategy.");
            }
            engine.ecs().capacityProviders.check(c, strategy);
            SimTaskDefinition td = engine.ecs().taskDefinitionRegistry.resolve(s.taskDefinitionArn);
            if ("FARGATE".equals(CapacityProviders.launchTypeOf(strategy)) && !td.document.path("compatibilities").toString().contains("FARGATE")) {
                throw SimApiException.client("Task definition does not support launch_type FARGATE.");
            }
        }
    }

    /**
     * Applies a checked strategy: the service's new tasks go by it (ECS starts no deployment for this;
     * forceNewDeployment replaces the running tasks). An empty list returns the service to its launch type.
     */
    public dev.ecsdeck.model.EcsService applyServiceStrategy(String cluster, String service, List<CapacityProviderStrategyItem> strategy) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            SimService s = ServiceApi.service(c, service);
            s.capacityProviderStrategy.clear();
            if (strategy != null && !strategy.isEmpty()) {
                s.capacityProviderStrategy.addAll(CapacityProviders.normalised(strategy));
                s.launchType = CapacityProviders.launchTypeOf(strategy);
            }
            s.dirty = true;
            return SimViews.service(s, c.tasksOf(s.name), c.arn);
        }
    }

    private SimCapacityProvider existing(String ref) {
        SimCapacityProvider p = engine.ecs().capacityProviders.find(ref);
        if (p == null || !p.active()) {
            throw SimApiException.client("The specified capacity provider does not exist. Specify a valid name or ARN and try again.");
        }
        return p;
    }

    /** Checks and applies managed scaling, termination protection and draining; null members leave a setting as it is. */
    private static void apply(SimCapacityProvider p, ManagedScaling s, String terminationProtection, String draining) {
        String status = p.managedScalingStatus;
        int target = p.targetCapacity;
        int minStep = p.minimumScalingStepSize;
        int maxStep = p.maximumScalingStepSize;
        int warmup = p.instanceWarmupPeriod;
        if (s != null) {
            status = s.status() == null ? status : enumValue("managedScaling.status", s.status());
            target = s.targetCapacity() == null ? target : range("managedScaling.targetCapacity", s.targetCapacity(), 1, 100);
            minStep = s.minimumScalingStepSize() == null ? minStep : range("managedScaling.minimumScalingStepSize",
                    s.minimumScalingStepSize(), 1, 10_000);
            maxStep = s.maximumScalingStepSize() == null ? maxStep : range("managedScaling.maximumScalingStepSize",
                    s.maximumScalingStepSize(), 1, 10_000);
            warmup = s.instanceWarmupPeriod() == null ? warmup : range("managedScaling.instanceWarmupPeriod", s.instanceWarmupPeriod(), 0, 10_000);
        }
        if (minStep > maxStep) {
            throw SimApiException.invalidParameter("The managedScaling minimumScalingStepSize (" + minStep
                    + ") cannot be greater than the maximumScalingStepSize (" + maxStep + ").");
        }
        String protection = terminationProtection == null ? p.managedTerminationProtection
                : enumValue("managedTerminationProtection", terminationProtection);
        String drain = draining == null ? p.managedDraining : enumValue("managedDraining", draining);
        if ("ENABLED".equals(protection) && !"ENABLED".equals(status)) {
            throw SimApiException.invalidParameter("The managed termination protection setting for the capacity provider is invalid."
                    + " To enable managed termination protection for a capacity provider, managed scaling must also be enabled.");
        }
        p.managedScalingStatus = status;
        p.targetCapacity = target;
        p.minimumScalingStepSize = minStep;
        p.maximumScalingStepSize = maxStep;
        p.instanceWarmupPeriod = warmup;
        p.managedTerminationProtection = protection;
        p.managedDraining = drain;
    }

    private static String enumValue(String member, String value) {
        if (!"ENABLED".equals(value) && !"DISABLED".equals(value)) {
            throw SimApiException.invalidParameter("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]");
        }
        return value;
    }

    private static int range(String member, int value, int min, int max) {
        if (value < min || value > max) {
            throw SimApiException.invalidParameter(member + " must be between " + min + " and " + max + ".");
        }
        return value;
    }

    private CapacityProvider fargate(String name, boolean withTags) {
        return new CapacityProvider(engine.ids().arn("ecs", "capacity-provider/" + name), name, "ACTIVE", null, null, null,
                withTags ? List.of() : null, name);
    }

    private static CapacityProvider view(SimCapacityProvider p, boolean withTags) {
        ManagedScaling scaling = new ManagedScaling(p.managedScalingStatus, p.targetCapacity, p.minimumScalingStepSize,
                p.maximumScalingStepSize, p.instanceWarmupPeriod);
        return new CapacityProvider(p.arn, p.name, p.status, new AutoScalingGroupProvider(p.autoScalingGroupArn, scaling,
                p.managedTerminationProtection, p.managedDraining), p.updateStatus, p.updateStatusReason,
                withTags ? List.copyOf(p.tags) : null, "EC2_AUTOSCALING");
    }
}
