package dev.ecsdeck.sim.scenario;

import dev.ecsdeck.model.AwsVpcConfiguration;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.sim.SimClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.SimIds;
import dev.ecsdeck.sim.ecs.SteadyServices;
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
        return build(p, clock, region, SimIds.DEFAULT_ACCOUNT);
    }

    public static SimEngine build(Params p, SimClock clock, String region, String account) {
        if (p.clusters() < 1 || p.servicesPerCluster() < 1 || p.tasksPerCluster() < 0) {
            throw new IllegalArgumentException("large scenario needs at least one cluster and one service: " + p);
        }
        SimEngine engine = new SimEngine(clock, p.seed(), region, clock.now(), account);
        engine.setUpAtStart(() -> populate(engine, p));
        return engine;
    }

    private static void populate(SimEngine engine, Params p) {
        Instant now = engine.now();
        List<String> families = new ArrayList<>();
        for (int f = 0; f < FAMILIES; f++) {
            String name = "app-" + f;
            families.add(engine.taskDefinitions().register("""
                    {"family": "%s", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
                 "executionRoleArn": "arn:aws:iam::%s:role/ecsTaskExecutionRole",
                     "containerDefinitions": [{"name": "%s", "image": "acme/%s:1.%d", "essential": true,
                       "portMappings": [{"containerPort": 8080}],
                       "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/large/%s",
                         "awslogs-region": "%s", "awslogs-stream-prefix": "ecs"}}}]}
                    """.formatted(name, engine.account(), name, name, f, name, engine.region())).taskDefinitionArn());
        }
        NetworkConfiguration network = new NetworkConfiguration(new AwsVpcConfiguration(
                List.of("subnet-0a000000000000001", "subnet-0a000000000000002", "subnet-0a000000000000003"),
                List.of("sg-0a000000000000001"), "DISABLED"));
        for (int c = 0; c < p.clusters(); c++) {
            String clusterName = String.format("large-%02d", c + 1);
            engine.clusters().createCluster(clusterName, List.of("FARGATE", "FARGATE_SPOT"), null, null);
            for (int s = 0; s < p.servicesPerCluster(); s++) {
                int desired = p.tasksPerCluster() / p.servicesPerCluster() + (s < p.tasksPerCluster() % p.servicesPerCluster() ? 1 : 0);
                SteadyServices.add(engine.ecs(), engine.ids(), clusterName, String.format("svc-%04d", s), families.get(s % FAMILIES), desired,
                        network, now);
            }
        }
    }
}
