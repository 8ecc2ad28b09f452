package dev.ecsdeck.sim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.ManagedScalingStatus;
import software.amazon.awssdk.services.ecs.model.ManagedTerminationProtection;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Cluster auto scaling over the wire, on the simulator's manual clock: a service on an Auto Scaling
 * group capacity provider with managed scaling waits in PROVISIONING, the group launches the
 * instances it needs (they register with the cluster, spread over zones), the tasks are placed and
 * run; once the service scales to zero the idle instances are drained and terminated after
 * 15 minutes over target.
 */
class ClusterAutoScalingWireTest {
    private static final String ASG = "arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:9f:autoScalingGroupName/workers";

    private WireFixture sim;
    private EcsClient ecs;

    @BeforeEach
    void start() throws IOException {
        sim = WireFixture.empty();
        ecs = SdkClients.against(sim.endpoint(), EcsClient.builder());
    }

    @AfterEach
    void close() {
        ecs.close();
        sim.close();
    }

    private void groupCluster(int targetCapacity) {
        ecs.createCapacityProvider(r -> r.name("workers").autoScalingGroupProvider(g -> g.autoScalingGroupArn(ASG)
                .managedTerminationProtection(ManagedTerminationProtection.ENABLED)
                .managedScaling(m -> m.status(ManagedScalingStatus.ENABLED).targetCapacity(targetCapacity).instanceWarmupPeriod(60))));
        ecs.createCluster(r -> r.clusterName("asg"));
        ecs.putClusterCapacityProviders(r -> r.cluster("asg").capacityProviders("workers")
                .defaultCapacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("workers").weight(1).build()));
        ecs.registerTaskDefinition(r -> r.family("worker").cpu("1024").memory("2048").networkMode("bridge")
                .containerDefinitions(c -> c.name("w").image("public.ecr.aws/docker/library/busybox:1").essential(true)));
    }

    private List<Task> tasks() {
        List<String> arns = ecs.listTasks(r -> r.cluster("asg").serviceName("work")).taskArns();
        return arns.isEmpty() ? List.of() : ecs.describeTasks(r -> r.cluster("asg").tasks(arns)).tasks();
    }

    private List<ContainerInstance> instances(ContainerInstanceStatus status) {
        List<String> arns = ecs.listContainerInstances(r -> r.cluster("asg").status(status)).containerInstanceArns();
        return arns.isEmpty() ? List.of() : ecs.describeContainerInstances(r -> r.cluster("asg").containerInstances(arns)).containerInstances();
    }

    private static String attribute(ContainerInstance i, String name) {
        return i.attributes().stream().filter(a -> name.equals(a.name())).map(Attribute::value).findFirst().orElse(null);
    }

    @Test
    void managedScalingLaunchesInstancesForProvisioningTasksAndScalesInWhenIdle() {
        groupCluster(100);
        // No launch type, no strategy: the cluster's default strategy (the group) applies.
        ecs.createService(r -> r.cluster("asg").serviceName("work").taskDefinition("worker").desiredCount(3));
        sim.clock.advance(Duration.ofSeconds(2));
        List<Task> waiting = tasks();
        assertEquals(3, waiting.size());
        assertTrue(waiting.stream().allMatch(t -> "PROVISIONING".equals(t.lastStatus()) && t.containerInstanceArn() == null
                && "workers".equals(t.capacityProviderName()) && "EC2".equals(t.launchTypeAsString())), "tasks wait for capacity: " + waiting);
        assertEquals(List.of(), instances(ContainerInstanceStatus.ACTIVE));

        // Managed scaling looks once a minute: 3 tasks of 1 vCPU need 2 instances of 2 vCPU; they boot in 30 s.
        sim.clock.advance(Duration.ofSeconds(100));
        List<ContainerInstance> launched = instances(ContainerInstanceStatus.ACTIVE);
        assertEquals(2, launched.size());
        assertEquals(Set.of("us-east-1a", "us-east-1b"), launched.stream().map(i -> attribute(i, "ecs.availability-zone")).collect(Collectors.toSet()),
                "the group spreads its instances over zones");
        assertTrue(launched.stream().allMatch(i -> "m5.large".equals(attribute(i, "ecs.instance-type"))));
        assertTrue(launched.stream().allMatch(i -> "workers".equals(i.capacityProviderName())), "each instance names its capacity provider");
        sim.clock.advance(Duration.ofMinutes(1));
        List<Task> running = tasks();
        assertTrue(running.stream().allMatch(t -> "RUNNING".equals(t.lastStatus()) && t.containerInstanceArn() != null), running.toString());

        // Desired 0: the instances are idle; 15 minutes over target, then drained and terminated.
        ecs.updateService(r -> r.cluster("asg").service("work").desiredCount(0));
        sim.clock.advance(Duration.ofMinutes(10));
        assertEquals(2, instances(ContainerInstanceStatus.ACTIVE).size(), "scale-in waits for 15 minutes over target");
        sim.clock.advance(Duration.ofMinutes(8));
        assertEquals(List.of(), instances(ContainerInstanceStatus.ACTIVE));
        List<ContainerInstance> gone = ecs.describeContainerInstances(r -> r.cluster("asg")
                .containerInstances(launched.stream().map(ContainerInstance::containerInstanceArn).toList())).containerInstances();
        assertTrue(gone.stream().allMatch(i -> "INACTIVE".equals(i.status()) && i.statusReason().contains("terminated")), gone.toString());
    }

    @Test
    void aLowerTargetCapacityKeepsSpareInstancesAndBusyOnesAreKept() {
        groupCluster(50);
        ecs.createService(r -> r.cluster("asg").serviceName("work").taskDefinition("worker").desiredCount(2));
        // One instance holds both tasks; at 50% the group keeps a second, spare one.
        sim.clock.advance(Duration.ofMinutes(3));
        assertEquals(2, instances(ContainerInstanceStatus.ACTIVE).size());
        assertTrue(tasks().stream().allMatch(t -> "RUNNING".equals(t.lastStatus())));
        sim.clock.advance(Duration.ofMinutes(30));
        List<ContainerInstance> kept = instances(ContainerInstanceStatus.ACTIVE);
        assertEquals(2, kept.size(), "one busy instance and one spare: at target, no scale-in");
        assertEquals(2, kept.stream().mapToInt(ContainerInstance::runningTasksCount).sum());
        assertNull(ecs.describeClusters(r -> r.clusters("asg")).clusters().get(0).attachmentsStatus(), "attachments only when included");
    }

    /** A busy oldest instance (A, both tasks) and a newer idle spare (B); then the target goes back to 100% (one instance). */
    private ContainerInstance busyOldestAndSpareNewest(ManagedTerminationProtection protection) {
        groupCluster(100);
        ecs.createService(r -> r.cluster("asg").serviceName("work").taskDefinition("worker").desiredCount(2));
        sim.clock.advance(Duration.ofMinutes(3));
        ContainerInstance busy = instances(ContainerInstanceStatus.ACTIVE).get(0);
        ecs.updateCapacityProvider(r -> r.name("workers").autoScalingGroupProvider(g -> g.managedScaling(m -> m.targetCapacity(50))));
        sim.clock.advance(Duration.ofMinutes(3));
        assertEquals(2, instances(ContainerInstanceStatus.ACTIVE).size(), "a spare instance for 50% utilisation");
        ecs.updateCapacityProvider(r -> r.name("workers").autoScalingGroupProvider(g -> g.managedTerminationProtection(protection)
                .managedScaling(m -> m.targetCapacity(100))));
        return busy;
    }

    private ContainerInstance describe(String arn) {
        return ecs.describeContainerInstances(r -> r.cluster("asg").containerInstances(arn)).containerInstances().get(0);
    }

    @Test
    void withoutTerminationProtectionTheGroupDrainsABusyInstanceAndItsTasksMove() {
        ContainerInstance busy = busyOldestAndSpareNewest(ManagedTerminationProtection.DISABLED);
        String busyArn = busy.containerInstanceArn();
        sim.clock.advance(Duration.ofMinutes(14));
        ContainerInstance draining = describe(busyArn);
        for (int second = 0; second < 180 && "ACTIVE".equals(draining.status()); second += 5) {
            sim.clock.advance(Duration.ofSeconds(5));
            draining = describe(busyArn);
        }
        assertEquals("DRAINING", draining.status(), "the oldest instance, with tasks, is drained first (managed draining)");
        sim.clock.advance(Duration.ofMinutes(5));
        List<ContainerInstance> left = instances(ContainerInstanceStatus.ACTIVE);
        assertEquals(1, left.size());
        assertTrue(!left.get(0).containerInstanceArn().equals(busyArn));
        List<Task> running = tasks();
        assertEquals(2, running.size());
        assertTrue(running.stream().allMatch(t -> "RUNNING".equals(t.lastStatus()) && left.get(0).containerInstanceArn().equals(t.containerInstanceArn())),
                "the service moved its tasks to the instance that stays");
        assertEquals("INACTIVE", ecs.describeContainerInstances(r -> r.cluster("asg").containerInstances(busyArn)).containerInstances().get(0)
                .status());
    }

    @Test
    void withTerminationProtectionOnlyTheIdleInstanceIsTerminated() {
        ContainerInstance busy = busyOldestAndSpareNewest(ManagedTerminationProtection.ENABLED);
        sim.clock.advance(Duration.ofMinutes(20));
        List<ContainerInstance> left = instances(ContainerInstanceStatus.ACTIVE);
        assertEquals(List.of(busy.containerInstanceArn()), left.stream().map(ContainerInstance::containerInstanceArn).toList());
        assertEquals(2, left.get(0).runningTasksCount());
    }
}
