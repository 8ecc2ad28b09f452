package dev.ecsdeck.sim.elb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.Tag;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.state.SimStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file keeps Elastic Load Balancing: a restored simulation shows the same and goes on the same way. */
class ElbStateFileTest {
    @TempDir
    Path dir;

    /** Everything ELB shows, as one comparable value. */
    private static String everything(SimEngine engine) {
        ElbApi api = engine.loadBalancing();
        StringBuilder sb = new StringBuilder();
        List<String> arns = new ArrayList<>();
        for (LoadBalancerDescription lb : api.describeLoadBalancers(null, null, null, null).items()) {
            sb.append(lb);
            arns.add(lb.loadBalancerArn());
            for (ListenerDescription l : api.describeListeners(lb.loadBalancerArn(), null, null, null).items()) {
                sb.append(l).append(api.describeRules(l.listenerArn(), null, null, null).items());
                arns.add(l.listenerArn());
            }
        }
        for (TargetGroupDescription g : api.describeTargetGroups(null, null, null, null, null).items()) {
            sb.append(g).append(api.describeTargetGroupAttributes(g.targetGroupArn())).append(api.describeTargetHealth(g.targetGroupArn(), null));
            arns.add(g.targetGroupArn());
            synchronized (engine) {
                long minute = engine.now().getEpochSecond() / 60;
                for (long m = minute - 10; m <= minute; m++) {
                    sb.append(m).append('=').append(engine.elb().requestCountPerTarget(g.targetGroupArn(), m)).append(',')
                            .append(engine.elb().requestCount(g.targetGroupArn(), m)).append(';');
                }
                sb.append(engine.elb().resourceLabel(g.targetGroupArn()));
            }
        }
        sb.append(api.describeTags(arns));
        return sb.toString();
    }

    @Test
    void aRestoredSimulationHasTheSameLoadBalancersAndGoesOnTheSameWay() {
        ElbWorld w = new ElbWorld();
        String lb = w.api.createLoadBalancer(new CreateLoadBalancerRequest("shop", ElbWorld.SUBNETS, List.of("sg-01"), null,
                List.of(new Tag("team", "orders")), null, null)).loadBalancerArn();
        String blue = w.targetGroup("shop-blue", "ip").targetGroupArn();
        String green = w.targetGroup("shop-green", "ip").targetGroupArn();
        String listener = w.listener(lb, 80, blue).listenerArn();
        w.api.createRule(new CreateRuleRequest(listener, List.of(RuleCondition.hostHeader("api.example.com")), 3,
                List.of(Action.forward(List.of(new TargetGroupTuple(blue, 70), new TargetGroupTuple(green, 30)))), List.of(new Tag("k", "v"))));
        String https = w.api.createListener(new CreateListenerRequest(lb, "HTTPS", 443, null,
                List.of(new Certificate("arn:aws:acm:us-east-1:000000000000:certificate/abc", true)), List.of(Action.forward(blue)), null)).listenerArn();
        w.api.createRule(new CreateRuleRequest(https, List.of(RuleCondition.pathPattern("/old/*")), 9, List.of(new Action("redirect", null, null,
                new RedirectActionConfig("HTTPS", "443", "#{host}", "/new/", null, "HTTP_301"), null, null)), null));
        w.api.modifyTargetGroupAttributes(green, List.of(new TargetGroupAttribute("deregistration_delay.timeout_seconds", "600")));
        synchronized (w.engine) {
            w.engine.elb().setRequestRate(lb, 33);
        }
        w.failing.put("10.0.2.2", "Target.ResponseCodeMismatch");
        w.register(blue, "10.0.1.1", "10.0.1.2");
        w.register(green, "10.0.2.1", "10.0.2.2");
        w.advance(150);
        w.api.deregisterTargets(green, List.of(new TargetDescription("10.0.2.1", null, null)));
        w.register(blue, "10.0.1.3");
        w.advance(3);

        SimStateStore store = new SimStateStore(dir.resolve("sim.json"), "elb-test");
        store.save(w.engine);
        ManualClock clockB = new ManualClock(w.clock.now());
        SimEngine restored = store.load(clockB);
        restored.elb().setResponder((tg, id, port, now) -> w.failing.get(id));
        String before = everything(w.engine);
        assertTrue(before.contains("draining") && before.contains("unhealthy") && before.contains("Elb.RegistrationInProgress"),
                "the saved state has targets in several states");
        assertTrue(before.contains("isDefault=true") && before.contains("HTTP_301"), "certificates and redirects are saved too");
        assertEquals(before, everything(restored), "right after the restore");
        for (int i = 0; i < 3; i++) {
            w.clock.advance(Duration.ofMinutes(4));
            clockB.advance(Duration.ofMinutes(4));
            assertEquals(everything(w.engine), everything(restored), "after " + (i + 1) * 4 + " more minutes");
        }
    }

    @Test
    void aStateFileFromBeforeLoadBalancersLoadsWithNone() throws Exception {
        ManualClock clock = DemoSim.startClock();
        SimEngine engine = DemoSim.emptyEngine(clock, 5);
        engine.clusters().createCluster("c", null, null, null);
        Path file = dir.resolve("old.json");
        SimStateStore store = new SimStateStore(file, "old");
        store.save(engine);
        ObjectMapper json = new ObjectMapper();
        ObjectNode saved = (ObjectNode) json.readTree(file.toFile());
        assertTrue(saved.has("elb"));
        saved.remove("elb");
        Files.write(file, json.writeValueAsBytes(saved));
        SimEngine loaded = store.load(clock);
        assertTrue(loaded.loadBalancing().describeLoadBalancers(null, null, null, null).items().isEmpty());
        assertTrue(loaded.loadBalancing().describeTargetGroups(null, null, null, null, null).items().isEmpty());
        assertEquals(1, loaded.clusters().listClusters(null, null).items().size(), "the rest of the state is there");
    }
}
