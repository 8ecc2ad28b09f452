package dev.ecsdeck.sim.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.PlacementConstraint;
import dev.ecsdeck.model.PlacementStrategy;
import dev.ecsdeck.model.ServiceRevision;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * CreateService and UpdateService for the members {@link ServiceApi} does not take (platform version,
 * service registries, volume configurations, role, Availability Zone rebalancing; on update also the
 * network configuration and placement), around ServiceApi's own call and under the same lock, so a
 * request is applied whole or not at all; and what DescribeServices shows of them.
 */
public final class ServiceSettingsApi {
    private static final String SERVICE_LINKED_ROLE = "role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS";

    private final SimEngine engine;

    public ServiceSettingsApi(SimEngine engine) {
        this.engine = engine;
    }

    /** The members of a CreateService or UpdateService request this class applies; null leaves one as it is (or at its default). */
    public record Members(String platformVersion, JsonNode serviceRegistries, JsonNode volumeConfigurations, String role,
            String availabilityZoneRebalancing, NetworkConfiguration networkConfiguration, List<PlacementConstraint> placementConstraints,
            List<PlacementStrategy> placementStrategy) {}

    /** What DescribeServices shows: the service's members, and per ECS deployment id what its revision deployed. */
    public record Shown(String platformVersion, String platformFamily, String roleArn, String availabilityZoneRebalancing,
            JsonNode serviceRegistries, Map<String, DeploymentShown> deployments) {}

    /** A deployment's platform (the version resolved) and volume configurations. */
    public record DeploymentShown(String platformVersion, String platformFamily, JsonNode volumeConfigurations) {}

    /**
     * CreateService: checks the members, lets {@code create} make the service, then keeps them (its first
     * revision deployed them).
     */
    public EcsService create(String cluster, String launchType, List<CapacityProviderStrategyItem> strategy, String schedulingStrategy,
            String networkMode, Members m, Supplier<EcsService> create) {
        synchronized (engine) {
            String effective = launchType != null ? launchType : strategy != null && strategy.stream()
                    .anyMatch(i -> i.capacityProvider() != null && i.capacityProvider().startsWith("FARGATE")) ? "FARGATE" : "EC2";
            FargatePlatform.check(effective, m.platformVersion());
            checkVolumes("DAEMON".equals(schedulingStrategy), m.volumeConfigurations());
            if (m.role() != null && "awsvpc".equals(networkMode)) {
                throw SimApiException.invalidParameter("You cannot specify an IAM role for services that require a service linked role.");
            }
            EcsService created = create.get();
            SimService s = ServiceApi.service(engine.ecs().cluster(cluster), created.serviceName());
            ServiceSettings settings = s.settings;
            settings.workload = new ServiceSettings.Workload(m.platformVersion(), orEmpty(m.serviceRegistries()),
                    orEmpty(m.volumeConfigurations()));
            settings.roleArn = roleArn(m.role(), s.arn);
            if (m.availabilityZoneRebalancing() != null) {
                settings.availabilityZoneRebalancing = m.availabilityZoneRebalancing();
            }
            String revision = ServiceDeployments.currentRevisionArn(s);
            settings.recordRevision(revision);
            ServiceRevision r = revision == null ? null : s.revisions.get(revision);
            if (r != null) {
                s.revisions.put(revision, new ServiceRevision(r.serviceRevisionArn(), r.serviceArn(), r.clusterArn(), r.taskDefinition(),
                        r.capacityProviderStrategy(), r.launchType(), FargatePlatform.resolve(s.launchType, m.platformVersion()),
                        r.platformFamily(), r.loadBalancers(), r.networkConfiguration(), r.containerImages(), r.createdAt()));
            }
            return created;
        }
    }

