package dev.ecsdeck.sim.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeck.model.AwsVpcConfiguration;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.StepScalingConfig;
import dev.ecsdeck.model.TargetTrackingConfig;
import dev.ecsdeck.sim.SimClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.SimIds;
import dev.ecsdeck.sim.ecs.CreateServiceRequest;
import dev.ecsdeck.sim.ecs.ExecuteCommandApi;
import dev.ecsdeck.sim.ecs.TaskApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Loads scenarios, by name from the bundled ones or from a JSON file, and builds an engine from one. */
public final class Scenarios {
    public static final String DEFAULT = "demo";
    private static final Pattern DEFAULT_ACCOUNT_ARN = Pattern.compile("(arn:aws:[a-z0-9-]+:[a-z0-9-]*:)" + SimIds.DEFAULT_ACCOUNT + ":");
    private static final String RESOURCE_DIR = "/dev/ecsdeck/sim/scenario/scenarios/";
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private Scenarios() {}

    /**
     * An engine for a scenario named on the command line: a bundled one ("demo"), the generated
     * "large" one (with optional parameters), or a scenario file.
     */
    public static SimEngine open(String nameOrFile, SimClock clock, String region) {
        return open(nameOrFile, clock, region, SimIds.DEFAULT_ACCOUNT);
    }

    /** As above, in AWS account {@code account}: the scenario's own ARNs that name the default account name this one. */
    public static SimEngine open(String nameOrFile, SimClock clock, String region, String account) {
        LargeScenario.Params large = LargeScenario.parse(nameOrFile);
        if (large != null) {
            return LargeScenario.build(large, clock, region, account);
        }
        return build(load(nameOrFile, account), clock, region, account);
    }

    /** The name a scenario shows as: its own name, or what was asked for. */
    public static String displayName(String nameOrFile) {
        if (LargeScenario.parse(nameOrFile) != null) {
            return nameOrFile;
        }
        String name = nameOrFile == null ? DEFAULT : nameOrFile;
        if (Scenarios.class.getResource(RESOURCE_DIR + name + ".json") != null) {
            return name; // a bundled scenario is named as its file (ScenariosTest checks): no need to parse it on the way to the window
        }
        return load(nameOrFile).name();
    }

    /** A bundled scenario by name ("demo"), or a scenario file by path. */
    public static Scenario load(String nameOrFile) {
        return load(nameOrFile, SimIds.DEFAULT_ACCOUNT);
    }

