package dev.ecsdeck.ui.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdeck.model.AdvancedConfiguration;
import dev.ecsdeck.model.AwsVpcConfiguration;
import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.ServiceRevision;
import dev.ecsdeck.model.ServiceRevision.ContainerImage;
import dev.ecsdeck.taskdef.DiffEntry.Change;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What differs between two service revisions outside their task definitions' content, row by row. */
class RevisionComparisonRowsTest {
    private static final String TG = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/";
    private static final String RULE = "arn:aws:elasticloadbalancing:us-east-1:111122223333:listener-rule/app/shop-alb/0123456789abcdef/";

    private static ServiceRevision revision(String taskDefinition, List<CapacityProviderStrategyItem> capacity, String launchType,
            List<LoadBalancer> loadBalancers, AwsVpcConfiguration vpc, List<ContainerImage> images) {
        return new ServiceRevision("arn:aws:ecs:us-east-1:111122223333:service-revision/shop/cart/1", "arn:aws:ecs:us-east-1:111122223333:service/shop/cart",
                "arn:aws:ecs:us-east-1:111122223333:cluster/shop", taskDefinition, capacity, launchType,
                launchType == null ? null : "1.4.0", "Linux", loadBalancers, vpc == null ? null : new NetworkConfiguration(vpc), images, null);
    }

    /** "change field: older → newer" per row, for reading the whole comparison at a glance. */
    private static String lines(List<RevisionComparisonRow> rows) {
        return rows.stream().map(r -> r.change() + " " + r.section() + " / " + r.field() + ": " + r.older() + " \u2192 " + r.newer())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void aMovedTargetGroupANewSidecarANewNetworkAndCapacityProvidersInsteadOfALaunchType() {
        ServiceRevision older = revision("arn:aws:ecs:us-east-1:111122223333:task-definition/cart:7", List.of(), "FARGATE",
                List.of(new LoadBalancer(TG + "cart-a/aaaa", null, "cart", 8080,
                        new AdvancedConfiguration(TG + "cart-b/bbbb", RULE + "prod1/r1", RULE + "test1/r2", "arn:aws:iam::111122223333:role/lb"))),
                new AwsVpcConfiguration(List.of("subnet-1"), List.of("sg-1"), "DISABLED"),
                List.of(new ContainerImage("cart", "sha256:1111", "cart:1.0")));
        ServiceRevision newer = revision("arn:aws:ecs:us-east-1:111122223333:task-definition/cart:8",
                List.of(new CapacityProviderStrategyItem("FARGATE_SPOT", 3, null), new CapacityProviderStrategyItem("FARGATE", 1, 1)), null,
                List.of(new LoadBalancer(TG + "cart-c/cccc", null, "cart", 9090)),
                new AwsVpcConfiguration(List.of("subnet-1", "subnet-2"), List.of("sg-1"), "ENABLED"),
                List.of(new ContainerImage("cart", "sha256:1111", "cart:1.0"), new ContainerImage("envoy", "sha256:2222", "envoy:1.29")));

        assertEquals(String.join("\n",
                "CHANGED Revision / Task definition: cart:7 \u2192 cart:8",
                "UNCHANGED Images / cart image: cart:1.0 \u2192 cart:1.0",
                "UNCHANGED Images / cart digest: sha256:1111 \u2192 sha256:1111",
                "ADDED Images / envoy image: null \u2192 envoy:1.29",
                "ADDED Images / envoy digest: null \u2192 sha256:2222",
                "REMOVED Load balancers / cart-a container: cart:8080 \u2192 null",
                "REMOVED Load balancers / cart-a alternate target group: cart-b \u2192 null",
                "REMOVED Load balancers / cart-a production listener rule: shop-alb rule r1 \u2192 null",
                "REMOVED Load balancers / cart-a test listener rule: shop-alb rule r2 \u2192 null",
                "REMOVED Load balancers / cart-a role: lb \u2192 null",
                "ADDED Load balancers / cart-c container: null \u2192 cart:9090",
                "CHANGED Network / Subnets: subnet-1 \u2192 subnet-1, subnet-2",
                "UNCHANGED Network / Security groups: sg-1 \u2192 sg-1",
                "CHANGED Network / Public IP: DISABLED \u2192 ENABLED",
                "ADDED Capacity / Capacity providers: null \u2192 FARGATE_SPOT weight 3, FARGATE weight 1 base 1",
                "REMOVED Capacity / Launch type: FARGATE \u2192 null",
                "REMOVED Capacity / Platform version: 1.4.0 \u2192 null",
                "UNCHANGED Capacity / Platform family: Linux \u2192 Linux"),
                lines(RevisionComparisonRows.of(older, newer)));
    }

    @Test
    void aRevisionWithoutLoadBalancersOrAwsvpcHasNoRowsForThem() {
        ServiceRevision ec2 = revision("arn:aws:ecs:us-east-1:111122223333:task-definition/cart:7", List.of(), "EC2", List.of(), null,
                List.of(new ContainerImage("cart", "sha256:1111", "cart:1.0")));
        List<RevisionComparisonRow> rows = RevisionComparisonRows.of(ec2, ec2);
        assertEquals(List.of("Task definition", "cart image", "cart digest", "Launch type", "Platform version", "Platform family"),
                rows.stream().map(RevisionComparisonRow::field).toList());
        assertEquals(List.of(Change.UNCHANGED), rows.stream().map(RevisionComparisonRow::change).distinct().toList());
    }

    @Test
    void shortNamesOfTargetGroupsAndListenerRules() {
        assertEquals("checkout-blue", RevisionComparisonRows.shortTarget(TG + "checkout-blue/ead5b792b7cd421e"));
        assertEquals("shop-alb rule e2135e215c760b83", RevisionComparisonRows.shortRule(RULE + "7b3f7d26e4c81b82/e2135e215c760b83"));
        assertEquals("not-an-arn", RevisionComparisonRows.shortRule("not-an-arn"));
    }
}
