package dev.ecsdeck.sim;

import dev.ecsdeck.model.AwsVpcConfiguration;
import dev.ecsdeck.model.Deployment;
import dev.ecsdeck.model.DeploymentCircuitBreaker;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.sim.ecs.CreateServiceRequest;
import dev.ecsdeck.sim.ecs.TaskApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A small simulated ECS built in code for scheduler tests: one cluster, a manual clock, helpers to look. */
public final class SimFixture {
    public static final NetworkConfiguration VPC = new NetworkConfiguration(
            new AwsVpcConfiguration(List.of("subnet-0aa", "subnet-0bb"), List.of("sg-0cc"), "DISABLED"));

    final ManualClock clock = DemoSim.startClock();
    public final SimEngine engine = DemoSim.emptyEngine(clock, 7);
    public final String cluster = "test";

    public SimFixture() {
        engine.clusters().createCluster(cluster, null, null, null);
    }

    /** A Fargate task definition of one container with this image. */
    public String fargateTaskDefinition(String family, String image) {
        return engine.taskDefinitions().register("""
                {"family": "%s", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
                 "executionRoleArn": "arn:aws:iam::000000000000:role/ecsTaskExecutionRole",
                 "containerDefinitions": [{"name": "app", "image": "%s", "essential": true,
                   "portMappings": [{"containerPort": 8080}],
                   "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/%s", "awslogs-region": "us-east-1",
                     "awslogs-stream-prefix": "ecs"}}}]}
                """.formatted(family, image, family)).familyRevision();
    }

    /** An EC2 (bridge) task definition with this much CPU and memory, and a fixed host port when given. */
    public String ec2TaskDefinition(String family, int cpu, int memory, Integer hostPort) {
        String ports = hostPort == null ? "" : ", \"portMappings\": [{\"containerPort\": 80, \"hostPort\": " + hostPort + "}]";
        return engine.taskDefinitions().register("""
                {"family": "%s", "containerDefinitions": [{"name": "app", "image": "acme/%s:1", "cpu": %d, "memory": %d%s}]}
                """.formatted(family, family, cpu, memory, ports)).familyRevision();
    }

    public void instances(int count, int cpu, int memory, String... zones) {
        for (int i = 0; i < count; i++) {
            engine.clusters().registerContainerInstance(cluster, cpu, memory,
                    Map.of("ecs.availability-zone", "us-east-1" + zones[i % zones.length], "ecs.instance-type", "m5.large"));
        }
    }

    public static DeploymentConfiguration config(int minHealthy, int max, boolean breaker, boolean rollback) {
        return new DeploymentConfiguration(new DeploymentCircuitBreaker(breaker, rollback), max, minHealthy);
    }

    public EcsService createFargateService(String name, String taskDefinition, int desired, DeploymentConfiguration config) {
        return engine.services().createService(new CreateServiceRequest(cluster, name, taskDefinition, desired, "FARGATE", null,
                "REPLICA", config, VPC, null, null, null, null, null));
    }

    public EcsService service(String name) {
        return engine.services().describeServices(cluster, List.of(name)).items().get(0);
    }

    public List<EcsTask> tasks(String service, String desiredStatus) {
        List<String> arns = new ArrayList<>();
        String token = null;
        do {
            var page = engine.tasks().listTasks(cluster, new TaskApi.Filter(service, null, null, null, desiredStatus, null), token, 100);
            arns.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        List<EcsTask> out = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += 100) {
            out.addAll(engine.tasks().describeTasks(cluster, arns.subList(i, Math.min(arns.size(), i + 100))).items());
        }
        return out;
    }

    public List<EcsTask> running(String service) {
        return tasks(service, "RUNNING");
    }

    long countOf(String service, String taskDefinition, Predicate<EcsTask> which) {
        return running(service).stream().filter(t -> t.taskDefinitionArn().endsWith("/" + taskDefinition)).filter(which).count();
    }

    /** Advances the clock in one-second steps until the condition holds, failing after {@code limit}. */
    public void advanceUntil(String what, Duration limit, java.util.function.BooleanSupplier condition) {
        for (long s = 0; s <= limit.toSeconds(); s++) {
            engine.advance();
            if (condition.getAsBoolean()) {
                return;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("not within " + limit + ": " + what);
    }

    public void advance(Duration d) {
        clock.advance(d);
        engine.advance();
    }

    /** Events oldest first, as text. */
    public List<String> eventsOldestFirst(String service) {
        List<String> out = new ArrayList<>();
        for (ServiceEvent e : service(service).events()) {
            out.add(0, e.message());
        }
        return out;
    }

    public static boolean steady(EcsService s) {
        return s.deployments().size() == 1 && s.runningCount() == s.desiredCount() && s.pendingCount() == 0
                && "COMPLETED".equals(s.deployments().get(0).rolloutState());
    }

    public static Deployment primary(EcsService s) {
        return s.deployments().get(0);
    }
}