    /** As above, with the ARNs in it that name the default account (roles, hook functions…) naming {@code account}. */
    public static Scenario load(String nameOrFile, String account) {
        String name = nameOrFile == null ? DEFAULT : nameOrFile;
        String text;
        try (InputStream in = Scenarios.class.getResourceAsStream(RESOURCE_DIR + name + ".json")) {
            text = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Bundled scenario " + name + " is unreadable", e);
        }
        if (text != null) {
            try {
                return JSON.readValue(inAccount(text, account), Scenario.class);
            } catch (IOException e) {
                throw new UncheckedIOException("Bundled scenario " + name + " is unreadable", e);
            }
        }
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No scenario named '" + name + "' and no such file. Bundled: demo, large.");
        }
        try {
            return JSON.readValue(inAccount(Files.readString(file), account), Scenario.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Scenario file " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    /** {@code text} with every ARN's default account ({@code arn:aws:SERVICE:REGION:000000000000:}) made {@code account}. */
    static String inAccount(String text, String account) {
        if (SimIds.DEFAULT_ACCOUNT.equals(account)) {
            return text;
        }
        return DEFAULT_ACCOUNT_ARN.matcher(text).replaceAll("$1" + account + ":");
    }

    /**
     * An engine on {@code clock} with the scenario in place: built at (now − warm-up), so the first
     * call runs the warm-up and the user sees services already running.
     */
    public static SimEngine build(Scenario scenario, SimClock clock, String region) {
        return build(scenario, clock, region, SimIds.DEFAULT_ACCOUNT);
    }

    public static SimEngine build(Scenario scenario, SimClock clock, String region, String account) {
        long seed = scenario.seed() == null ? 1L : scenario.seed();
        int warmUp = scenario.warmUpSeconds() == null ? 0 : scenario.warmUpSeconds();
        Instant start = clock.now().minusSeconds(warmUp);
        SimEngine engine = new SimEngine(clock, seed, region, start, account);
        engine.setUpAtStart(() -> {
            apply(scenario, engine, start);
            if (scenario.historyMinutes() != null && scenario.historyMinutes() > 0) {
                engine.metrics().publishSteadyHistory(start.minus(Duration.ofMinutes(scenario.historyMinutes())), start);
            }
        });
        return engine;
    }

    /** ClusterName and ServiceName, in the order ECS publishes them. */
    private static java.util.Map<String, String> serviceDimensions(String cluster, String service) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("ClusterName", cluster);
        out.put("ServiceName", service);
        return out;
    }

    static void apply(Scenario scenario, SimEngine engine, Instant start) {
        for (Scenario.Image image : scenario.images()) {
            Duration after = Duration.ofSeconds(image.afterSeconds() == null ? 5 : image.afterSeconds());
            switch (image.fault()) {
                case "crashLoop" -> engine.crashLoopImage(image.image(), after, image.exitCode() == null ? 1 : image.exitCode());
                case "failHealthCheck" -> engine.failHealthCheckOfImage(image.image(), after);
                case "neverHealthy" -> engine.neverHealthyImage(image.image());
                case "failTargetHealth" -> engine.failTargetHealthOfImage(image.image(), after);
                case "hot" -> engine.hotImage(image.image(), image.cpuPercent() == null ? 95.0 : image.cpuPercent());
                default -> throw new IllegalArgumentException("Unknown image fault '" + image.fault() + "' for " + image.image()
                        + ": expected crashLoop, failHealthCheck, neverHealthy, failTargetHealth or hot.");
            }
        }
        for (Scenario.AlarmSpec a : scenario.alarms()) {
            int n = a.evaluationPeriods() == null ? 3 : a.evaluationPeriods();
            engine.alarms().put(new dev.ecsdeck.sim.cloudwatch.AlarmDefinition(a.name(), a.description(), true, null, null, null, "AWS/ECS",
                    a.metricName(), serviceDimensions(a.cluster(), a.service()), "Average", null,
                    a.periodSeconds() == null ? 60 : a.periodSeconds(), "Percent", n, a.datapointsToAlarm() == null ? n : a.datapointsToAlarm(),
                    a.threshold(), "GreaterThanThreshold", "missing"), true, java.util.Map.of());
        }
        for (Scenario.LambdaHookOutcome hook : scenario.lambdaHooks()) {
            engine.lambdaHookOutcome(hook.functionArn(), hook.answer(), hook.afterSeconds() == null ? 0 : hook.afterSeconds());
        }
        if (scenario.ecr() != null) {
            ScenarioImages.create(engine, scenario.ecr(), start);
        }
        for (var td : scenario.taskDefinitions()) {
            engine.taskDefinitions().register(td.toString());
        }
        ScenarioBalancers balancers = ScenarioBalancers.create(engine, scenario.loadBalancers());
        for (Scenario.ClusterSpec c : scenario.clusters()) {
            engine.clusters().createCluster(c.name(), c.capacityProviders(), c.settings(), List.of());
            for (Scenario.Instances group : c.instances()) {
                addInstances(engine, c.name(), group);
            }
            for (Scenario.ServiceSpec s : c.services()) {
                createService(engine, c.name(), s, balancers);
            }
        }
        for (Scenario.Action a : scenario.actions()) {
            engine.at(start.plusSeconds(a.atSeconds()), a);
        }
    }

    private static void addInstances(SimEngine engine, String cluster, Scenario.Instances group) {
        List<String> zones = group.zones() == null || group.zones().isEmpty() ? List.of("a") : group.zones();
        for (int i = 0; i < group.count(); i++) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("ecs.availability-zone", engine.region() + zones.get(i % zones.size()));
            attributes.put("ecs.instance-type", group.instanceType() == null ? "m5.large" : group.instanceType());
            engine.clusters().registerContainerInstance(cluster, group.cpu(), group.memory(), attributes);
        }
    }

    public static void act(SimEngine engine, Scenario.Action a) {
        if (a.addInstances() != null) {
            addInstances(engine, a.cluster(), a.addInstances());
        }
        if (a.loseInstance() != null) {
            engine.clusters().loseInstance(a.cluster(), instanceArn(engine, a.cluster(), a.loseInstance()));
        }
        if (a.drainInstance() != null) {
            engine.clusters().updateContainerInstancesState(a.cluster(), List.of(instanceArn(engine, a.cluster(), a.drainInstance())),
                    "DRAINING");
        }
        if (a.register() != null) {
            var td = engine.taskDefinitions().register(a.register().toString());
            engine.services().updateService(a.cluster(), a.service(), a.desiredCount(), td.family() + ":" + td.revision(), false, null);
        } else if (a.service() != null && (a.desiredCount() != null || a.taskDefinition() != null)) {
            engine.services().updateService(a.cluster(), a.service(), a.desiredCount(), a.taskDefinition(), false, null);
        }
        if (a.failTargetHealthOfTask() != null) {
            engine.failTargetHealthOfTask(runningTaskArn(engine, a.cluster(), a.service(), a.failTargetHealthOfTask()));
        }
    }

