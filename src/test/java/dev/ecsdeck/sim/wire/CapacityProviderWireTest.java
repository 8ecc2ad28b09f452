package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.ECS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterSettingName;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ManagedDraining;
import software.amazon.awssdk.services.ecs.model.ManagedScalingStatus;
import software.amazon.awssdk.services.ecs.model.ManagedTerminationProtection;
import software.amazon.awssdk.services.ecs.model.ResourceInUseException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Capacity providers over the wire, with the real SDK v2 ECS client and raw HTTP: their lifecycle
 * and ECS's errors, FARGATE/FARGATE_SPOT strategies deciding where tasks run (base first, then by
 * weight; the cluster's default strategy when a call names neither launch type nor strategy;
 * UpdateService switching strategies).
 */
class CapacityProviderWireTest {
    private static final String ASG = "arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:1a2b:autoScalingGroupName/asg-1";
    private static final String VPC = "\"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [\"subnet-0aa\", \"subnet-0bb\"]}}";

    private WireFixture sim;
    private EcsClient ecs;

    @BeforeEach
    void start() throws IOException {
        sim = new WireFixture();
        ecs = SdkClients.against(sim.endpoint(), EcsClient.builder());
    }

    @AfterEach
    void close() {
        ecs.close();
        sim.close();
    }

    private static CapacityProviderStrategyItem item(String provider, int weight, int base) {
        return CapacityProviderStrategyItem.builder().capacityProvider(provider).weight(weight).base(base).build();
    }

    private void fargateCluster(String name) {
        ecs.createCluster(r -> r.clusterName(name).capacityProviders("FARGATE", "FARGATE_SPOT"));
    }

    private List<Task> tasksOf(String cluster, String service) {
        List<String> arns = ecs.listTasks(r -> r.cluster(cluster).serviceName(service).maxResults(100)).taskArns();
        return ecs.describeTasks(r -> r.cluster(cluster).tasks(arns)).tasks();
    }

    private static Map<String, Integer> byProvider(List<Task> tasks) {
        Map<String, Integer> counts = new TreeMap<>();
        tasks.forEach(t -> counts.merge(String.valueOf(t.capacityProviderName()), 1, Integer::sum));
        return counts;
    }

