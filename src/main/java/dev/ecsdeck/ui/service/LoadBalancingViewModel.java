package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.AdvancedConfiguration;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.ListenerRule;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.TargetGroup;
import dev.ecsdeck.model.TargetHealth;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskTargets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The service's load balancing: its target groups (the load balancers' own and their alternate ones
 * for traffic-shifting deployments) with their targets' health, the listener rules that forward to
 * them with each group's share of the requests, and every registered target. Read on the panel's poll
 * while the section is shown: DescribeTargetGroups, DescribeTargetHealth per group, the listener
 * rules of each load balancer of those groups. A service without load balancers reads nothing.
 */
public final class LoadBalancingViewModel implements ServicePart {
    static final String NO_LOAD_BALANCER = "No load balancer: this service's tasks are not registered with any target group.";

    /** A target group: what it routes to, how it checks health, its targets by state, and the load balancers that use it. */
    public record GroupRow(String targetGroupArn, String name, String protocolPort, String targetType, String healthCheckPath,
            int healthy, int unhealthy, int draining, String targets, String loadBalancers) {}

    /** A listener rule forwarding to the service's groups: "production" or "test" when the deployment configuration names it. */
    public record RuleRow(String ruleArn, String role, String listener, String priority, String conditions, String weights) {}

    /** A registered target and its health. */
    public record TargetRow(String key, String targetGroup, String target, String zone, String state, String reason, String description) {}

    private record Read(List<GroupRow> groups, List<RuleRow> rules, List<TargetRow> targets) {}

    private final ServicePanelContext ctx;
    private final ReadOnlyObjectProperty<EcsService> service;
    private final ObservableList<GroupRow> groups = FXCollections.observableArrayList();
    private final ObservableList<RuleRow> rules = FXCollections.observableArrayList();
    private final ObservableList<TargetRow> targets = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty loadBalanced = new SimpleBooleanProperty(false);
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private boolean loading;
    private boolean again;

    public LoadBalancingViewModel(ServicePanelContext ctx, ReadOnlyObjectProperty<EcsService> service) {
        this.ctx = ctx;
        this.service = service;
        shown.addListener((obs, was, now) -> {
            if (now) {
                refresh();
            }
        });
    }

    /** Reads (again) while the section is shown; a read asked for while one is under way follows it. */
    @Override
    public void refresh() {
        EcsService s = service.get();
        if (s == null || !shown.get()) {
            return;
        }
        List<LoadBalancer> loadBalancers = s.loadBalancers();
        if (loadBalancers.isEmpty()) {
            loadBalanced.set(false);
            groups.clear();
            rules.clear();
            targets.clear();
            message.set(NO_LOAD_BALANCER);
            return;
        }
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        BackgroundTask.of(() -> read(loadBalancers))
                .onSuccess(read -> {
                    loadBalanced.set(true);
                    KeyedListMerge.merge(groups, read.groups(), GroupRow::targetGroupArn);
                    KeyedListMerge.merge(rules, read.rules(), RuleRow::ruleArn);
                    KeyedListMerge.merge(targets, read.targets(), TargetRow::key);
                    message.set("");
                })
                .onFailure(error -> message.set("Load balancing: " + ErrorText.of(error)))
                .onFinished(() -> {
                    loading = false;
                    if (again) {
                        again = false;
                        refresh();
                    }
                })
                .executeWith(ctx.executor());
    }

    private Read read(List<LoadBalancer> loadBalancers) {
        List<String> groupArns = TaskTargets.targetGroupsOf(loadBalancers);
        List<TargetGroup> described = ctx.provider().describeTargetGroups(groupArns);
        Map<String, List<TargetHealth>> health = new LinkedHashMap<>();
        Set<String> loadBalancerArns = new LinkedHashSet<>();
        for (TargetGroup g : described) {
            health.put(g.targetGroupArn(), ctx.provider().describeTargetHealth(g.targetGroupArn()));
            loadBalancerArns.addAll(g.loadBalancerArns());
        }
        List<GroupRow> groupRows = described.stream().map(g -> groupRow(g, health.get(g.targetGroupArn()))).toList();
        List<RuleRow> ruleRows = new ArrayList<>();
        for (String lb : loadBalancerArns) {
            for (ListenerRule r : ctx.provider().describeListenerRules(lb)) {
                if (r.forwardTo().stream().anyMatch(w -> groupArns.contains(w.targetGroupArn()))) {
                    ruleRows.add(ruleRow(r, loadBalancers));
                }
            }
        }
        List<TargetRow> targetRows = new ArrayList<>();
        health.forEach((group, list) -> list.forEach(t -> targetRows.add(targetRow(t))));
        return new Read(groupRows, ruleRows, targetRows);
    }

