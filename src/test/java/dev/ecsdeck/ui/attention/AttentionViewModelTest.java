package dev.ecsdeck.ui.attention;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.ui.attention.AttentionItem.Kind;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AttentionViewModelTest {
    private final DemoSim sim = new DemoSim();
    private final ManualClock clock = sim.clock;
    private final SimEngine engine = sim.engine;
    private final SimProvider provider = sim.provider;
    private final AttentionViewModel model = new AttentionViewModel(provider, new CurrentThreadTaskExecutor(), () -> clock.now().toEpochMilli());

    @AfterEach
    void close() {
        provider.close();
    }

    private Optional<AttentionItem> item(String cluster, String subject, Kind kind) {
        return model.items().stream().filter(i -> i.cluster().equals(cluster) && i.subject().equals(subject) && i.kind() == kind).findFirst();
    }

    private List<String> summary() {
        return model.items().stream().map(i -> i.cluster() + "/" + i.subject() + " " + i.kind()).sorted().toList();
    }

    @Test
    void theDemoNeedsAttentionForTheRollbackAndTheCrashLoop() {
        model.refresh();
        assertEquals(List.of("prod-web/checkout AWAITING_ACTION", "prod-web/payments ROLLED_BACK", "staging/notifications BELOW_DESIRED",
                "staging/notifications TASKS_FAILING"), summary(),
                "nothing for healthy services, nor for catalog's planned hour of bake time or search's linear steps");

        // checkout's canary waits at a PAUSE hook: someone must continue or roll it back, whatever its age.
        AttentionItem checkout = item("prod-web", "checkout", Kind.AWAITING_ACTION).orElseThrow();
        assertEquals("Deployment of checkout:2 (canary) waits for you at a PAUSE hook at POST_TEST_TRAFFIC_SHIFT: continue or roll back"
                + " in its Deployments tab", checkout.what(), "the demo's hook has no timeout: no expiry is named");
        assertTrue(item("prod-web", "catalog", Kind.DEPLOYMENT_STUCK).isEmpty(), "catalog's tasks all run: it bakes, as planned");

        AttentionItem payments = item("prod-web", "payments", Kind.ROLLED_BACK).orElseThrow();
        assertEquals("Rolled back after its deployment failed: tasks failed to start.", payments.what());
        assertEquals(Instant.parse("2026-11-22T08:50:41Z"), payments.since());
        assertEquals("rollback event", payments.sinceBasis());
        assertEquals("payments", payments.service());

        AttentionItem failing = item("staging", "notifications", Kind.TASKS_FAILING).orElseThrow();
        assertThat(failing.what(), containsString("tasks of notifications:1 failed in the last hour (exit 137)"));
        assertEquals(Instant.parse("2026-11-22T08:45:54Z"), failing.since(), "the first failed task ECS still keeps");

        AttentionItem below = item("staging", "notifications", Kind.BELOW_DESIRED).orElseThrow();
        assertEquals("Running 0 of 2 desired (0 pending)", below.what());
        assertEquals(Instant.parse("2026-11-22T08:45:00Z"), below.since());
        assertEquals("deployment start; no steady state in its events", below.sinceBasis(), "the time basis is named");

        assertEquals(Map.of("prod-web", 2, "staging", 2), model.countsProperty().get());
        assertEquals(0, model.count("prod-batch"));
        assertThat(model.statusProperty().get(), containsString("4 items in 2 clusters (3 clusters checked at "));
    }

    @Test
    void payments_failedTasksOfTheRevisionItLeftDoNotCountAsFailing() {
        model.refresh();
        assertTrue(item("prod-web", "payments", Kind.TASKS_FAILING).isEmpty(),
                "payments:2's crashed tasks are not the current revision's (payments:1 runs again)");
    }

    @Test
    void aRolloutWhoseTasksFailTheirHealthChecksShowsItsFailingTasks() {
        // The demo's staging orders-api rolls out orders-api:2, whose container health check never passes: each new task
        // turns UNHEALTHY and is replaced, and with no circuit breaker in staging the rollout never finishes.
        clock.advance(Duration.ofMinutes(10));
        model.refresh();
        AttentionItem failing = item("staging", "orders-api", Kind.TASKS_FAILING).orElseThrow();
        assertThat(failing.what(), containsString("of orders-api:2 failed in the last hour"));
        assertTrue(item("staging", "orders-api", Kind.DEPLOYMENT_STUCK).isEmpty(), "its failing tasks already say why it does not finish");
        assertTrue(item("prod-web", "checkout", Kind.AWAITING_ACTION).isPresent(),
                "checkout's canary still waits at its PAUSE hook, 15 minutes after it started: " + summary());
        assertTrue(item("prod-web", "checkout", Kind.DEPLOYMENT_STUCK).isEmpty(), "waiting for a person is not hanging");
        assertTrue(item("staging", "notifications", Kind.DEPLOYMENT_STUCK).isEmpty(), "its failing tasks already say why it does not finish");
    }

    @Test
    void aRolloutThatDoesNotFinishShowsAfterTenMinutes() {
        // Staging web's container has no health check: a never-healthy image leaves its new tasks running, never counted healthy.
        engine.neverHealthyImage("public.ecr.aws/nginx/nginx:1.25-alpine");
        Instant started = clock.now();
        provider.updateService(ServiceUpdate.forceNewDeployment("staging", "web"));
        clock.advance(Duration.ofMinutes(9));
        model.refresh();
        assertTrue(item("staging", "web", Kind.DEPLOYMENT_STUCK).isEmpty(), "9 minutes in: not yet");
        clock.advance(Duration.ofMinutes(1));
        model.refresh();
        AttentionItem stuck = item("staging", "web", Kind.DEPLOYMENT_STUCK).orElseThrow();
        assertThat(stuck.what(), containsString("Deployment of web:1 still in progress"));
        assertEquals(started, stuck.since());
        assertEquals("deployment start", stuck.sinceBasis());
        assertTrue(item("staging", "web", Kind.TASKS_FAILING).isEmpty());
    }

    @Test
    void aDrainingInstanceShowsSinceThisConsoleFirstSawIt() {
        model.refresh();
        ContainerInstance first = provider.listContainerInstances("prod-batch").get(0);
        engine.clusters().updateContainerInstancesState("prod-batch", List.of(first.containerInstanceArn()), "DRAINING");
        clock.advance(Duration.ofSeconds(30));
        model.refresh();
        AttentionItem draining = item("prod-batch", first.ec2InstanceId(), Kind.INSTANCE_NOT_ACTIVE).orElseThrow();
        assertEquals("Instance is DRAINING", draining.what());
        assertEquals(clock.now(), draining.since());
        assertEquals("first seen so by this console", draining.sinceBasis());
        assertEquals(first.containerInstanceArn(), draining.instanceArn());
        Instant seen = clock.now();
        clock.advance(Duration.ofMinutes(1));
        model.refresh();
        assertEquals(seen, item("prod-batch", first.ec2InstanceId(), Kind.INSTANCE_NOT_ACTIVE).orElseThrow().since(),
                "a later check keeps the first sighting");
        assertEquals(1, model.count("prod-batch"), () -> String.valueOf(model.items()));

        engine.clusters().updateContainerInstancesState("prod-batch", List.of(first.containerInstanceArn()), "ACTIVE");
        model.refresh();
        assertEquals(0, model.count("prod-batch"), "gone once it is ACTIVE again");
    }

    @Test
    void theTimersCheckWaitsAMinuteAfterTheLastOneEnded() {
        model.refresh();
        ContainerInstance first = provider.listContainerInstances("prod-batch").get(0);
        engine.clusters().updateContainerInstancesState("prod-batch", List.of(first.containerInstanceArn()), "DRAINING");
        clock.advance(Duration.ofSeconds(30));
        model.refreshIfOlderThan(Duration.ofMinutes(1));
        assertTrue(item("prod-batch", first.ec2InstanceId(), Kind.INSTANCE_NOT_ACTIVE).isEmpty(), "30 s after a check ended: no new check");
        clock.advance(Duration.ofSeconds(30));
        model.refreshIfOlderThan(Duration.ofMinutes(1));
        assertTrue(item("prod-batch", first.ec2InstanceId(), Kind.INSTANCE_NOT_ACTIVE).isPresent(), "a minute after it ended: checked again");
    }

    @Test
    void aDisconnectedAgentIsAnItem() {
        ContainerInstance connected = provider.listContainerInstances("prod-batch").get(0);
        assertTrue(AttentionRules.ofInstance("prod-batch", connected, clock.now()).isEmpty());
        ContainerInstance lost = new ContainerInstance(connected.containerInstanceArn(), connected.ec2InstanceId(), null, "ACTIVE", null, false,
                2, 0, connected.registeredResources(), connected.remainingResources(), connected.attributes(), connected.versionInfo(),
                connected.registeredAt());
        List<AttentionItem> items = AttentionRules.ofInstance("prod-batch", lost, clock.now());
        assertEquals(1, items.size());
        assertEquals(Kind.AGENT_DISCONNECTED, items.get(0).kind());
        assertEquals("ECS agent disconnected (2 tasks reported running)", items.get(0).what());
    }

    @Test
    void aClusterThatCannotBeReadIsNamedAndTheOthersStillCount() {
        AttentionViewModel failing = new AttentionViewModel(new dev.ecsdeck.provider.ForwardingEcsProvider(provider) {
            @Override
            public List<ContainerInstance> listContainerInstances(String cluster) {
                if (cluster.equals("prod-web")) {
                    throw new IllegalStateException("boom");
                }
                return super.listContainerInstances(cluster);
            }
        }, new CurrentThreadTaskExecutor(), () -> clock.now().toEpochMilli());
        failing.refresh();
        assertFalse(failing.items().isEmpty());
        assertEquals(0, failing.count("prod-web"), "the cluster that failed shows nothing rather than half");
        assertThat(failing.statusProperty().get(), containsString("Not checked: prod-web: Failed: boom"));
    }
}
