package dev.ecsdeck.sim.elb;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Target health as ELB decides it, to the second: registration, first check, thresholds, draining, unused groups. */
class TargetHealthTest {
    private final ElbWorld w = new ElbWorld();
    private final String lb = w.loadBalancer("web").loadBalancerArn();
    private final String tg = w.targetGroup("web-blue", "ip").targetGroupArn();

    private void assertHealth(String state, String reason, String id) {
        TargetHealth h = w.health(tg, id);
        assertEquals(state + "/" + reason, h.state() + "/" + h.reason(), "at " + w.now());
    }

    @Test
    void aNewTargetIsRegisteringThenInitiallyCheckedThenHealthyAfterOnePassingCheck() {
        w.listener(lb, 80, tg);
        Instant t0 = w.now();
        w.register(tg, "10.0.1.5");
        assertHealth("initial", "Elb.RegistrationInProgress", "10.0.1.5");
        assertEquals("Target registration is in progress", w.health(tg, "10.0.1.5").description());
        w.advance(4);
        assertHealth("initial", "Elb.RegistrationInProgress", "10.0.1.5");
        w.advance(1);
        assertHealth("initial", "Elb.InitialHealthChecking", "10.0.1.5");
        assertEquals("Initial health checks in progress", w.health(tg, "10.0.1.5").description());
        w.advance(4);
        assertHealth("initial", "Elb.InitialHealthChecking", "10.0.1.5");
        w.advance(1);
        TargetHealth healthy = w.health(tg, "10.0.1.5");
        assertEquals("healthy", healthy.state());
        assertNull(healthy.reason(), "no reason when healthy");
        assertNull(healthy.description(), "no description when healthy");
        TargetHealthState state;
        synchronized (w.engine) {
            state = w.engine.elb().health(tg, "10.0.1.5", 8080);
        }
        assertEquals(t0.plusSeconds(10), state.since(), "healthy since its first check");
    }

    @Test
    void failingTargetTurnsUnhealthyAfterTwoFailuresAtTheIntervalAndHealthyAgainAfterFivePasses() {
        w.listener(lb, 80, tg);
        Instant t0 = w.now();
        w.failing.put("10.0.1.6", "Target.Timeout");
        w.register(tg, "10.0.1.6");
        w.advance(10);
        assertHealth("initial", "Elb.InitialHealthChecking", "10.0.1.6");
        w.advance(29);
        assertHealth("initial", "Elb.InitialHealthChecking", "10.0.1.6");
        w.advance(1); // second failure, 30 s (the default interval) after the first
        assertHealth("unhealthy", "Target.Timeout", "10.0.1.6");
        assertEquals("Request timed out", w.health(tg, "10.0.1.6").description());
        w.failing.remove("10.0.1.6");
        w.advance(4 * 30); // four passes at 70, 100, 130, 160 s
        assertHealth("unhealthy", "Target.Timeout", "10.0.1.6");
        w.advance(29);
        assertHealth("unhealthy", "Target.Timeout", "10.0.1.6");
        w.advance(1); // the fifth pass, at 190 s
        assertHealth("healthy", null, "10.0.1.6");
        w.failing.put("10.0.1.6", "Target.ResponseCodeMismatch");
        w.advance(30); // one failure at 220 s: still healthy
        assertHealth("healthy", null, "10.0.1.6");
        w.advance(30);
        assertHealth("unhealthy", "Target.ResponseCodeMismatch", "10.0.1.6");
        synchronized (w.engine) {
            assertEquals(t0.plusSeconds(250), w.engine.elb().health(tg, "10.0.1.6", 8080).since());
        }
    }

    @Test
    void byDefaultNothingAnswersSoEveryTargetTimesOut() {
        ElbWorld plain = new ElbWorld();
        plain.engine.elb().setResponder(null);
        String group = plain.targetGroup("tg", "ip").targetGroupArn();
        plain.listener(plain.loadBalancer("lb").loadBalancerArn(), 80, group);
        plain.register(group, "10.0.2.1");
        plain.advance(40);
        TargetHealth h = plain.health(group, "10.0.2.1");
        assertEquals("unhealthy/Target.Timeout", h.state() + "/" + h.reason());
    }

    @Test
    void aDeregisteredTargetDrainsForTheDeregistrationDelayThenIsGone() {
        w.listener(lb, 80, tg);
        w.api.modifyTargetGroupAttributes(tg, List.of(new TargetGroupAttribute("deregistration_delay.timeout_seconds", "60")));
        w.register(tg, "10.0.1.7");
        w.advance(10);
        assertHealth("healthy", null, "10.0.1.7");
        w.api.deregisterTargets(tg, List.of(new TargetDescription("10.0.1.7", null, null)));
        assertHealth("draining", "Target.DeregistrationInProgress", "10.0.1.7");
        assertEquals("Target deregistration is in progress", w.health(tg, "10.0.1.7").description());
        w.advance(59);
        assertHealth("draining", "Target.DeregistrationInProgress", "10.0.1.7");
        w.advance(1);
        assertTrue(w.api.describeTargetHealth(tg, null).isEmpty(), "gone after 60 s");
        assertHealth("unused", "Target.NotRegistered", "10.0.1.7");
        synchronized (w.engine) {
            assertNull(w.engine.elb().health(tg, "10.0.1.7", 8080));
        }
    }

