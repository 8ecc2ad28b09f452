package dev.ecsdeck.sim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;

/** ListContainerInstances' filter in the cluster query language, through the SDK v2 client, on the demo's prod-batch. */
class ContainerInstanceFilterWireTest {
    private static final String CLUSTER = "prod-batch";
    private WireFixture sim;
    private EcsClient ecs;
    /** Every instance of the cluster by ARN, described. */
    private Map<String, ContainerInstance> instances;

    @BeforeEach
    void start() throws Exception {
        sim = new WireFixture();
        ecs = SdkClients.against(sim.endpoint(), EcsClient.builder());
        for (String zone : List.of("a", "b")) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("ecs.availability-zone", "us-east-1" + zone);
            attributes.put("ecs.instance-type", "t2.micro");
            sim.engine.clusters().registerContainerInstance(CLUSTER, 1024, 983, attributes);
        }
        List<String> arns = ecs.listContainerInstances(r -> r.cluster(CLUSTER)).containerInstanceArns();
        instances = ecs.describeContainerInstances(r -> r.cluster(CLUSTER).containerInstances(arns)).containerInstances().stream()
                .collect(Collectors.toMap(ContainerInstance::containerInstanceArn, i -> i, (a, b) -> a, LinkedHashMap::new));
        assertEquals(6, instances.size());
    }

    @AfterEach
    void stop() {
        ecs.close();
        sim.close();
    }

    private List<String> filtered(String filter) {
        return ecs.listContainerInstances(r -> r.cluster(CLUSTER).filter(filter)).containerInstanceArns();
    }

    private String attribute(ContainerInstance i, String name) {
        return i.attributes().stream().filter(a -> a.name().equals(name)).map(a -> a.value()).findFirst().orElse(null);
    }

    /** The instances (in listing order) for which {@code test} holds: what the filter should answer. */
    private List<String> where(java.util.function.Predicate<ContainerInstance> test) {
        return instances.values().stream().filter(test).map(ContainerInstance::containerInstanceArn).toList();
    }

    @Test
    void filtersByAttributesAndTheOtherSubjects() {
        List<String> micro = where(i -> "t2.micro".equals(attribute(i, "ecs.instance-type")));
        assertEquals(2, micro.size());
        assertEquals(micro, filtered("attribute:ecs.instance-type == t2.micro"));
        assertEquals(micro, filtered("attribute:ecs.instance-type equals t2.micro"));
        assertEquals(where(i -> !micro.contains(i.containerInstanceArn())), filtered("attribute:ecs.instance-type != t2.micro"));
        assertEquals(micro, filtered("attribute:ecs.instance-type =~ t2.*"));
        List<String> inAB = where(i -> List.of("us-east-1a", "us-east-1b").contains(attribute(i, "ecs.availability-zone")));
        assertTrue(inAB.size() >= 3 && inAB.size() < 6, inAB.toString());
        assertEquals(inAB, filtered("attribute:ecs.availability-zone in [us-east-1a, us-east-1b]"));
        assertEquals(where(i -> !inAB.contains(i.containerInstanceArn())), filtered("attribute:ecs.availability-zone not_in ['us-east-1a', 'us-east-1b']"));
        assertEquals(where(i -> micro.contains(i.containerInstanceArn()) && "us-east-1a".equals(attribute(i, "ecs.availability-zone"))),
                filtered("attribute:ecs.instance-type == t2.micro and attribute:ecs.availability-zone == us-east-1a"));
        assertEquals(where(i -> micro.contains(i.containerInstanceArn()) || "us-east-1c".equals(attribute(i, "ecs.availability-zone"))),
                filtered("(attribute:ecs.instance-type == t2.micro || attribute:ecs.availability-zone == us-east-1c) && agentConnected == true"));
        assertEquals(List.of(), filtered("!(attribute:ecs.instance-type exists)"));
        assertEquals(List.copyOf(instances.keySet()), filtered("attribute:no.such !exists"));

        ContainerInstance first = instances.values().iterator().next();
        assertEquals(List.of(first.containerInstanceArn()), filtered("ec2InstanceId == " + first.ec2InstanceId()));
        // The demo's batch tasks run on the m5 instances; the t2.micro ones were added empty.
        List<String> busy = where(i -> i.runningTasksCount() > 0);
        assertTrue(!busy.isEmpty() && busy.stream().noneMatch(micro::contains), busy.toString());
        assertEquals(busy, filtered("runningTasksCount > 0"));
        assertEquals(where(i -> i.runningTasksCount() == 0), filtered("runningTasksCount less_than_equal 0"));
        assertEquals(List.copyOf(instances.keySet()), filtered("registeredAt >= 2000-01-01"));
        assertEquals(List.of(), filtered("registeredAt < 2000-01-01T00:00:00Z"));
    }

    @Test
    void aBadExpressionIsInvalidParameter() {
        for (String bad : List.of("attribute:ecs.instance-type", "attribute:ecs.instance-type == ", "nonsense == 1",
                "attribute:a in [x, y", "(attribute:a == b", "attribute:a == b and", "runningTasksCount > many", "attribute:a ~~ b", " ")) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> filtered(bad), bad);
            assertEquals(400, e.statusCode());
        }
    }
}
