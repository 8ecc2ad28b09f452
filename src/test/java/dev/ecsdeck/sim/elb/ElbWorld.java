package dev.ecsdeck.sim.elb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** An empty simulated AWS on a manual clock, with helpers to build application load balancers and to answer health checks by hand. */
final class ElbWorld {
    static final String VPC_ID = "vpc-0abc";
    static final List<String> SUBNETS = List.of("subnet-0aa", "subnet-0bb");

    final ManualClock clock = DemoSim.startClock();
    final SimEngine engine;
    final ElbApi api;
    /** Target id → the reason its health checks fail; a target not in here passes. */
    final Map<String, String> failing = new HashMap<>();

    ElbWorld() {
        engine = DemoSim.emptyEngine(clock, 11);
        api = engine.loadBalancing();
        engine.elb().setResponder((tg, id, port, now) -> failing.get(id));
    }

    LoadBalancerDescription loadBalancer(String name) {
        return api.createLoadBalancer(CreateLoadBalancerRequest.application(name, SUBNETS));
    }

    TargetGroupDescription targetGroup(String name, String targetType) {
        return api.createTargetGroup(CreateTargetGroupRequest.http(name, 8080, VPC_ID, targetType));
    }

    ListenerDescription listener(String loadBalancerArn, int port, String targetGroupArn) {
        return api.createListener(CreateListenerRequest.http(loadBalancerArn, port, targetGroupArn));
    }

    void register(String targetGroupArn, String... ips) {
        for (String ip : ips) {
            api.registerTargets(targetGroupArn, List.of(new TargetDescription(ip, null, null)));
        }
    }

    TargetHealth health(String targetGroupArn, String id) {
        List<TargetHealthDescription> found = api.describeTargetHealth(targetGroupArn, List.of(new TargetDescription(id, null, null)));
        assertEquals(1, found.size(), "one registration of " + id);
        return found.get(0).targetHealth();
    }

    /** Moves the clock on by {@code seconds} and the simulation with it (SimElb's own methods, as ECS calls them, do not catch up). */
    void advance(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        engine.advance();
    }

    Instant now() {
        return engine.now();
    }

    static SimApiException refused(String code, Executable call) {
        SimApiException e = assertThrows(SimApiException.class, call);
        assertEquals(code, e.errorCode(), e.getMessage());
        return e;
    }
}