    /**
     * UpdateService: checks and applies the members, then lets {@code update} do the rest, told whether
     * they changed what the service deploys (network, platform version, service registries, volumes:
     * a new deployment, as the model documents). Placement and AZ rebalancing apply without one.
     * Everything goes back as it was if {@code update} refuses the request.
     */
    public EcsService update(String cluster, String service, Members m, Function<Boolean, EcsService> update) {
        synchronized (engine) {
            SimCluster c = engine.ecs().cluster(cluster);
            SimService s = ServiceApi.service(c, service);
            ServiceSettings settings = s.settings;
            if (m.platformVersion() != null) {
                FargatePlatform.check(s.launchType, m.platformVersion());
            }
            checkVolumes(s.isDaemon(), m.volumeConfigurations());
            if (m.networkConfiguration() != null) {
                NetworkChecks.check(engine.ecs().taskDefinitionRegistry.resolve(s.taskDefinitionArn), m.networkConfiguration());
            }
            ServiceSettings.Workload before = settings.workload;
            ServiceSettings.Workload after = new ServiceSettings.Workload(
                    m.platformVersion() != null ? m.platformVersion() : before.platformVersion(),
                    m.serviceRegistries() != null ? m.serviceRegistries() : before.serviceRegistries(),
                    m.volumeConfigurations() != null ? m.volumeConfigurations() : before.volumeConfigurations());
            NetworkConfiguration network = s.networkConfiguration;
            List<PlacementConstraint> constraints = new ArrayList<>(s.placementConstraints);
            List<PlacementStrategy> strategies = new ArrayList<>(s.placementStrategy);
            String rebalancing = settings.availabilityZoneRebalancing;
            boolean changed = !after.equals(before)
                    || m.networkConfiguration() != null && !Objects.equals(m.networkConfiguration(), s.networkConfiguration);
            settings.workload = after;
            if (m.networkConfiguration() != null) {
                s.networkConfiguration = m.networkConfiguration();
            }
            replace(s.placementConstraints, m.placementConstraints());
            replace(s.placementStrategy, m.placementStrategy());
            if (m.availabilityZoneRebalancing() != null) {
                settings.availabilityZoneRebalancing = m.availabilityZoneRebalancing();
            }
            try {
                return update.apply(changed);
            } catch (RuntimeException e) {
                settings.workload = before;
                s.networkConfiguration = network;
                replace(s.placementConstraints, constraints);
                replace(s.placementStrategy, strategies);
                settings.availabilityZoneRebalancing = rebalancing;
                throw e;
            }
        }
    }

    /** What DescribeServices shows of the named services of the cluster (those not found are left out). */
    public Map<String, Shown> shown(String cluster, List<String> serviceArns) {
        synchronized (engine) {
            SimCluster c = engine.ecs().cluster(cluster);
            Map<String, Shown> out = new LinkedHashMap<>();
            for (String arn : serviceArns) {
                SimService s = c.services.get(SimEcs.nameOf(arn));
                if (s == null) {
                    continue;
                }
                ServiceSettings settings = s.settings;
                boolean fargate = "FARGATE".equals(s.launchType);
                Map<String, DeploymentShown> deployments = new LinkedHashMap<>();
                for (SimDeployment d : s.deployments) {
                    ServiceSettings.Workload w = settings.revision(d.revisionArn);
                    deployments.put(d.id, new DeploymentShown(FargatePlatform.resolve(s.launchType, w.platformVersion()),
                            fargate ? "Linux" : null, w.volumeConfigurations()));
                }
                String roleArn = settings.roleArn != null ? settings.roleArn
                        : s.loadBalancers.isEmpty() && settings.workload.serviceRegistries().isEmpty() ? null : roleArn(SERVICE_LINKED_ROLE, s.arn);
                out.put(arn, new Shown(fargate ? Objects.requireNonNullElse(settings.platformVersion(), FargatePlatform.LATEST) : null,
                        fargate ? "Linux" : null, roleArn, settings.availabilityZoneRebalancing, settings.workload.serviceRegistries(),
                        deployments));
            }
            return out;
        }
    }

    /** volumeConfigurations is for REPLICA services only, as the model says. */
    private static void checkVolumes(boolean daemon, JsonNode volumes) {
        if (daemon && volumes != null && !volumes.isEmpty()) {
            throw SimApiException.invalidParameter("volumeConfigurations is only supported for REPLICA services.");
        }
    }

    /** A role's ARN: as given, or the name made an IAM role ARN of the service's account. */
    private static String roleArn(String role, String serviceArn) {
        if (role == null || role.startsWith("arn:")) {
            return role;
        }
        String[] parts = serviceArn.split(":");
        String account = parts.length > 4 ? parts[4] : dev.ecsdeck.sim.SimIds.DEFAULT_ACCOUNT;
        return "arn:aws:iam::" + account + ":" + (role.startsWith("role/") ? role : "role/" + role);
    }

    private static JsonNode orEmpty(JsonNode list) {
        return list == null ? ServiceSettings.Workload.NONE.serviceRegistries() : list;
    }

    private static <T> void replace(List<T> target, List<T> with) {
        if (with != null) {
            target.clear();
            target.addAll(with);
        }
    }
}
