package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.ServiceUtilization;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.Paging;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** CreateService, UpdateService, DeleteService, ListServices and DescribeServices. */
public final class ServiceApi {
    private final SimEngine engine;

    public ServiceApi(SimEngine engine) {
        this.engine = engine;
    }

    /** A name ECS takes for a new service of the cluster: its characters, and no ACTIVE or DRAINING service of that name. */
    static void checkNewServiceName(SimCluster c, String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,255}")) {
            throw SimApiException.invalidParameter("Service name can be up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.");
        }
        SimService existing = c.services.get(name);
        if (existing != null && !"INACTIVE".equals(existing.status)) {
            throw SimApiException.invalidParameter("Creation of service was not idempotent.");
        }
    }

    public EcsService createService(CreateServiceRequest r) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(r.cluster());
            String name = r.serviceName();
            ServiceApi.checkNewServiceName(c, name);
            SimTaskDefinition td = resolveForService(engine.ecs(), r.taskDefinition());
            boolean daemon = "DAEMON".equals(r.schedulingStrategy());
            List<CapacityProviderStrategyItem> strategy = engine.ecs().capacityProviders.strategyFor(c, r.launchType(),
                    r.capacityProviderStrategy());
            String launchType = strategy.isEmpty() ? effectiveLaunchType(r.launchType(), List.of()) : CapacityProviders.launchTypeOf(strategy);
            if ("FARGATE".equals(launchType)) {
                if (daemon) {
                    throw SimApiException.invalidParameter("The DAEMON scheduling strategy does not support the FARGATE launch type.");
                }
                if (!td.document.path("compatibilities").toString().contains("FARGATE")) {
                    throw SimApiException.client("Task definition does not support launch_type FARGATE.");
                }
            }
            NetworkChecks.check(td, r.networkConfiguration());
            engine.ecs().loadBalancing.check(r.loadBalancers(), DeploymentRules.withDefaults(r.deploymentConfiguration(), daemon), td, daemon);
            int desired = r.desiredCount() == null ? 0 : r.desiredCount();
            if (desired < 0) {
                throw SimApiException.invalidParameter("desiredCount can not be negative.");
            }
            DeploymentConfiguration config = DeploymentRules.withDefaults(r.deploymentConfiguration(), daemon);
            SimService s = new SimService(name, engine.ids().serviceArn(c.name, name), c.name, launchType,
                    daemon ? "DAEMON" : "REPLICA", engine.now());
            s.desiredCount = daemon ? 0 : desired;
            s.deploymentConfiguration = config;
            s.networkConfiguration = r.networkConfiguration();
            s.placementConstraints.addAll(r.placementConstraints());
            s.placementStrategy.addAll(r.placementStrategy());
            s.loadBalancers.addAll(r.loadBalancers());
            s.healthCheckGracePeriodSeconds = r.healthCheckGracePeriodSeconds();
            s.tags.addAll(r.tags());
            s.capacityProviderStrategy.addAll(strategy);
            ServiceDeployments deployments = engine.ecs().scheduler.serviceDeployments;
            engine.ecs().rollout(c, s, deployments.revision(c, s, td.arn, engine.now()), engine.now());
            c.services.put(name, s);
            return SimViews.service(s, c.tasksOf(name), c.arn);
        }
    }

    /**
     * UpdateService: any of desired count, task definition (a new deployment), force new deployment
     * and deployment configuration; null leaves a setting as it is.
     */
    public EcsService updateService(String cluster, String service, Integer desiredCount, String taskDefinition,
            boolean forceNewDeployment, DeploymentConfiguration deploymentConfiguration) {
        return updateService(cluster, service, desiredCount, taskDefinition, forceNewDeployment, deploymentConfiguration, null, null);
    }

    /**
     * UpdateService with load balancers (a change is a new service revision and deployment) and the
     * health check grace period too.
     */
    public EcsService updateService(String cluster, String service, Integer desiredCount, String taskDefinition,
            boolean forceNewDeployment, DeploymentConfiguration deploymentConfiguration, List<LoadBalancer> loadBalancers,
            Integer healthCheckGracePeriodSeconds) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            SimService s = service(c, service);
            if (!"ACTIVE".equals(s.status)) {
                throw new SimApiException("ServiceNotActiveException", "Service was not ACTIVE.");
            }
            if (s.external()) { // its task sets hold the workload (TaskSetApi)
                TaskSets.checkExternalUpdate(taskDefinition, forceNewDeployment, deploymentConfiguration, loadBalancers);
                return new TaskSetApi(engine).updateExternalService(cluster, service, desiredCount, healthCheckGracePeriodSeconds, null, null);
            }
            if (desiredCount != null) {
                if (s.isDaemon()) {
                    throw SimApiException.invalidParameter("The desired count cannot be set for a service with the DAEMON scheduling strategy.");
                }
                if (desiredCount < 0) {
                    throw SimApiException.invalidParameter("desiredCount can not be negative.");
                }
            }
            SimTaskDefinition td = taskDefinition == null ? null : resolveForService(engine.ecs(), taskDefinition);
            if (td != null) {
                NetworkChecks.check(td, s.networkConfiguration);
            }
            DeploymentConfiguration deploymentConfigurationUpdate = s.deploymentConfiguration;
            if (deploymentConfiguration != null) {
                deploymentConfigurationUpdate = DeploymentRules.merge(s.deploymentConfiguration, deploymentConfiguration, s.isDaemon());
            }
            List<LoadBalancer> balancers = loadBalancers == null ? s.loadBalancers : loadBalancers;
            String tdArn = td != null ? td.arn : s.taskDefinitionArn;
            engine.ecs().loadBalancing.check(balancers, deploymentConfigurationUpdate,
                    td != null ? td : engine.ecs().taskDefinitionRegistry.resolve(tdArn), s.isDaemon());
            if (healthCheckGracePeriodSeconds != null && (healthCheckGracePeriodSeconds < 0 || healthCheckGracePeriodSeconds > 2_147_483)) {
                throw SimApiException.invalidParameter("healthCheckGracePeriodSeconds must be between 0 and 2147483.");
            }
            boolean changesWorkload = td != null && !td.arn.equals(s.taskDefinitionArn) || loadBalancers != null
                    && !loadBalancers.equals(s.loadBalancers) || forceNewDeployment;
            SimServiceDeployment shifting = TrafficShift.active(s);
            if (shifting != null && changesWorkload) {
                throw SimApiException.invalidParameter("The service deployment " + shifting.arn + " (" + shifting.configuration.strategyOrDefault()
                        + ") is in progress. Wait for it to finish, or stop it with StopServiceDeployment, before you deploy again.");
            }
            s.deploymentConfiguration = deploymentConfigurationUpdate;
            if (loadBalancers != null) {
                s.loadBalancers.clear();
                s.loadBalancers.addAll(loadBalancers);
            }
            if (healthCheckGracePeriodSeconds != null) {
                s.healthCheckGracePeriodSeconds = healthCheckGracePeriodSeconds;
            }
            if (desiredCount != null && desiredCount != s.desiredCount) {
                s.desiredCount = desiredCount;
                s.steady = false;
            }
            if (changesWorkload) {
                ServiceDeployments deployments = engine.ecs().scheduler.serviceDeployments;
                engine.ecs().rollout(c, s, deployments.revision(c, s, tdArn, engine.now()), engine.now());
            }
            s.dirty = true;
            return SimViews.service(s, c.tasksOf(s.name), c.arn);
        }
    }

    public EcsService deleteService(String cluster, String service, boolean force) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            SimService s = service(c, service);
            if (!"ACTIVE".equals(s.status)) {
                throw new SimApiException("ServiceNotActiveException", "Service was not ACTIVE.");
            }
            if (!force && !s.isDaemon() && s.desiredCount > 0) {
                throw SimApiException.invalidParameter("The service cannot be stopped while it is scaled above 0.");
            }
            s.status = "DRAINING";
            s.desiredCount = 0;
            s.dirty = true;
            return SimViews.service(s, c.tasksOf(s.name), c.arn);
        }
    }

    /** ListServices: ACTIVE and DRAINING services, 10 a page unless asked for up to 100. */
    public Page<String> listServices(String cluster, String launchType, String schedulingStrategy, String nextToken, Integer maxResults) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            List<String> arns = new ArrayList<>();
            for (SimService s : c.services.values()) {
                if (!"INACTIVE".equals(s.status) && (launchType == null || launchType.equals(s.launchType))
                        && (schedulingStrategy == null || schedulingStrategy.equals(s.schedulingStrategy))) {
                    arns.add(s.arn);
                }
            }
            return Paging.page(arns, nextToken, maxResults, 10, 100);
        }
    }

    /** DescribeServices: at most 10 names or ARNs. */
    public Described<EcsService> describeServices(String cluster, List<String> services) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            SimEcs.checkBatch(services, 10, "services");
            List<EcsService> found = new ArrayList<>();
            List<Described.Failure> failures = new ArrayList<>();
            for (String ref : services) {
                SimService s = c.services.get(SimEcs.nameOf(ref));
                if (s == null) {
                    failures.add(new Described.Failure(ref.startsWith("arn:") ? ref : engine.ids().serviceArn(c.name, ref), "MISSING", null));
                } else {
                    found.add(SimViews.service(s, c.tasksOf(s.name), c.arn));
                }
            }
            return new Described<>(found, failures);
        }
    }

    static SimService service(SimCluster c, String ref) {
        SimService s = c.services.get(SimEcs.nameOf(ref));
        if (s == null) {
            throw SimApiException.serviceNotFound();
        }
        return s;
    }

    /** The ACTIVE revision a service (or task set) runs, refused with ECS's ClientException otherwise. */
    static SimTaskDefinition resolveForService(SimEcs ecs, String ref) {
        SimTaskDefinition td;
        try {
            td = ecs.taskDefinitionRegistry.resolve(ref);
        } catch (SimApiException e) {
            throw SimApiException.client("TaskDefinition not found.");
        }
        if (!td.active()) {
            throw SimApiException.client("TaskDefinition is inactive");
        }
        return td;
    }

    private static String effectiveLaunchType(String launchType, List<CapacityProviderStrategyItem> strategy) {
        if (launchType != null) {
            return launchType;
        }
        for (CapacityProviderStrategyItem item : strategy) {
            if (item.capacityProvider() != null && item.capacityProvider().startsWith("FARGATE")) {
                return "FARGATE";
            }
        }
        return "EC2";
    }

    /** The service's per-minute CPU and memory utilisation since {@code since}: AWS/ECS's, as CloudWatch's simulation holds them. */
    public ServiceUtilization utilization(String cluster, String service, Instant since) {
        synchronized (engine) {
            engine.advance();
            service(engine.ecs().cluster(cluster), service);
            return new ServiceUtilization(engine.metrics().serviceUtilisation(cluster, service, true, since),
                    engine.metrics().serviceUtilisation(cluster, service, false, since));
        }
    }

    /**
     * Sets a service's load curve (a scenario's): base CPU and memory percent (null: the seeded
     * default), and the factor its work is multiplied by from so many seconds after now.
     */
    public void defineLoad(String cluster, String service, Double cpu, Double memory, Map<Long, Double> factorFromSecond) {
        synchronized (engine) {
            SimService svc = service(engine.ecs().cluster(cluster), service);
            ServiceLoad defaults = svc.load(engine.ids());
            ServiceLoad load = new ServiceLoad(cpu == null ? defaults.cpuPercent : cpu, memory == null ? defaults.memoryPercent : memory,
                    Math.max(1, svc.desiredCount), defaults.seed);
            long start = engine.now().toEpochMilli();
            factorFromSecond.forEach((second, factor) -> load.setFactor(start + second * 1000L, factor));
            svc.load = load;
        }
    }

    /** Multiplies the service's work by {@code factor} from now on (1 is its base load). */
    public void setLoadFactor(String cluster, String service, double factor) {
        synchronized (engine) {
            engine.advance();
            SimService svc = service(engine.ecs().cluster(cluster), service);
            svc.load(engine.ids()).setFactor(engine.now().toEpochMilli(), factor);
        }
    }

    /** The factor the service's work is multiplied by at {@code at} (its load curve's step then). */
    public double loadFactor(String cluster, String service, Instant at) {
        synchronized (engine) {
            SimService svc = service(engine.ecs().cluster(cluster), service);
            return svc.load(engine.ids()).factorAt(at.toEpochMilli());
        }
    }
}
