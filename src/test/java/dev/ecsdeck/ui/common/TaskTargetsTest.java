package dev.ecsdeck.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.AdvancedConfiguration;
import dev.ecsdeck.model.Attachment;
import dev.ecsdeck.model.Container;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.KeyValue;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.NetworkBinding;
import dev.ecsdeck.model.TargetHealth;
import dev.ecsdeck.ui.common.TaskTargets.TaskTargetHealth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskTargetsTest {
    static final String BLUE = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web-blue/aaa";
    static final String GREEN = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web-green/bbb";
    static final String ADMIN = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web-admin/ccc";
    static final String INSTANCE_A = "arn:aws:ecs:us-east-1:1:container-instance/c/aaaa";
    static final String INSTANCE_B = "arn:aws:ecs:us-east-1:1:container-instance/c/bbbb";

    @Test
    void anAwsvpcTaskIsFoundByItsPrivateIpAndContainerPort() {
        LoadBalancer lb = new LoadBalancer(BLUE, null, "web", 8080);
        TaskTargets targets = new TaskTargets(List.of(lb), Map.of(BLUE, List.of(
                target(BLUE, "10.0.0.2", 8080, "healthy", null, null),
                target(BLUE, "10.0.0.1", 9090, "healthy", null, null),
                target(BLUE, "10.0.0.1", 8080, "unhealthy", "Target.ResponseCodeMismatch", "Health checks failed"))), Map.of());

        TaskTargetHealth health = targets.of(awsvpcTask("t1", "10.0.0.1")).orElseThrow();

        assertEquals("unhealthy", health.state());
        assertEquals("unhealthy — Target.ResponseCodeMismatch", health.text());
        assertEquals("web-blue: unhealthy — Target.ResponseCodeMismatch: Health checks failed", health.details());
        assertEquals("healthy", targets.of(awsvpcTask("t2", "10.0.0.2")).orElseThrow().text());
    }

    @Test
    void aBridgeTaskIsFoundByItsInstanceAndTheHostPortBoundToTheContainerPort() {
        LoadBalancer lb = new LoadBalancer(BLUE, null, "web", 8080);
        // Both instances have a target on port 32768: only the instance tells them apart.
        TaskTargets targets = new TaskTargets(List.of(lb), Map.of(BLUE, List.of(
                target(BLUE, "i-a", 32768, "healthy", null, null),
                target(BLUE, "i-b", 32768, "draining", "Target.DeregistrationInProgress", "Target deregistration is in progress"),
                target(BLUE, "i-a", 32769, "initial", "Elb.InitialHealthChecking", "Initial health checks in progress"))),
                Map.of(INSTANCE_A, "i-a", INSTANCE_B, "i-b"));

        assertEquals("healthy", targets.of(bridgeTask("t1", INSTANCE_A, 32768)).orElseThrow().text());
        assertEquals("draining — Target.DeregistrationInProgress", targets.of(bridgeTask("t2", INSTANCE_B, 32768)).orElseThrow().text());
        assertEquals("initial — Elb.InitialHealthChecking", targets.of(bridgeTask("t3", INSTANCE_A, 32769)).orElseThrow().text());
    }

    @Test
    void aTaskInNoTargetIsNotRegistered() {
        LoadBalancer lb = new LoadBalancer(BLUE, null, "web", 8080);
        TaskTargets targets = new TaskTargets(List.of(lb), Map.of(BLUE, List.of(target(BLUE, "10.0.0.9", 8080, "healthy", null, null))),
                Map.of(INSTANCE_A, "i-a"));

        TaskTargetHealth ip = targets.of(awsvpcTask("t1", "10.0.0.1")).orElseThrow();
        assertEquals(TaskTargets.NOT_REGISTERED, ip.state());
        assertFalse(ip.healthy());
        assertEquals("web-blue: not registered", ip.details());
        // An instance task whose instance is not known, and one without a host port for the container port, are not registered either.
        assertEquals(TaskTargets.NOT_REGISTERED, targets.of(bridgeTask("t2", INSTANCE_B, 32768)).orElseThrow().state());
        assertEquals(TaskTargets.NOT_REGISTERED, targets.of(bridgeTask("t3", INSTANCE_A, null)).orElseThrow().state());
    }

    @Test
    void aGreenTaskIsFoundInTheAlternateTargetGroup() {
        LoadBalancer lb = new LoadBalancer(BLUE, null, "web", 8080, new AdvancedConfiguration(GREEN, "prod-rule", "test-rule", "role"));
        TaskTargets targets = new TaskTargets(List.of(lb), Map.of(
                BLUE, List.of(target(BLUE, "10.0.0.1", 8080, "healthy", null, null)),
                GREEN, List.of(target(GREEN, "10.0.0.2", 8080, "unhealthy", "Target.Timeout", "Request timed out"))), Map.of());

        TaskTargetHealth green = targets.of(awsvpcTask("t2", "10.0.0.2")).orElseThrow();
        assertEquals(1, green.groups().size());
        assertEquals(GREEN, green.worst().targetGroupArn());
        assertEquals("web-green: unhealthy — Target.Timeout: Request timed out", green.details());
        assertTrue(targets.of(awsvpcTask("t1", "10.0.0.1")).orElseThrow().healthy());
        assertEquals(List.of(BLUE, GREEN), TaskTargets.targetGroupsOf(List.of(lb)));
    }

    @Test
    void withSeveralTargetGroupsTheWorstShowsAndEveryGroupIsInTheDetails() {
        List<LoadBalancer> lbs = List.of(new LoadBalancer(BLUE, null, "web", 8080), new LoadBalancer(ADMIN, null, "web", 9090));
        TaskTargets targets = new TaskTargets(lbs, Map.of(
                BLUE, List.of(target(BLUE, "10.0.0.1", 8080, "healthy", null, null)),
                ADMIN, List.of(target(ADMIN, "10.0.0.1", 9090, "unhealthy", "Target.FailedHealthChecks", "Health checks failed"))), Map.of());

        TaskTargetHealth health = targets.of(awsvpcTask("t1", "10.0.0.1")).orElseThrow();

        assertEquals("unhealthy", health.state());
        assertEquals("unhealthy — Target.FailedHealthChecks (+1 more target group)", health.text());
        assertEquals("web-admin: unhealthy — Target.FailedHealthChecks: Health checks failed\nweb-blue: healthy", health.details());
    }

    @Test
    void groupsThatWereNotReadSayNothing() {
        TaskTargets targets = new TaskTargets(List.of(new LoadBalancer(BLUE, null, "web", 8080)), Map.of(), Map.of());
        assertTrue(targets.of(awsvpcTask("t1", "10.0.0.1")).isEmpty());
        assertEquals("web-blue", TaskTargets.targetGroupName(BLUE));
    }

    static TargetHealth target(String group, String id, int port, String state, String reason, String description) {
        return new TargetHealth(group, id, port, "us-east-1a", state, reason, description);
    }

    static EcsTask awsvpcTask(String id, String ip) {
        Attachment eni = new Attachment("eni-" + id, Attachment.ENI, "ATTACHED", List.of(new KeyValue("privateIPv4Address", ip)));
        return task(id, null, List.of(container("web", List.of())), List.of(eni));
    }

    static EcsTask bridgeTask(String id, String instance, Integer hostPort) {
        List<NetworkBinding> bindings = hostPort == null ? List.of() : List.of(new NetworkBinding("0.0.0.0", 8080, hostPort, "tcp"));
        return task(id, instance, List.of(container("sidecar", List.of(new NetworkBinding("0.0.0.0", 8080, 40000, "tcp"))),
                container("web", bindings)), List.of());
    }

    private static Container container(String name, List<NetworkBinding> bindings) {
        return new Container(null, null, name, "image", null, "RUNNING", null, null, bindings, null, null, null, null);
    }

    private static EcsTask task(String id, String instance, List<Container> containers, List<Attachment> attachments) {
        return new EcsTask("arn:aws:ecs:us-east-1:1:task/c/" + id, "arn:aws:ecs:us-east-1:1:cluster/c", "arn:td/web:1", instance, "us-east-1a",
                "service:web", null, "RUNNING", "RUNNING", null, instance == null ? "FARGATE" : "EC2", null, null, null, containers, null, null,
                null, null, null, null, null, null, 1, List.of(), attachments);
    }
}
