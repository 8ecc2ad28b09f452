package dev.ecsdeck.provider.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.ListenerRule;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceDeploymentBrief;
import dev.ecsdeck.model.TargetGroup;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.provider.aws.AwsEcsProvider;
import dev.ecsdeck.provider.aws.AwsSettings;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.wire.WireServer;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import dev.ecsdeck.ui.tree.ClusterTreeViewModel;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Same calls, same results: two identical demo simulations, one read in process and one through the
 * AWS SDK over HTTP, give equal records (service deployments, revisions, target groups, target health
 * and listener rules included) — and the console's tree, fully expanded, shows the same.
 */
class AwsMatchesSimTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private SimProvider sim;
    private WireServer server;
    private AwsEcsProvider aws;

    @BeforeEach
    void setUp() throws Exception {
        sim = new DemoSim().provider;
        SimEngine served = DemoSim.demoEngine();
        server = new WireServer(served, ApiFaults.realTime(1), 0);
        aws = new AwsEcsProvider(new AwsSettings(null, "us-east-1", URI.create("http://127.0.0.1:" + server.port())));
    }

    @AfterEach
    void tearDown() {
        aws.close();
        server.close();
        sim.close();
    }

    private static List<EcsService> byName(List<EcsService> services) {
        return services.stream().sorted(Comparator.comparing(EcsService::serviceName)).toList();
    }

    @Test
    void everyRecordIsTheSameThroughTheSdk() throws Exception {
        assertEquals(sim.listClusters(), aws.listClusters());
        for (String c : List.of("prod-web", "prod-batch", "staging")) {
            assertEquals(byName(sim.listServices(c)), byName(aws.listServices(c)), c);
            assertEquals(sim.listTasks(c, TaskFilter.running()), aws.listTasks(c, TaskFilter.running()), c);
            assertEquals(sim.listTasks(c, new TaskFilter(null, null, null, null, "STOPPED")),
                    aws.listTasks(c, new TaskFilter(null, null, null, null, "STOPPED")), c);
            assertEquals(sim.listContainerInstances(c), aws.listContainerInstances(c), c);
        }
        assertEquals(sim.listTaskDefinitionFamilies(), aws.listTaskDefinitionFamilies());
        for (String family : sim.listTaskDefinitionFamilies()) {
            assertEquals(sim.listTaskDefinitions(family, true), aws.listTaskDefinitions(family, true));
            TaskDefinition a = sim.describeTaskDefinition(family);
            TaskDefinition b = aws.describeTaskDefinition(family);
            assertEquals(JSON.readTree(a.json()), JSON.readTree(b.json()), family);
            assertEquals(a, new TaskDefinition(b.taskDefinitionArn(), b.family(), b.revision(), b.status(), b.networkMode(), b.cpu(),
                    b.memory(), b.requiresCompatibilities(), b.containerNames(), b.registeredAt(), b.registeredBy(), b.deregisteredAt(),
                    a.json()));
        }
        assertEquals(sim.describeScaling("prod-web", "orders-api"), aws.describeScaling("prod-web", "orders-api"));
    }

    @Test
    void deploymentsRevisionsAndLoadBalancingAreTheSameThroughTheSdk() {
        Set<String> loadBalancers = new TreeSet<>();
        List<String> shifting = new ArrayList<>();
        for (String c : List.of("prod-web", "prod-batch")) {
            for (EcsService s : byName(sim.listServices(c))) {
                List<ServiceDeploymentBrief> briefs = sim.listServiceDeployments(c, s.serviceName());
                assertFalse(briefs.isEmpty(), s.serviceName());
                assertEquals(briefs, aws.listServiceDeployments(c, s.serviceName()), s.serviceName());
                List<String> arns = briefs.stream().map(ServiceDeploymentBrief::serviceDeploymentArn).toList();
                List<ServiceDeployment> deployments = sim.describeServiceDeployments(arns);
                assertEquals(deployments, aws.describeServiceDeployments(arns), s.serviceName());
                List<String> revisions = deployments.stream().map(d -> d.targetServiceRevision().arn()).toList();
                assertEquals(sim.describeServiceRevisions(revisions), aws.describeServiceRevisions(revisions), s.serviceName());
                for (LoadBalancer lb : s.loadBalancers()) {
                    List<String> groups = lb.advancedConfiguration() == null ? List.of(lb.targetGroupArn())
                            : List.of(lb.targetGroupArn(), lb.advancedConfiguration().alternateTargetGroupArn());
                    List<TargetGroup> described = sim.describeTargetGroups(groups);
                    assertEquals(described, aws.describeTargetGroups(groups), s.serviceName());
                    described.forEach(g -> loadBalancers.addAll(g.loadBalancerArns()));
                    for (String g : groups) {
                        assertEquals(sim.describeTargetHealth(g), aws.describeTargetHealth(g), g);
                    }
                    if (lb.advancedConfiguration() != null) {
                        shifting.add(s.serviceName());
                    }
                }
            }
        }
        assertEquals(List.of("catalog", "checkout", "search", "web"), shifting, "shift traffic between two target groups");
        assertEquals(2, loadBalancers.size(), "prod-web-alb and prod-batch-internal: " + loadBalancers);
        for (String lb : loadBalancers) {
            List<ListenerRule> rules = sim.describeListenerRules(lb);
            assertFalse(rules.isEmpty(), lb);
            assertEquals(rules, aws.describeListenerRules(lb), lb);
        }
    }

    @Test
    void theConsoleTreeIsTheSame() {
        assertEquals(render(sim), render(aws));
    }

    /** Every row of the fully expanded tree, indented, with its key. */
    static String render(EcsProvider provider) {
        ClusterTreeViewModel tree = new ClusterTreeViewModel(provider, new CurrentThreadTaskExecutor());
        tree.start();
        expand(tree.root());
        StringBuilder sb = new StringBuilder();
        print(tree.root(), 0, sb);
        assertTrue(sb.length() > 1000);
        return sb.toString().replace(provider.description().label(), "<backend>");
    }

    private static void expand(TreeItem<TreeEntry> item) {
        item.setExpanded(true);
        for (TreeItem<TreeEntry> child : List.copyOf(item.getChildren())) {
            expand(child);
        }
    }

    private static void print(TreeItem<TreeEntry> item, int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth)).append(item.getValue().name()).append(" [").append(item.getValue().key()).append("]\n");
        for (TreeItem<TreeEntry> child : item.getChildren()) {
            print(child, depth + 1, sb);
        }
    }
}
