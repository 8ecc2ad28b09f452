package dev.ecsdeck.sim.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceDeploymentBrief;
import dev.ecsdeck.model.ServiceRevision;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Service revisions and service deployments of rolling updates: recorded, completed, superseded, stopped, rolled back by the breaker. */
class ServiceDeploymentsTest {
    private final SimFixture sim = new SimFixture();
    private final ServiceDeploymentApi api = sim.engine.serviceDeployments();

    private List<ServiceDeploymentBrief> list(List<String> statuses) {
        return api.listServiceDeployments(sim.cluster, "svc", statuses, null, null, null, null).items();
    }

    private ServiceDeployment describe(String arn) {
        return api.describeServiceDeployments(List.of(arn)).items().get(0);
    }

    private ServiceDeployment newest() {
        return describe(list(null).get(0).serviceDeploymentArn());
    }

    @Test
    void createAndUpdateEachRecordARevisionAndADeploymentThatSucceeds() {
        String v1 = sim.fargateTaskDefinition("app", "acme/app:1");
        sim.createFargateService("svc", v1, 2, SimFixture.config(100, 200, true, true));
        ServiceDeployment created = newest();
        assertEquals("IN_PROGRESS", created.status());
        assertTrue(created.sourceServiceRevisions().isEmpty(), "a new service comes from nothing");
        assertNull(created.lifecycleStage(), "a rolling update has no lifecycle stages");
        assertEquals("MONITORING", created.deploymentCircuitBreaker().status());
        assertEquals(3, created.deploymentCircuitBreaker().threshold());
        sim.advanceUntil("steady", Duration.ofMinutes(5), () -> SimFixture.steady(sim.service("svc")));
        ServiceDeployment done = describe(created.serviceDeploymentArn());
        assertEquals("SUCCESSFUL", done.status());
        assertEquals(sim.engine.now(), done.finishedAt());
        assertEquals("MONITORING_COMPLETE", done.deploymentCircuitBreaker().status());

        // A desired-count change is no new workload: no revision, no deployment.
        sim.engine.services().updateService(sim.cluster, "svc", 3, null, false, null);
        assertEquals(1, list(null).size());

        String v2 = sim.fargateTaskDefinition("app", "acme/app:2");
        sim.engine.services().updateService(sim.cluster, "svc", null, v2, false, null);
        ServiceDeployment update = newest();
        assertEquals(List.of(created.targetServiceRevision().arn()), update.sourceServiceRevisions().stream().map(r -> r.arn()).toList());
        List<ServiceRevision> revisions = api.describeServiceRevisions(List.of(created.targetServiceRevision().arn(),
                update.targetServiceRevision().arn())).items();
        assertTrue(revisions.get(0).taskDefinition().endsWith("/" + v1));
        assertTrue(revisions.get(1).taskDefinition().endsWith("/" + v2));
        assertEquals("acme/app:2", revisions.get(1).containerImages().get(0).image());
        assertTrue(revisions.get(1).containerImages().get(0).imageDigest().matches("sha256:[0-9a-f]{64}"));
        assertEquals(SimFixture.VPC, revisions.get(1).networkConfiguration());
        sim.advanceUntil("steady on v2", Duration.ofMinutes(5), () -> SimFixture.steady(sim.service("svc")));
        assertEquals("SUCCESSFUL", describe(update.serviceDeploymentArn()).status());

        // Force new deployment: the same revision again.
        sim.engine.services().updateService(sim.cluster, "svc", null, null, true, null);
        assertEquals(update.targetServiceRevision().arn(), newest().targetServiceRevision().arn());
        assertEquals(3, list(null).size());
        assertEquals(2, list(List.of("SUCCESSFUL")).size());
    }

    @Test
    void aNewDeploymentStopsTheOneInProgress() {
        String v1 = sim.fargateTaskDefinition("app", "acme/app:1");
        sim.createFargateService("svc", v1, 2, null);
        String first = newest().serviceDeploymentArn();
        sim.engine.services().updateService(sim.cluster, "svc", null, sim.fargateTaskDefinition("app", "acme/app:2"), false, null);
        ServiceDeployment stopped = describe(first);
        assertEquals("STOPPED", stopped.status());
        assertEquals(sim.engine.now(), stopped.stoppedAt());
    }

