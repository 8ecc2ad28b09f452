package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.AdvancedConfiguration;
import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.AwsVpcConfiguration;
import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.ServiceRevision;
import dev.ecsdeck.ui.common.TimeFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rows comparing what two service revisions run besides the task definition's content, in
 * this order: the revision itself (task definition, created), the images by container, the load
 * balancers by target group, the network, the capacity. Containers and load balancers are matched
 * by name and target group, in the older revision's order, then the newer one's additions. A field
 * neither revision has gives no row.
 */
final class RevisionComparisonRows {
    static final String REVISION = "Revision";
    static final String IMAGES = "Images";
    static final String LOAD_BALANCERS = "Load balancers";
    static final String NETWORK = "Network";
    static final String CAPACITY = "Capacity";

    private final ServiceRevision older;
    private final ServiceRevision newer;
    private final List<RevisionComparisonRow> rows = new ArrayList<>();

    private RevisionComparisonRows(ServiceRevision older, ServiceRevision newer) {
        this.older = older;
        this.newer = newer;
    }

    static List<RevisionComparisonRow> of(ServiceRevision older, ServiceRevision newer) {
        RevisionComparisonRows out = new RevisionComparisonRows(older, newer);
        out.revision();
        out.images();
        out.loadBalancers();
        out.network();
        out.capacity();
        return List.copyOf(out.rows);
    }

    private void revision() {
        add(REVISION, "Task definition", r -> r.taskDefinition() == null ? null : Arns.familyRevision(r.taskDefinition()));
        add(REVISION, "Created", r -> r.createdAt() == null ? null : TimeFormat.local(r.createdAt()));
    }

    private void images() {
        Map<String, ServiceRevision.ContainerImage> was = byKey(older.containerImages(), ServiceRevision.ContainerImage::containerName);
        Map<String, ServiceRevision.ContainerImage> now = byKey(newer.containerImages(), ServiceRevision.ContainerImage::containerName);
        for (String container : union(was.keySet(), now.keySet())) {
            ServiceRevision.ContainerImage a = was.get(container);
            ServiceRevision.ContainerImage b = now.get(container);
            row(IMAGES, container + " image", a == null ? null : a.image(), b == null ? null : b.image());
            row(IMAGES, container + " digest", a == null ? null : a.imageDigest(), b == null ? null : b.imageDigest());
        }
    }

    private void loadBalancers() {
        Map<String, LoadBalancer> was = byKey(older.loadBalancers(), RevisionComparisonRows::targetOf);
        Map<String, LoadBalancer> now = byKey(newer.loadBalancers(), RevisionComparisonRows::targetOf);
        for (String target : union(was.keySet(), now.keySet())) {
            LoadBalancer a = was.get(target);
            LoadBalancer b = now.get(target);
            String name = target + " ";
            row(LOAD_BALANCERS, name + "container", container(a), container(b));
            AdvancedConfiguration x = a == null ? null : a.advancedConfiguration();
            AdvancedConfiguration y = b == null ? null : b.advancedConfiguration();
            row(LOAD_BALANCERS, name + "alternate target group", x == null ? null : shortTarget(x.alternateTargetGroupArn()),
                    y == null ? null : shortTarget(y.alternateTargetGroupArn()));
            row(LOAD_BALANCERS, name + "production listener rule", x == null ? null : shortRule(x.productionListenerRule()),
                    y == null ? null : shortRule(y.productionListenerRule()));
            row(LOAD_BALANCERS, name + "test listener rule", x == null ? null : shortRule(x.testListenerRule()),
                    y == null ? null : shortRule(y.testListenerRule()));
            row(LOAD_BALANCERS, name + "role", x == null ? null : Arns.lastSegment(x.roleArn()), y == null ? null : Arns.lastSegment(y.roleArn()));
        }
    }

    private void network() {
        add(NETWORK, "Subnets", r -> joined(vpc(r) == null ? null : vpc(r).subnets()));
        add(NETWORK, "Security groups", r -> joined(vpc(r) == null ? null : vpc(r).securityGroups()));
        add(NETWORK, "Public IP", r -> vpc(r) == null ? null : vpc(r).assignPublicIp());
    }

    private void capacity() {
        add(CAPACITY, "Capacity providers", r -> r.capacityProviderStrategy().isEmpty() ? null
                : r.capacityProviderStrategy().stream().map(RevisionComparisonRows::strategyItem).collect(Collectors.joining(", ")));
        add(CAPACITY, "Launch type", ServiceRevision::launchType);
        add(CAPACITY, "Platform version", ServiceRevision::platformVersion);
        add(CAPACITY, "Platform family", ServiceRevision::platformFamily);
    }

    private void add(String section, String field, Function<ServiceRevision, String> value) {
        row(section, field, value.apply(older), value.apply(newer));
    }

    private void row(String section, String field, String a, String b) {
        if (a != null || b != null) {
            rows.add(new RevisionComparisonRow(section, field, a, b));
        }
    }

    private static AwsVpcConfiguration vpc(ServiceRevision r) {
        return r.networkConfiguration() == null ? null : r.networkConfiguration().awsvpcConfiguration();
    }

    private static String joined(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }

    /** "FARGATE_SPOT weight 3 base 1"; the parts ECS leaves out are left out. */
    private static String strategyItem(CapacityProviderStrategyItem item) {
        return item.capacityProvider() + (item.weight() == null ? "" : " weight " + item.weight()) + (item.base() == null ? "" : " base " + item.base());
    }

    /** A load balancer by its target group's name, or a Classic Load Balancer's name. */
    private static String targetOf(LoadBalancer lb) {
        return lb.targetGroupArn() != null ? shortTarget(lb.targetGroupArn()) : String.valueOf(lb.loadBalancerName());
    }

    private static String container(LoadBalancer lb) {
        return lb == null || lb.containerName() == null ? null
                : lb.containerName() + (lb.containerPort() == null ? "" : ":" + lb.containerPort());
    }

    /** A target group's name: "checkout-blue" of "…:targetgroup/checkout-blue/ead5b792b7cd421e" (unique in an account and region). */
    static String shortTarget(String targetGroupArn) {
        if (targetGroupArn == null) {
            return null;
        }
        String[] parts = targetGroupArn.split("/");
        return parts.length >= 3 ? parts[parts.length - 2] : targetGroupArn;
    }

    /** A listener rule by its load balancer and its own id: "prod-web-alb rule e2135e215c760b83". */
    static String shortRule(String listenerRuleArn) {
        if (listenerRuleArn == null) {
            return null;
        }
        String[] parts = listenerRuleArn.split("/");
        return parts.length >= 6 ? parts[2] + " rule " + parts[parts.length - 1] : listenerRuleArn;
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> out = new LinkedHashMap<>();
        items.forEach(item -> out.putIfAbsent(key.apply(item), item));
        return out;
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return all;
    }
}