    /** The service's {@code index}-th running task, oldest first (by start, then ARN). */
    private static String runningTaskArn(SimEngine engine, String cluster, String service, int index) {
        List<String> arns = engine.tasks().listTasks(cluster, new TaskApi.Filter(service, null, null, null, "RUNNING", null), null, 100)
                .items();
        List<EcsTask> running = arns.isEmpty() ? List.of() : engine.tasks().describeTasks(cluster, arns).items().stream()
                .filter(t -> "RUNNING".equals(t.lastStatus()))
                .sorted(Comparator.comparing(EcsTask::startedAt).thenComparing(EcsTask::taskArn)).toList();
        if (index < 0 || index >= running.size()) {
            throw new IllegalArgumentException("Service " + service + " in " + cluster + " has no running task number " + index
                    + " (it has " + running.size() + ")");
        }
        return running.get(index).taskArn();
    }

    private static String instanceArn(SimEngine engine, String cluster, int index) {
        List<String> all = engine.ecs().instanceIds(cluster);
        if (index < 0 || index >= all.size()) {
            throw new IllegalArgumentException("Cluster " + cluster + " has no instance number " + index + " (it has " + all.size() + ")");
        }
        return all.get(index);
    }

    private static void createService(SimEngine engine, String cluster, Scenario.ServiceSpec s, ScenarioBalancers balancers) {
        NetworkConfiguration network = null;
        if (s.subnets() != null && !s.subnets().isEmpty()) {
            network = new NetworkConfiguration(new AwsVpcConfiguration(s.subnets(), s.securityGroups(), "DISABLED"));
        }
        engine.services().createService(new CreateServiceRequest(cluster, s.name(), s.taskDefinition(), s.desiredCount(),
                s.launchType(), null, s.schedulingStrategy(), s.deploymentConfiguration(), network, s.placementConstraints(),
                s.placementStrategy(), balancers.resolve(s.name(), s.loadBalancers()), s.healthCheckGracePeriodSeconds(), null));
        if (Boolean.TRUE.equals(s.enableExecuteCommand())) {
            new ExecuteCommandApi(engine).setOnService(cluster, s.name(), true);
        }
        if (s.load() != null) {
            Map<Long, Double> factors = new LinkedHashMap<>();
            s.load().steps().forEach(step -> factors.put((long) step.atSeconds(), step.factor()));
            engine.services().defineLoad(cluster, s.name(), s.load().cpu(), s.load().memory(), factors);
        }
        Scenario.AutoScaling as = s.autoScaling();
        if (as != null) {
            String resourceId = "service/" + cluster + "/" + s.name();
            engine.scaling().registerScalableTarget(resourceId, as.minCapacity(), as.maxCapacity());
            String metric = "memory".equalsIgnoreCase(as.metric()) ? TargetTrackingConfig.MEMORY : TargetTrackingConfig.CPU;
            engine.scaling().putTargetTrackingPolicy(resourceId, s.name() + "-" + (metric.equals(TargetTrackingConfig.CPU) ? "cpu" : "memory")
                    + "-target-tracking", new TargetTrackingConfig(metric, null, as.targetValue(), as.scaleOutCooldown(),
                    as.scaleInCooldown(), false));
            for (Scenario.StepPolicy p : as.stepPolicies()) {
                engine.scaling().putStepScalingPolicy(resourceId, p.name(), new StepScalingConfig(p.adjustmentType(), p.steps(),
                        p.cooldown(), p.metricAggregationType(), p.minAdjustmentMagnitude()));
            }
            for (Scenario.ScheduledActionSpec a : as.scheduledActions()) {
                engine.scaling().putScheduledAction(resourceId, a.name(), a.schedule(), a.timezone(), a.minCapacity(), a.maxCapacity(),
                        a.startTime() == null ? null : Instant.parse(a.startTime()), a.endTime() == null ? null : Instant.parse(a.endTime()));
            }
        }
    }
}