    @Test
    void theDefaultDeregistrationDelayIsFiveMinutes() {
        w.listener(lb, 80, tg);
        w.register(tg, "10.0.1.8");
        w.api.deregisterTargets(tg, List.of(new TargetDescription("10.0.1.8", null, null)));
        w.advance(299);
        assertHealth("draining", "Target.DeregistrationInProgress", "10.0.1.8");
        w.advance(1);
        assertTrue(w.api.describeTargetHealth(tg, null).isEmpty());
    }

    @Test
    void targetsOfAGroupNoListenerUsesAreUnusedUntilOneDoes() {
        w.register(tg, "10.0.1.9");
        w.advance(60);
        assertHealth("unused", "Target.NotInUse", "10.0.1.9");
        assertEquals("Target group is not configured to receive traffic from the load balancer", w.health(tg, "10.0.1.9").description());
        ListenerDescription l = w.listener(lb, 80, tg);
        assertHealth("initial", "Elb.RegistrationInProgress", "10.0.1.9");
        w.advance(10);
        assertHealth("healthy", null, "10.0.1.9");
        w.api.deleteListener(l.listenerArn());
        assertHealth("unused", "Target.NotInUse", "10.0.1.9");
    }

    @Test
    void ipAndInstanceTargetsRegisterByTheirKindOnly() {
        String instances = w.targetGroup("web-instances", "instance").targetGroupArn();
        w.listener(lb, 80, tg);
        w.listener(lb, 81, instances);
        w.api.registerTargets(instances, List.of(new TargetDescription("i-0123456789abcdef0", 32768, null)));
        w.api.registerTargets(tg, List.of(new TargetDescription("10.0.3.4", 9090, "us-east-1a")));
        TargetHealthDescription i = w.api.describeTargetHealth(instances, null).get(0);
        assertEquals(new TargetDescription("i-0123456789abcdef0", 32768, null), i.target());
        assertEquals("32768", i.healthCheckPort(), "traffic-port is the target's own port");
        assertEquals(new TargetDescription("10.0.3.4", 9090, "us-east-1a"), w.api.describeTargetHealth(tg, null).get(0).target());

        assertThat(ElbWorld.refused("InvalidTarget",
                () -> w.api.registerTargets(tg, List.of(new TargetDescription("i-0123456789abcdef0", null, null)))).getMessage(),
                containsString("not a valid IPv4 address"));
        ElbWorld.refused("InvalidTarget", () -> w.api.registerTargets(instances, List.of(new TargetDescription("10.0.3.5", null, null))));
        assertThat(ElbWorld.refused("InvalidTarget",
                () -> w.api.registerTargets(tg, List.of(new TargetDescription("8.8.8.8", null, null)))).getMessage(),
                containsString("not in a private range"));
        ElbWorld.refused("ValidationError", () -> w.api.registerTargets(tg, List.of(new TargetDescription("10.0.3.6", 70000, null))));
        ElbWorld.refused("TargetGroupNotFound", () -> w.api.registerTargets(tg + "0", List.of(new TargetDescription("10.0.3.6", null, null))));
        assertEquals(1, w.api.describeTargetHealth(tg, null).size(), "a refused call registers nothing");
    }

    @Test
    void registeringTheSameTargetOnTwoPortsMakesTwoRegistrations() {
        w.listener(lb, 80, tg);
        w.api.registerTargets(tg, List.of(new TargetDescription("10.0.4.1", 8080, null), new TargetDescription("10.0.4.1", 8081, null)));
        w.api.registerTargets(tg, List.of(new TargetDescription("10.0.4.1", 8080, null)));
        assertEquals(2, w.api.describeTargetHealth(tg, null).size());
        assertEquals(2, w.api.describeTargetHealth(tg, List.of(new TargetDescription("10.0.4.1", null, null))).size());
    }

    @Test
    void aDrainingTargetRegisteredAgainStartsAfreshAndDeregisteringWhatIsNotThereIsIgnored() {
        w.listener(lb, 80, tg);
        w.register(tg, "10.0.5.1");
        w.advance(10);
        w.api.deregisterTargets(tg, List.of(new TargetDescription("10.0.5.1", null, null)));
        w.advance(5);
        w.register(tg, "10.0.5.1");
        assertHealth("initial", "Elb.RegistrationInProgress", "10.0.5.1");
        w.advance(10);
        assertHealth("healthy", null, "10.0.5.1");
        synchronized (w.engine) {
            w.engine.elb().deregister(tg + "0", "10.0.5.1", 8080, w.now());
            w.engine.elb().deregister(tg, "10.0.5.9", 8080, w.now());
        }
        assertEquals(1, w.api.describeTargetHealth(tg, null).size());
        ElbWorld.refused("TargetGroupNotFound", () -> w.api.deregisterTargets(tg + "0", List.of(new TargetDescription("10.0.5.1", null, null))));
    }
}