    @Test
    void stopServiceDeploymentRollsARollingUpdateBackToItsSourceRevision() {
        String v1 = sim.fargateTaskDefinition("app", "acme/app:1");
        sim.createFargateService("svc", v1, 3, null);
        sim.advanceUntil("steady", Duration.ofMinutes(5), () -> SimFixture.steady(sim.service("svc")));
        sim.engine.services().updateService(sim.cluster, "svc", null, sim.fargateTaskDefinition("app", "acme/app:2"), false, null);
        sim.advance(Duration.ofSeconds(20));
        ServiceDeployment rolling = newest();
        api.stopServiceDeployment(rolling.serviceDeploymentArn(), "ROLLBACK");
        assertEquals("ROLLBACK_REQUESTED", describe(rolling.serviceDeploymentArn()).status());
        sim.advance(Duration.ofSeconds(1));
        ServiceDeployment back = describe(rolling.serviceDeploymentArn());
        assertEquals("ROLLBACK_IN_PROGRESS", back.status());
        assertEquals(rolling.sourceServiceRevisions().get(0).arn(), back.rollback().serviceRevisionArn());
        assertEquals("Service deployment stopped by StopServiceDeployment.", back.rollback().reason());
        assertTrue(sim.service("svc").taskDefinition().endsWith("/" + v1));
        sim.advanceUntil("steady on v1 again", Duration.ofMinutes(5), () -> SimFixture.steady(sim.service("svc")));
        assertEquals("ROLLBACK_SUCCESSFUL", describe(rolling.serviceDeploymentArn()).status());
        assertEquals(2, list(null).size(), "the rollback is part of the same service deployment, not a new one");
    }

    @Test
    void theCircuitBreakerRollsBackOrStopsTheServiceDeployment() {
        String v1 = sim.fargateTaskDefinition("app", "acme/app:1");
        sim.createFargateService("svc", v1, 4, SimFixture.config(100, 200, true, true));
        sim.advanceUntil("steady", Duration.ofMinutes(5), () -> SimFixture.steady(sim.service("svc")));
        sim.engine.crashLoopImage("acme/app:9-broken", Duration.ofSeconds(5), 1);
        sim.engine.services().updateService(sim.cluster, "svc", null, sim.fargateTaskDefinition("app", "acme/app:9-broken"), false, null);
        String arn = newest().serviceDeploymentArn();
        sim.advanceUntil("rolled back", Duration.ofMinutes(30), () -> "ROLLBACK_SUCCESSFUL".equals(describe(arn).status()));
        ServiceDeployment sd = describe(arn);
        assertEquals("TRIGGERED", sd.deploymentCircuitBreaker().status());
        assertTrue(sd.deploymentCircuitBreaker().failureCount() >= 3);
        assertEquals("Circuit breaker: tasks failed to start.", sd.rollback().reason());

        sim.engine.services().updateService(sim.cluster, "svc", null, null, false, SimFixture.config(100, 200, true, false));
        sim.engine.services().updateService(sim.cluster, "svc", null, sim.fargateTaskDefinition("app", "acme/app:9-broken"), false, null);
        String second = newest().serviceDeploymentArn();
        sim.advanceUntil("stopped", Duration.ofMinutes(30), () -> "STOPPED".equals(describe(second).status()));
        assertTrue(describe(second).statusReason().contains("circuit breaker"), describe(second).statusReason());
    }

    @Test
    void unknownArnsAreFailuresAndBadRequestsAreRefused() {
        String v1 = sim.fargateTaskDefinition("app", "acme/app:1");
        sim.createFargateService("svc", v1, 1, null);
        String missing = "arn:aws:ecs:us-east-1:000000000000:service-deployment/test/svc/AAAAAAAAAAAAAAAAAAAAAA";
        var described = api.describeServiceDeployments(List.of(missing));
        assertEquals("MISSING", described.failures().get(0).reason());
        assertEquals("ServiceDeploymentNotFoundException",
                assertThrows(SimApiException.class, () -> api.stopServiceDeployment(missing, "ROLLBACK")).errorCode());
        assertEquals("UnsupportedFeatureException",
                assertThrows(SimApiException.class, () -> api.stopServiceDeployment(newest().serviceDeploymentArn(), "ABORT")).errorCode());
        assertEquals("InvalidParameterException",
                assertThrows(SimApiException.class, () -> list(List.of("DONE"))).errorCode());
        assertEquals("ServiceNotFoundException", assertThrows(SimApiException.class,
                () -> api.listServiceDeployments(sim.cluster, "nope", null, null, null, null, null)).errorCode());
        assertEquals("InvalidParameterException", assertThrows(SimApiException.class,
                () -> api.continueServiceDeployment(newest().serviceDeploymentArn(), "no-such-hook", null)).errorCode());
        List<String> many = java.util.Collections.nCopies(21, missing);
        assertEquals("InvalidParameterException", assertThrows(SimApiException.class, () -> api.describeServiceDeployments(many)).errorCode());
    }
}
