package dev.ecsdeck.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.KeyValue;
import dev.ecsdeck.model.PlacementConstraint;
import dev.ecsdeck.model.PlacementStrategy;
import dev.ecsdeck.model.StepScalingConfig;
import dev.ecsdeck.sim.SimEngine;
import java.util.List;

/**
 * A scenario file: task definitions, image faults, Lambda hook answers, application load balancers,
 * clusters with instances and services, and actions at times after the start. The simulation runs {@code warmUpSeconds} before the user
 * sees it, so services are already running and logs already written. {@code historyMinutes}: how much CloudWatch history the
 * services have from before the start, as if they had run steady at their desired counts (none when absent).
 */
public record Scenario(
        String name,
        Long seed,
        Integer warmUpSeconds,
        List<JsonNode> taskDefinitions,
        List<Image> images,
        List<ClusterSpec> clusters,
        List<Action> actions,
        List<LoadBalancerSpec> loadBalancers,
        List<LambdaHookOutcome> lambdaHooks,
        List<AlarmSpec> alarms,
        Ecr ecr,
        Integer historyMinutes) {

    public Scenario {
        loadBalancers = loadBalancers == null ? List.of() : List.copyOf(loadBalancers);
        lambdaHooks = lambdaHooks == null ? List.of() : List.copyOf(lambdaHooks);
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
        taskDefinitions = taskDefinitions == null ? List.of() : List.copyOf(taskDefinitions);
        images = images == null ? List.of() : List.copyOf(images);
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /**
     * A fault pinned on an image: "crashLoop" (exits with exitCode afterSeconds after start),
     * "failHealthCheck" (its health check fails afterSeconds after start), "neverHealthy" (its
     * health check never passes: a container with a health check turns UNHEALTHY and a service's task
     * is replaced; a task whose containers have no check never counts as healthy), or
     * "failTargetHealth" (it answers its load balancer's health checks wrongly from afterSeconds after
     * start: its targets turn unhealthy and ECS replaces the task after the health check grace period).
     */
    /** An image's fault; {@code cpuPercent} is for the fault "hot" (its tasks report that CPU utilisation). */
    public record Image(String image, String fault, Integer afterSeconds, Integer exitCode, Double cpuPercent) {}

    /** A CloudWatch alarm on a service's AWS/ECS metric (CPUUtilization or MemoryUtilization), as PutMetricAlarm makes it. */
    public record AlarmSpec(String name, String description, String cluster, String service, String metricName, double threshold,
            Integer periodSeconds, Integer evaluationPeriods, Integer datapointsToAlarm) {}

    public record ClusterSpec(String name, List<String> capacityProviders, List<KeyValue> settings, List<Instances> instances,
            List<ServiceSpec> services) {
        public ClusterSpec {
            capacityProviders = capacityProviders == null ? List.of() : List.copyOf(capacityProviders);
            settings = settings == null ? List.of() : List.copyOf(settings);
            instances = instances == null ? List.of() : List.copyOf(instances);
            services = services == null ? List.of() : List.copyOf(services);
        }
    }

    /** {@code count} EC2 instances of one size, spread round-robin over the zone suffixes ("a", "b", ...). */
    public record Instances(int count, int cpu, int memory, String instanceType, List<String> zones) {}

    /**
     * A service. {@code deploymentConfiguration} is ECS's (strategy, bakeTimeInMinutes, lifecycleHooks,
     * canaryConfiguration, linearConfiguration as in UpdateService); {@code loadBalancers} name the
     * scenario's target groups and listener rules.
     */
    public record ServiceSpec(String name, String taskDefinition, Integer desiredCount, String launchType, String schedulingStrategy,
            DeploymentConfiguration deploymentConfiguration, List<PlacementConstraint> placementConstraints,
            List<PlacementStrategy> placementStrategy, List<String> subnets, List<String> securityGroups, AutoScaling autoScaling,
            Load load, List<ServiceLoadBalancer> loadBalancers, Integer healthCheckGracePeriodSeconds,
            Boolean enableExecuteCommand) {
        public ServiceSpec {
            loadBalancers = loadBalancers == null ? List.of() : List.copyOf(loadBalancers);
        }
    }

    /** A service's target group (by name) for one container port, and for traffic-shifting deployments its advanced configuration. */
    public record ServiceLoadBalancer(String targetGroup, String containerName, Integer containerPort, Advanced advancedConfiguration) {}

    /**
     * The alternate target group (by name), the production and test listener rules ({@code "listener"} for a
     * listener's default rule, {@code "listener/rule"} for a rule of it), and the role ECS acts with.
     */
    public record Advanced(String alternateTargetGroup, String productionListenerRule, String testListenerRule, String roleArn) {}

    /** An application load balancer with its target groups and listeners (names unique in the scenario). */
    public record LoadBalancerSpec(String name, String scheme, List<String> subnets, List<TargetGroupSpec> targetGroups,
            List<ListenerSpec> listeners) {
        public LoadBalancerSpec {
            subnets = subnets == null ? List.of() : List.copyOf(subnets);
            targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
            listeners = listeners == null ? List.of() : List.copyOf(listeners);
        }
    }

    /**
     * An HTTP target group: target type "ip" (awsvpc tasks) or "instance" (bridge and host tasks, by
     * host port), port, health check (null members take ELB's defaults) and deregistration delay.
     */
    public record TargetGroupSpec(String name, String targetType, Integer port, String healthCheckPath, Integer healthCheckIntervalSeconds,
            Integer healthyThresholdCount, Integer unhealthyThresholdCount, String matcher, Integer deregistrationDelaySeconds) {}

    /** A listener: its default action forwards to target groups by weight; rules forward requests matching paths or hosts. */
    public record ListenerSpec(String name, String protocol, int port, List<Forward> forward, List<RuleSpec> rules) {
        public ListenerSpec {
            forward = forward == null ? List.of() : List.copyOf(forward);
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    /** A listener rule, named for reference in a service's advanced configuration. */
    public record RuleSpec(String name, int priority, List<String> pathPatterns, List<String> hostHeaders, List<Forward> forward) {
        public RuleSpec {
            pathPatterns = pathPatterns == null ? List.of() : List.copyOf(pathPatterns);
            hostHeaders = hostHeaders == null ? List.of() : List.copyOf(hostHeaders);
            forward = forward == null ? List.of() : List.copyOf(forward);
        }
    }

    /** A target group (by name) and its weight (default 1) in a forward action. */
    public record Forward(String targetGroup, Integer weight) {}

    /** What an AWS_LAMBDA lifecycle hook's function answers (SUCCEEDED or FAILED; null: never) and after how many seconds. */
    public record LambdaHookOutcome(String functionArn, String answer, Integer afterSeconds) {}

    /**
     * The service's work: its tasks' average CPU and memory (%) at its first desired count, and
     * factors that multiply the work from a time on (a load step).
     */
    public record Load(Double cpu, Double memory, List<LoadStep> steps) {
        public Load {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    public record LoadStep(int atSeconds, double factor) {}

    /**
     * A scalable target with one target-tracking policy, and optionally step-scaling policies and
     * scheduled actions (both only stored and described: the simulator has no CloudWatch alarms to
     * run step policies and does not run schedules).
     */
    public record AutoScaling(int minCapacity, int maxCapacity, String metric, double targetValue, Integer scaleOutCooldown,
            Integer scaleInCooldown, List<StepPolicy> stepPolicies, List<ScheduledActionSpec> scheduledActions) {
        public AutoScaling {
            stepPolicies = stepPolicies == null ? List.of() : List.copyOf(stepPolicies);
            scheduledActions = scheduledActions == null ? List.of() : List.copyOf(scheduledActions);
        }
    }

    /** A step-scaling policy: adjustment type, steps (bounds relative to the alarm threshold), cooldown seconds. */
    public record StepPolicy(String name, String adjustmentType, List<StepScalingConfig.Step> steps, Integer cooldown,
            String metricAggregationType, Integer minAdjustmentMagnitude) {}

    /** A scheduled action: "at(...)", "cron(...)" or "rate(...)", a time zone, new min and/or max, ISO-8601 start/end. */
    public record ScheduledActionSpec(String name, String schedule, String timezone, Integer minCapacity, Integer maxCapacity,
            String startTime, String endTime) {}

    /**
     * At {@code atSeconds} after the start, in a cluster: deploy a task definition to a service and/or
     * set its desired count; lose (terminate) or drain the instance registered {@code n}-th (from 0);
     * register more instances (an Auto Scaling group replacing one); or make the service's
     * {@code failTargetHealthOfTask}-th running task (from 0, oldest first) fail its target groups'
     * health checks from then on (ECS replaces it after the service's health check grace period); or {@code register}
     * a task definition (a RegisterTaskDefinition document) then and deploy the new revision to the service, as a deploy
     * script does.
     */
    public record Action(int atSeconds, String cluster, String service, String taskDefinition, Integer desiredCount,
            Integer loseInstance, Integer drainInstance, Instances addInstances, Integer failTargetHealthOfTask, JsonNode register)
            implements SimEngine.Change {
        @Override
        public void applyTo(SimEngine engine) {
            Scenarios.act(engine, this);
        }
    }

    /**
     * The account's ECR registry: its id (default: the simulated account; the demo's images name 123456789012's)
     * and its repositories with their images.
     */
    public record Ecr(String registryId, List<RepositorySpec> repositories) {
        public Ecr {
            repositories = repositories == null ? List.of() : List.copyOf(repositories);
        }
    }

    /** A repository, created {@code createdDaysAgo} days before the start; tag mutability MUTABLE unless said. */
    public record RepositorySpec(String name, String imageTagMutability, Boolean scanOnPush, Integer createdDaysAgo, List<ImageSpec> images) {
        public RepositorySpec {
            images = images == null ? List.of() : List.copyOf(images);
        }
    }

    /**
     * An image pushed {@code pushedHoursAgo} hours before the start with these tags (none: untagged), and its scan's
     * findings by severity (null: never scanned; empty: scanned, none found).
     */
    public record ImageSpec(List<String> tags, int pushedHoursAgo, java.util.Map<String, Integer> findings) {
        public ImageSpec {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }
}
