package dev.ecsdeck.sim.state;

import dev.ecsdeck.model.CanaryConfiguration;
import dev.ecsdeck.model.DeploymentCircuitBreaker;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.DeploymentLifecycleHook;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceDeploymentBrief;
import dev.ecsdeck.model.ServiceRevision;
import dev.ecsdeck.sim.AlbFixture;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.SimFixture;
import dev.ecsdeck.sim.ecs.CreateServiceRequest;
import dev.ecsdeck.sim.ecs.TaskApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A simulated world with one service "web" (two Fargate tasks, behind a blue/green-ready load
 * balancer or none) on its own manual clock, for state-file tests: it is saved and loaded into a
 * twin on a clock of its own, and {@link #everything} shows all a console sees of the deployment.
 */
final class DeploymentWorld {
    static final String CLUSTER = "test";

    final ManualClock clock;
    final SimEngine engine;
    final AlbFixture alb;

    private DeploymentWorld(ManualClock clock, SimEngine engine, AlbFixture alb) {
        this.clock = clock;
        this.engine = engine;
        this.alb = alb;
    }

    /** A new world: cluster, load balancer and task definitions web:1 (acme/web:1) … web:{@code images}. */
    static DeploymentWorld create(int images) {
        ManualClock clock = DemoSim.startClock();
        SimEngine engine = DemoSim.emptyEngine(clock, 7);
        engine.clusters().createCluster(CLUSTER, null, null, null);
        AlbFixture alb = AlbFixture.create(engine, "web-alb", "ip", 8080, 20);
        for (int i = 1; i <= images; i++) {
            engine.taskDefinitions().register("""
                    {"family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
                     "containerDefinitions": [{"name": "app", "image": "acme/web:%d", "essential": true,
                       "portMappings": [{"containerPort": 8080}],
                       "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"], "interval": 10, "timeout": 5,
                         "retries": 3, "startPeriod": 10}}]}
                    """.formatted(i));
        }
        return new DeploymentWorld(clock, engine, alb);
    }

    static DeploymentConfiguration strategy(String strategy, Integer bake, List<DeploymentLifecycleHook> hooks, CanaryConfiguration canary) {
        return new DeploymentConfiguration(new DeploymentCircuitBreaker(false, false), 200, 100, strategy, bake, hooks, null, canary);
    }

    /** Creates web at web:1 with this configuration (behind the load balancer when asked) and waits until it is steady. */
    void createWeb(DeploymentConfiguration config, boolean loadBalanced) {
        engine.services().createService(new CreateServiceRequest(CLUSTER, "web", "web:1", 2, "FARGATE", null, "REPLICA", config,
                SimFixture.VPC, null, null, loadBalanced ? List.of(alb.serviceLoadBalancer("app", 8080)) : null, loadBalanced ? 30 : null,
                null));
        until("web steady", Duration.ofMinutes(5), () -> SimFixture.steady(engine.services().describeServices(CLUSTER, List.of("web"))
                .items().get(0)));
    }

    void deploy(String taskDefinition) {
        engine.services().updateService(CLUSTER, "web", null, taskDefinition, false, null);
    }

    /** Saves this world and loads it into a twin on a clock of its own at the same time. */
    DeploymentWorld saveAndLoad(Path file) {
        new SimStateStore(file, "deployments").save(engine);
        return loadTwin(file);
    }

    /** Loads a state file saved from this world (perhaps edited since) into a twin on a clock of its own at the same time. */
    DeploymentWorld loadTwin(Path file) {
        ManualClock twinClock = new ManualClock(clock.now());
        return new DeploymentWorld(twinClock, new SimStateStore(file, "deployments").load(twinClock), new AlbFixture(null,
                alb.loadBalancerArn(), alb.blueGroup(), alb.greenGroup(), alb.productionRule(), alb.testRule()));
    }

    void advance(Duration d) {
        clock.advance(d);
        engine.advance();
    }

    void until(String what, Duration limit, java.util.function.BooleanSupplier condition) {
        for (long s = 0; s <= limit.toSeconds(); s++) {
            if (condition.getAsBoolean()) {
                return;
            }
            advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("not within " + limit + ": " + what);
    }

    /** Web's service deployments, newest first, whole. */
    List<ServiceDeployment> serviceDeployments() {
        List<String> arns = new ArrayList<>();
        for (ServiceDeploymentBrief b : engine.serviceDeployments().listServiceDeployments(CLUSTER, "web", null, null, null, null, 100).items()) {
            arns.add(b.serviceDeploymentArn());
        }
        List<ServiceDeployment> out = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += 20) {
            out.addAll(engine.serviceDeployments().describeServiceDeployments(arns.subList(i, Math.min(arns.size(), i + 20))).items());
        }
        return out;
    }

    ServiceDeployment current() {
        return serviceDeployments().get(0);
    }

    /** Every revision the service deployments name. */
    List<ServiceRevision> revisions() {
        Set<String> arns = new LinkedHashSet<>();
        for (ServiceDeployment sd : serviceDeployments()) {
            sd.sourceServiceRevisions().forEach(r -> arns.add(r.arn()));
            arns.add(sd.targetServiceRevision().arn());
        }
        return arns.isEmpty() ? List.of() : engine.serviceDeployments().describeServiceRevisions(List.copyOf(arns)).items();
    }

    /** Green's share of a rule's traffic, in percent. */
    double greenPercent(String rule) {
        synchronized (engine) {
            var w = engine.elb().forwardWeights(rule);
            int total = w.values().stream().mapToInt(Integer::intValue).sum();
            return total == 0 ? 0 : 100.0 * w.getOrDefault(alb.greenGroup(), 0) / total;
        }
    }

    /** All a console sees of web's deployment: service, service deployments, revisions, listener weights, target health and tasks. */
    String everything() {
        StringBuilder sb = new StringBuilder().append(engine.now()).append('\n');
        sb.append(engine.services().describeServices(CLUSTER, List.of("web")).items()).append('\n');
        sb.append(serviceDeployments()).append('\n').append(revisions()).append('\n');
        synchronized (engine) {
            sb.append(engine.elb().forwardWeights(alb.productionRule())).append(engine.elb().forwardWeights(alb.testRule())).append('\n');
        }
        sb.append(engine.loadBalancing().describeTargetHealth(alb.blueGroup(), null))
                .append(engine.loadBalancing().describeTargetHealth(alb.greenGroup(), null)).append('\n');
        for (String status : List.of("RUNNING", "STOPPED")) {
            List<String> arns = engine.tasks().listTasks(CLUSTER, new TaskApi.Filter("web", null, null, null, status, null), null, 100).items();
            if (!arns.isEmpty()) {
                sb.append(engine.tasks().describeTasks(CLUSTER, arns).items()).append('\n');
            }
        }
        return sb.toString();
    }

    static boolean finished(ServiceDeployment sd) {
        return !List.of("PENDING", "IN_PROGRESS", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS").contains(sd.status());
    }

    /** Advances both worlds a second at a time, equal at every second, until {@code until} holds for this one. */
    void followWith(DeploymentWorld twin, Duration limit, Predicate<DeploymentWorld> until) {
        for (long s = 0; s <= limit.toSeconds(); s++) {
            StateAssertions.assertSameState(everything(), twin.everything(), "at " + engine.now());
            if (until.test(this)) {
                return;
            }
            advance(Duration.ofSeconds(1));
            twin.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("not within " + limit + ": " + current());
    }
}