    @Test
    void aFargateStrategyPlacesTheBaseFirstThenSplitsByWeight() {
        fargateCluster("cp");
        Service created = ecs.createService(r -> r.cluster("cp").serviceName("split").taskDefinition("web").desiredCount(10)
                .capacityProviderStrategy(item("FARGATE", 1, 2), item("FARGATE_SPOT", 3, 0))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0aa", "subnet-0bb")))).service();
        assertNull(created.launchTypeAsString(), "a service with a strategy has no launch type");
        assertEquals(List.of(item("FARGATE", 1, 2), item("FARGATE_SPOT", 3, 0)), created.capacityProviderStrategy());

        sim.clock.advance(Duration.ofSeconds(5));
        List<Task> tasks = tasksOf("cp", "split");
        assertEquals(10, tasks.size());
        // 2 of the base on FARGATE, then the other 8 by weight 1:3.
        assertEquals(Map.of("FARGATE", 4, "FARGATE_SPOT", 6), byProvider(tasks));
        assertTrue(tasks.stream().allMatch(t -> "FARGATE".equals(t.launchTypeAsString())), "Fargate providers' tasks are FARGATE tasks");
    }

    @Test
    void runTaskGoesByItsStrategyOrElseTheClusterDefault() {
        fargateCluster("cp");
        Cluster put = ecs.putClusterCapacityProviders(r -> r.cluster("cp").capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(item("FARGATE_SPOT", 1, 0))).cluster();
        assertEquals(List.of(item("FARGATE_SPOT", 1, 0)), put.defaultCapacityProviderStrategy());

        List<Task> byDefault = ecs.runTask(r -> r.cluster("cp").taskDefinition("web").count(3)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0aa")))).tasks();
        assertEquals(Map.of("FARGATE_SPOT", 3), byProvider(byDefault));

        List<Task> own = ecs.runTask(r -> r.cluster("cp").taskDefinition("web").count(4)
                .capacityProviderStrategy(item("FARGATE", 1, 1), item("FARGATE_SPOT", 1, 0))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0aa")))).tasks();
        assertEquals(Map.of("FARGATE", 3, "FARGATE_SPOT", 1), byProvider(own), "1 of the base, then 1:1 from FARGATE, the first listed");

        List<Task> byLaunchType = ecs.runTask(r -> r.cluster("cp").taskDefinition("web").launchType("FARGATE")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0aa")))).tasks();
        assertNull(byLaunchType.get(0).capacityProviderName(), "a launch type overrides the default strategy");
    }

    @Test
    void updateServiceMovesAServiceBetweenLaunchTypeAndStrategy() {
        fargateCluster("cp");
        ecs.createService(r -> r.cluster("cp").serviceName("s").taskDefinition("web").desiredCount(2).launchType("FARGATE")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0aa"))));
        sim.clock.advance(Duration.ofMinutes(2));
        assertEquals(Map.of("null", 2), byProvider(tasksOf("cp", "s")));

        Service spot = ecs.updateService(r -> r.cluster("cp").service("s").capacityProviderStrategy(item("FARGATE_SPOT", 1, 0))
                .forceNewDeployment(true)).service();
        assertEquals(List.of(item("FARGATE_SPOT", 1, 0)), spot.capacityProviderStrategy());
        sim.clock.advance(Duration.ofMinutes(6));
        assertEquals(Map.of("FARGATE_SPOT", 2), byProvider(tasksOf("cp", "s")), "the forced deployment replaced the tasks on FARGATE_SPOT");

        Service back = ecs.updateService(r -> r.cluster("cp").service("s").capacityProviderStrategy(List.of())).service();
        assertEquals("FARGATE", back.launchTypeAsString(), "an empty strategy returns the service to its launch type");
        assertTrue(back.capacityProviderStrategy().isEmpty());

        sim.call(ECS, "UpdateService", "{\"cluster\": \"cp\", \"service\": \"s\", \"capacityProviderStrategy\":"
                + " [{\"capacityProvider\": \"nope\", \"weight\": 1}]}")
                .assertRefused(400, "InvalidParameterException", "not associated with the cluster");
    }

    @Test
    void strategiesAreCheckedAsEcsChecksThem() {
        fargateCluster("cp");
        String run = "{\"cluster\": \"cp\", \"taskDefinition\": \"web\", " + VPC + ", ";
        sim.call(ECS, "RunTask", run + "\"launchType\": \"FARGATE\", \"capacityProviderStrategy\": [{\"capacityProvider\": \"FARGATE\"}]}")
                .assertRefused(400, "InvalidParameterException", "Specifying both a launch type and capacity provider strategy");
        sim.call(ECS, "RunTask", run + "\"capacityProviderStrategy\": [{\"capacityProvider\": \"FARGATE\", \"weight\": 0}]}")
                .assertRefused(400, "InvalidParameterException", "weight greater than 0");
        sim.call(ECS, "RunTask", run + "\"capacityProviderStrategy\": [{\"capacityProvider\": \"FARGATE\", \"weight\": 1, \"base\": 1},"
                + " {\"capacityProvider\": \"FARGATE_SPOT\", \"weight\": 1, \"base\": 1}]}")
                .assertRefused(400, "InvalidParameterException", "Only one capacity provider");
        sim.call(ECS, "RunTask", run + "\"capacityProviderStrategy\": [{\"capacityProvider\": \"FARGATE\", \"weight\": 1001}]}")
                .assertRefused(400, "InvalidParameterException", "between 0 and 1000");
        sim.call(ECS, "CreateService", "{\"cluster\": \"prod-batch\", \"serviceName\": \"x\", \"taskDefinition\": \"web\", " + VPC
                + ", \"capacityProviderStrategy\": [{\"capacityProvider\": \"FARGATE\", \"weight\": 1}]}")
                .assertRefused(400, "InvalidParameterException", "not associated with the cluster");
        sim.ok(ECS, "CreateCapacityProvider", "{\"name\": \"group\", \"autoScalingGroupProvider\": {\"autoScalingGroupArn\": \"" + ASG + "\"}}");
        sim.ok(ECS, "PutClusterCapacityProviders", "{\"cluster\": \"cp\", \"capacityProviders\": [\"FARGATE\", \"group\"],"
                + " \"defaultCapacityProviderStrategy\": []}");
        sim.call(ECS, "RunTask", run + "\"capacityProviderStrategy\": [{\"capacityProvider\": \"FARGATE\", \"weight\": 1},"
                + " {\"capacityProvider\": \"group\", \"weight\": 1}]}")
                .assertRefused(400, "InvalidParameterException", "mix of capacity providers");
    }

    @Test
    void aCapacityProviderIsCreatedDescribedUpdatedAndDeletedWithTheSdk() {
        CapacityProvider created = ecs.createCapacityProvider(r -> r.name("group").tags(t -> t.key("team").value("ops"))
                .autoScalingGroupProvider(g -> g.autoScalingGroupArn(ASG).managedTerminationProtection(ManagedTerminationProtection.ENABLED)
                        .managedScaling(m -> m.status(ManagedScalingStatus.ENABLED).targetCapacity(90).maximumScalingStepSize(4))))
                .capacityProvider();
        assertEquals("ACTIVE", created.statusAsString());
        assertEquals("arn:aws:ecs:us-east-1:000000000000:capacity-provider/group", created.capacityProviderArn());
        assertEquals(90, created.autoScalingGroupProvider().managedScaling().targetCapacity());
        assertEquals(1, created.autoScalingGroupProvider().managedScaling().minimumScalingStepSize(), "the default step");
        assertEquals(300, created.autoScalingGroupProvider().managedScaling().instanceWarmupPeriod(), "the default warm-up");
        assertEquals(ManagedDraining.ENABLED, created.autoScalingGroupProvider().managedDraining(), "managed draining is on by default");

        DescribeCapacityProvidersResponse all = ecs.describeCapacityProviders(r -> r.include(CapacityProviderField.TAGS));
        assertEquals(List.of("FARGATE", "FARGATE_SPOT", "group"), all.capacityProviders().stream().map(CapacityProvider::name).toList());
        assertEquals("ops", all.capacityProviders().get(2).tags().get(0).value());
        ecs.tagResource(r -> r.resourceArn(created.capacityProviderArn()).tags(t -> t.key("tier").value("batch")));
        assertEquals(List.of("team", "tier"), ecs.listTagsForResource(r -> r.resourceArn(created.capacityProviderArn())).tags().stream()
                .map(software.amazon.awssdk.services.ecs.model.Tag::key).toList(), "capacity providers are taggable by ARN");
        DescribeCapacityProvidersResponse first = ecs.describeCapacityProviders(r -> r.maxResults(2));
        assertEquals(2, first.capacityProviders().size());
        assertFalse(first.capacityProviders().get(0).hasTags(), "tags only with include TAGS");
        DescribeCapacityProvidersResponse second = ecs.describeCapacityProviders(r -> r.maxResults(2).nextToken(first.nextToken()));
        assertEquals(List.of("group"), second.capacityProviders().stream().map(CapacityProvider::name).toList());
        DescribeCapacityProvidersResponse named = ecs.describeCapacityProviders(r -> r.capacityProviders("group", "nope"));
        assertEquals(1, named.capacityProviders().size());
        assertEquals("MISSING", named.failures().get(0).reason());

        CapacityProvider updated = ecs.updateCapacityProvider(r -> r.name("group").autoScalingGroupProvider(g -> g
                .managedScaling(m -> m.targetCapacity(75)).managedDraining(ManagedDraining.DISABLED))).capacityProvider();
        assertEquals(75, updated.autoScalingGroupProvider().managedScaling().targetCapacity());
        assertEquals(4, updated.autoScalingGroupProvider().managedScaling().maximumScalingStepSize(), "what was not given stays");
        assertEquals("UPDATE_COMPLETE", updated.updateStatusAsString());

        ecs.createCluster(r -> r.clusterName("ec2").capacityProviders("group")
                .defaultCapacityProviderStrategy(item("group", 1, 0)));
        Cluster described = ecs.describeClusters(r -> r.clusters("ec2").include(ClusterField.ATTACHMENTS)).clusters().get(0);
        assertEquals(List.of("group"), described.capacityProviders());
        assertEquals(List.of(item("group", 1, 0)), described.defaultCapacityProviderStrategy());
        assertEquals("as_policy", described.attachments().get(0).type());
        assertEquals("group", described.attachments().get(0).details().get(0).value());
        assertEquals("UPDATE_COMPLETE", described.attachmentsStatus());
        assertThrows(ClientException.class, () -> ecs.deleteCapacityProvider(r -> r.capacityProvider("group")),
                "a provider associated with a cluster is not deleted");

        ecs.putClusterCapacityProviders(r -> r.cluster("ec2").capacityProviders(List.of()).defaultCapacityProviderStrategy(List.of()));
        CapacityProvider deleted = ecs.deleteCapacityProvider(r -> r.capacityProvider("group")).capacityProvider();
        assertEquals("INACTIVE", deleted.statusAsString());
        assertEquals(List.of("FARGATE", "FARGATE_SPOT"),
                ecs.describeCapacityProviders(r -> r.maxResults(10)).capacityProviders().stream().map(CapacityProvider::name).toList());
    }

    @Test
    void updateClusterAndUpdateClusterSettingsWithTheSdk() {
        fargateCluster("cp");
        Cluster insights = ecs.updateClusterSettings(r -> r.cluster("cp").settings(s -> s.name(ClusterSettingName.CONTAINER_INSIGHTS)
                .value("enhanced"))).cluster();
        assertEquals("enhanced", insights.settings().get(0).value());
        Cluster updated = ecs.updateCluster(r -> r.cluster("cp").settings(s -> s.name(ClusterSettingName.CONTAINER_INSIGHTS).value("disabled"))
                .configuration(c -> c.executeCommandConfiguration(e -> e.logging("DEFAULT").kmsKeyId("key-1")))
                .serviceConnectDefaults(d -> d.namespace("internal"))).cluster();
        assertEquals(1, updated.settings().size(), "a setting is replaced, not added twice");
        assertEquals("disabled", updated.settings().get(0).value());
        assertEquals("key-1", updated.configuration().executeCommandConfiguration().kmsKeyId());
        assertTrue(updated.serviceConnectDefaults().namespace().startsWith("arn:aws:servicediscovery:us-east-1:000000000000:namespace/ns-"));
        Cluster described = ecs.describeClusters(r -> r.clusters("cp").include(ClusterField.CONFIGURATIONS)).clusters().get(0);
        assertEquals("DEFAULT", described.configuration().executeCommandConfiguration().loggingAsString());
        assertEquals(updated.serviceConnectDefaults(), described.serviceConnectDefaults());
        assertThrows(InvalidParameterException.class, () -> ecs.updateClusterSettings(r -> r.cluster("cp")
                .settings(s -> s.name("containerInsights").value("sometimes"))));
    }

    @Test
    void operationsRefuseBadInputAsEcsDoes() {
        String group = "\"autoScalingGroupProvider\": {\"autoScalingGroupArn\": \"" + ASG + "\"";
        sim.call(ECS, "CreateCapacityProvider", "{\"name\": \"ecs-group\", " + group + "}}")
                .assertRefused(400, "InvalidParameterException", "can't be prefixed");
        sim.call(ECS, "CreateCapacityProvider", "{\"name\": \"g\"}")
                .assertRefused(400, "InvalidParameterException", "autoScalingGroupArn");
        sim.call(ECS, "CreateCapacityProvider", "{" + group + "}}")
                .assertRefused(400, "InvalidParameterException", "name");
        sim.call(ECS, "CreateCapacityProvider", "{\"name\": \"g\", " + group + ", \"managedScaling\": {\"targetCapacity\": 0}}}")
                .assertRefused(400, "InvalidParameterException", "targetCapacity must be between 1 and 100");
        sim.call(ECS, "CreateCapacityProvider", "{\"name\": \"g\", " + group + ", \"managedTerminationProtection\": \"ENABLED\"}}")
                .assertRefused(400, "InvalidParameterException", "managed scaling must also be enabled");
        sim.call(ECS, "CreateCapacityProvider", "{\"name\": \"g\", " + group + ", \"managedDraining\": \"SOMETIMES\"}}")
                .assertRefused(400, "InvalidParameterException", "enum value set");
        sim.ok(ECS, "CreateCapacityProvider", "{\"name\": \"g\", " + group + "}}");
        sim.call(ECS, "CreateCapacityProvider", "{\"name\": \"g\", " + group + "}}")
                .assertRefused(400, "ClientException", "already exists");
        sim.call(ECS, "UpdateCapacityProvider", "{\"name\": \"nope\", \"autoScalingGroupProvider\": {}}")
                .assertRefused(400, "ClientException", "does not exist");
        sim.call(ECS, "DeleteCapacityProvider", "{\"capacityProvider\": \"FARGATE\"}")
                .assertRefused(400, "ClientException", "reserved");
        sim.call(ECS, "DescribeCapacityProviders", "{\"maxResults\": 11}")
                .assertRefused(400, "InvalidParameterException", "maxResults");
        sim.call(ECS, "PutClusterCapacityProviders", "{\"cluster\": \"nope\", \"capacityProviders\": [], \"defaultCapacityProviderStrategy\": []}")
                .assertRefused(400, "ClusterNotFoundException", "");
        sim.call(ECS, "PutClusterCapacityProviders", "{\"cluster\": \"staging\", \"capacityProviders\": [\"FARGATE\"]}")
                .assertRefused(400, "InvalidParameterException", "defaultCapacityProviderStrategy");
        sim.call(ECS, "PutClusterCapacityProviders", "{\"cluster\": \"staging\", \"capacityProviders\": [\"missing\"],"
                + " \"defaultCapacityProviderStrategy\": []}").assertRefused(400, "InvalidParameterException", "missing");
        sim.call(ECS, "PutClusterCapacityProviders", "{\"cluster\": \"staging\", \"capacityProviders\": [\"FARGATE\"],"
                + " \"defaultCapacityProviderStrategy\": [{\"capacityProvider\": \"FARGATE_SPOT\", \"weight\": 1}]}")
                .assertRefused(400, "InvalidParameterException", "not associated with the cluster");
        sim.call(ECS, "UpdateCluster", "{\"cluster\": \"staging\", \"settings\": [{\"name\": \"insights\", \"value\": \"enabled\"}]}")
                .assertRefused(400, "InvalidParameterException", "containerInsights");
        sim.call(ECS, "UpdateClusterSettings", "{\"cluster\": \"nope\", \"settings\": []}")
                .assertRefused(400, "ClusterNotFoundException", "");
    }

    @Test
    void aProviderInUseIsNotRemovedFromItsCluster() {
        fargateCluster("cp");
        ecs.createService(r -> r.cluster("cp").serviceName("spot").taskDefinition("web").desiredCount(1)
                .capacityProviderStrategy(item("FARGATE_SPOT", 1, 0))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0aa"))));
        ResourceInUseException refused = assertThrows(ResourceInUseException.class, () -> ecs.putClusterCapacityProviders(r -> r
                .cluster("cp").capacityProviders("FARGATE").defaultCapacityProviderStrategy(List.of())));
        assertTrue(refused.getMessage().contains("FARGATE_SPOT"), refused.getMessage());
        JsonNode cluster = sim.ok(ECS, "DescribeClusters", "{\"clusters\": [\"cp\"]}").get("clusters").get(0);
        assertEquals(2, cluster.get("capacityProviders").size(), "nothing changed");
    }
}