    static GroupRow groupRow(TargetGroup g, List<TargetHealth> health) {
        Map<String, Integer> byState = new LinkedHashMap<>();
        health.forEach(t -> byState.merge(t.state(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        byState.entrySet().stream().sorted(Comparator.comparingInt(e -> TaskTargets.severity(e.getKey())))
                .forEach(e -> parts.add(e.getValue() + " " + e.getKey()));
        String targets = parts.isEmpty() ? "no targets registered" : String.join(" · ", parts);
        String protocolPort = (g.protocol() == null ? "" : g.protocol()) + (g.port() == null ? "" : ":" + g.port());
        String loadBalancers = g.loadBalancerArns().isEmpty() ? "none"
                : String.join(", ", g.loadBalancerArns().stream().map(LoadBalancingViewModel::loadBalancerName).toList());
        return new GroupRow(g.targetGroupArn(), g.targetGroupName(), protocolPort, g.targetType(), Objects.toString(g.healthCheckPath(), ""),
                byState.getOrDefault("healthy", 0), byState.getOrDefault("unhealthy", 0), byState.getOrDefault("draining", 0), targets, loadBalancers);
    }

    static RuleRow ruleRow(ListenerRule r, List<LoadBalancer> loadBalancers) {
        String role = "";
        for (LoadBalancer lb : loadBalancers) {
            AdvancedConfiguration a = lb.advancedConfiguration();
            if (a != null && r.ruleArn().equals(a.productionListenerRule())) {
                role = "production";
            } else if (a != null && r.ruleArn().equals(a.testListenerRule())) {
                role = "test";
            }
        }
        String listener = (r.listenerProtocol() == null ? "" : r.listenerProtocol()) + (r.listenerPort() == null ? "" : ":" + r.listenerPort());
        String conditions = r.isDefault() || r.conditions().isEmpty() ? "default action" : String.join(" and ", r.conditions());
        List<String> weights = new ArrayList<>();
        for (ListenerRule.WeightedTargetGroup w : r.forwardTo()) {
            weights.add(TaskTargets.targetGroupName(w.targetGroupArn()) + " " + percent(r.percentTo(w.targetGroupArn())));
        }
        return new RuleRow(r.ruleArn(), role, listener, r.isDefault() ? "default" : Objects.toString(r.priority(), ""), conditions,
                String.join(" · ", weights));
    }

    static TargetRow targetRow(TargetHealth t) {
        String target = t.targetId() + (t.port() == null ? "" : ":" + t.port());
        return new TargetRow(t.targetGroupArn() + "|" + target, TaskTargets.targetGroupName(t.targetGroupArn()), target,
                Objects.toString(t.availabilityZone(), ""), t.state(), Objects.toString(t.reason(), ""), Objects.toString(t.description(), ""));
    }

    /** "95%", "33.3%". */
    static String percent(double p) {
        double rounded = Math.round(p * 10) / 10.0;
        return (rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded)) + "%";
    }

    /** "prod-web-alb" from "arn:aws:elasticloadbalancing:…:loadbalancer/app/prod-web-alb/24802eb9284b254a". */
    static String loadBalancerName(String arn) {
        int at = arn.indexOf(":loadbalancer/");
        if (at < 0) {
            return arn;
        }
        String[] parts = arn.substring(at + ":loadbalancer/".length()).split("/");
        return parts.length >= 2 ? parts[1] : parts[0];
    }

    // ---- properties ----

    public ObservableList<GroupRow> groups() {
        return groups;
    }

    public ObservableList<RuleRow> rules() {
        return rules;
    }

    public ObservableList<TargetRow> targets() {
        return targets;
    }

    /** Says when the service has no load balancer, or why a read failed; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Whether the service has load balancers (the tables show only then). */
    public ReadOnlyBooleanProperty loadBalancedProperty() {
        return loadBalanced;
    }

    /** Whether the section is on screen: it reads only then (and at once when it comes back). */
    public BooleanProperty shownProperty() {
        return shown;
    }
}
