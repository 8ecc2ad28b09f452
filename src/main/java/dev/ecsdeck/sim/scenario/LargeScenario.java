package dev.ecsdeck.sim.scenario;

import dev.ecsdeck.model.AwsVpcConfiguration;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.sim.SimClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.ContainerSpec;
import dev.ecsdeck.sim.ecs.Placement;
import dev.ecsdeck.sim.ecs.SimCluster;
import dev.ecsdeck.sim.ecs.SimContainer;
import dev.ecsdeck.sim.ecs.SimDeployment;
import dev.ecsdeck.sim.ecs.SimService;
import dev.ecsdeck.sim.ecs.SimTask;
import dev.ecsdeck.sim.ecs.SimTaskDefinition;
import dev.ecsdeck.sim.ecs.TaskLifecycle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code large} scenario: many clusters of many Fargate services, built straight into their
 * steady state (tasks RUNNING and healthy, one COMPLETED deployment each) rather than by running
 * the scheduler through thousands of launches, so it builds in seconds. Named
 * {@code large} (20 clusters × 2,000 services × 20,000 tasks per cluster) or with parameters,
 * e.g. {@code large:clusters=2,services=2000,tasks=20000}.
 */
public final class LargeScenario {
    static final int FAMILIES = 20;

    /** Sizes per cluster, and the seed. */
    public record Params(int clusters, int servicesPerCluster, int tasksPerCluster, long seed) {
        public static Params defaults() {
            return new Params(20, 2_000, 20_000, 42);
        }
    }

    private LargeScenario() {}

    /** Parses "large" or "large:clusters=N,services=N,tasks=N,seed=N"; null when the name is not a large scenario. */
    public static Params parse(String name) {
        if (name == null || !(name.equals("large") || name.startsWith("large:"))) {
            return null;
        }
        Params p = Params.defaults();
        if (name.equals("large")) {
            return p;
        }
        Map<String, Long> values = new LinkedHashMap<>();
        for (String kv : name.substring("large:".length()).split(",")) {
            String[] parts = kv.split("=");
            if (parts.length != 2) {
                throw new IllegalArgumentException("large scenario parameters are key=value pairs: " + kv);
            }
            try {
                values.put(parts[0].trim(), Long.parseLong(parts[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("large scenario parameter " + parts[0] + " must be a number: " + parts[1]);
            }
        }
        for (String key : values.keySet()) {
            if (!List.of("clusters", "services", "tasks", "seed").contains(key)) {
                throw new IllegalArgumentException("Unknown large scenario parameter '" + key + "': use clusters, services, tasks, seed.");
            }
        }
        return new Params(values.getOrDefault("clusters", (long) p.clusters()).intValue(),
                values.getOrDefault("services", (long) p.servicesPerCluster()).intValue(),
                values.getOrDefault("tasks", (long) p.tasksPerCluster()).intValue(), values.getOrDefault("seed", p.seed()));
    }

    public static SimEngine build(Params p, SimClock clock, String region) {
        if (p.clusters() < 1 || p.servicesPerCluster() < 1 || p.tasksPerCluster() < 0) {
            throw new IllegalArgumentException("large scenario needs at least one cluster and one service: " + p);
        }
        SimEngine engine = new SimEngine(clock, p.seed(), region);
        engine.setUpAtStart(() -> populate(engine, p));
        return engine;
    }

    private static void populate(SimEngine engine, Params p) {
        Instant now = engine.now();
        List<SimTaskDefinition> families = new ArrayList<>();
        for (int f = 0; f < FAMILIES; f++) {
            String name = "app-" + f;
            families.add(engine.taskDefinitionRegistry.register("""
                    {"family": "%s", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
                 "executionRoleArn": "arn:aws:iam::000000000000:role/ecsTaskExecutionRole",
                     "containerDefinitions": [{"name": "%s", "image": "acme/%s:1.%d", "essential": true,
                       "portMappings": [{"containerPort": 8080}],
                       "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/large/%s",
                         "awslogs-region": "%s", "awslogs-stream-prefix": "ecs"}}}]}
                    """.formatted(name, name, name, f, name, engine.region()), now, engine.ids));
        }
        NetworkConfiguration network = new NetworkConfiguration(new AwsVpcConfiguration(
                List.of("subnet-0a000000000000001", "subnet-0a000000000000002", "subnet-0a000000000000003"),
                List.of("sg-0a000000000000001"), "DISABLED"));
        for (int c = 0; c < p.clusters(); c++) {
            String clusterName = String.format("large-%02d", c + 1);
            engine.clusters().createCluster(clusterName, List.of("FARGATE", "FARGATE_SPOT"), null, null);
            SimCluster cluster = engine.clusters.get(clusterName);
            for (int s = 0; s < p.servicesPerCluster(); s++) {
                int desired = p.tasksPerCluster() / p.servicesPerCluster() + (s < p.tasksPerCluster() % p.servicesPerCluster() ? 1 : 0);
                SimTaskDefinition td = families.get(s % FAMILIES);
                addSteadyService(engine, cluster, String.format("svc-%04d", s), td, desired, network, now);
            }
        }
    }

    private static void addSteadyService(SimEngine engine, SimCluster cluster, String name, SimTaskDefinition td, int desired,
            NetworkConfiguration network, Instant now) {
        Instant created = now.minusSeconds(86_400 + engine.ids.between(0, 86_400));
        SimService svc = new SimService(name, engine.ids.serviceArn(cluster.name, name), cluster.name, "FARGATE", "REPLICA", created);
        svc.desiredCount = desired;
        svc.deploymentConfiguration = DeploymentConfiguration.defaults();
        svc.networkConfiguration = network;
        SimDeployment d = new SimDeployment(engine.ids.deploymentId(), td.arn, desired, "FARGATE", created);
        d.setRollout("COMPLETED", "ECS deployment " + d.id + " completed.", created.plusSeconds(90));
        svc.deployments.add(d);
        svc.taskDefinitionArn = td.arn;
        svc.lastCompletedTaskDefinitionArn = td.arn;
        svc.steady = true;
        svc.lastSteadyEventAt = created.plusSeconds(90);
        svc.addEvent(new ServiceEvent(engine.ids.uuid(), created.plusSeconds(90), "(service " + name + ") has reached a steady state."));
        cluster.services.put(name, svc);
        for (int i = 0; i < desired; i++) {
            String taskId = engine.ids.hex(32);
            SimTask t = new SimTask(taskId, engine.ids.taskArn(cluster.name, taskId), cluster.name, td, "FARGATE",
                    created.plusSeconds(5));
            t.serviceName = name;
            t.deploymentId = d.id;
            t.group = "service:" + name;
            t.startedBy = d.id;
            t.availabilityZone = engine.region() + Placement.FARGATE_ZONES.get(i % Placement.FARGATE_ZONES.size());
            t.lastStatus = "RUNNING";
            t.pullStartedAt = created.plusSeconds(20);
            t.pullStoppedAt = created.plusSeconds(35);
            t.startedAt = created.plusSeconds(38);
            t.healthyAt = t.startedAt.plus(TaskLifecycle.HEALTHY_AFTER_RUNNING);
            t.wasHealthy = true;
            t.healthNoticed = true;
            for (ContainerSpec spec : td.containers) {
                SimContainer container = new SimContainer(spec, engine.ids.containerArn(cluster.name, taskId), taskId + "-" + engine.ids.hex(10));
                container.lastStatus = "RUNNING";
                t.containers.add(container);
            }
            cluster.add(t);
            engine.containerLogs().started(t);
        }
    }
}
