package dev.ecsdeck.sim.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.Attachment;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.sim.SimFixture;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** awsvpc tasks get an elastic network interface: a subnet of theirs, a private address, ids; the same for the same seed. */
class NetworkInterfaceTest {

    private static List<String> addressesOfARun() {
        SimFixture sim = new SimFixture();
        sim.createFargateService("web", sim.fargateTaskDefinition("web", "acme/web:1"), 4, null);
        sim.advanceUntil("steady", Duration.ofMinutes(3), () -> SimFixture.steady(sim.service("web")));
        return sim.running("web").stream().map(t -> t.privateIpv4Address().orElseThrow()).toList();
    }

    @Test
    void aRunningFargateTaskHasAnAttachedInterfaceInOneOfItsSubnets() {
        SimFixture sim = new SimFixture();
        sim.createFargateService("web", sim.fargateTaskDefinition("web", "acme/web:1"), 4, null);
        sim.advance(Duration.ofSeconds(1));
        EcsTask provisioning = sim.running("web").get(0);
        Attachment early = provisioning.networkInterface().orElseThrow();
        assertEquals("PROVISIONING", provisioning.lastStatus());
        assertEquals("PRECREATED", early.status());
        assertTrue(early.detail("privateIPv4Address").isEmpty(), "no address before the interface is attached");

        sim.advanceUntil("steady", Duration.ofMinutes(3), () -> SimFixture.steady(sim.service("web")));
        Set<String> addresses = new HashSet<>();
        for (EcsTask t : sim.running("web")) {
            Attachment eni = t.networkInterface().orElseThrow();
            assertEquals("ElasticNetworkInterface", eni.type());
            assertEquals("ATTACHED", eni.status());
            assertTrue(List.of("subnet-0aa", "subnet-0bb").contains(eni.detail("subnetId").orElseThrow()));
            assertTrue(eni.detail("networkInterfaceId").orElseThrow().matches("eni-0[0-9a-f]{16}"));
            assertTrue(eni.detail("macAddress").orElseThrow().matches("0e(:[0-9a-f]{2}){5}"));
            String ip = t.privateIpv4Address().orElseThrow();
            assertTrue(ip.matches("10\\.0\\.\\d{1,3}\\.\\d{1,3}"), ip);
            assertEquals("ip-" + ip.replace('.', '-') + ".ec2.internal", eni.detail("privateDnsName").orElseThrow());
            assertTrue(addresses.add(ip), "no address twice: " + ip);
        }
    }

    @Test
    void theSameSeedGivesTheSameAddresses() {
        List<String> first = addressesOfARun();
        assertEquals(4, first.size());
        assertEquals(first, addressesOfARun());
    }

    @Test
    void aStoppedTaskKeepsItsDeletedInterfaceAndBridgeTasksHaveNone() {
        SimFixture sim = new SimFixture();
        sim.createFargateService("web", sim.fargateTaskDefinition("web", "acme/web:1"), 1, null);
        sim.advanceUntil("steady", Duration.ofMinutes(3), () -> SimFixture.steady(sim.service("web")));
        EcsTask task = sim.running("web").get(0);
        sim.engine.tasks().stopTask(sim.cluster, task.taskArn(), "test");
        sim.advanceUntil("stopped", Duration.ofMinutes(1),
                () -> "STOPPED".equals(sim.engine.tasks().describeTasks(sim.cluster, List.of(task.taskArn())).items().get(0).lastStatus()));
        EcsTask stopped = sim.engine.tasks().describeTasks(sim.cluster, List.of(task.taskArn())).items().get(0);
        assertEquals("DELETED", stopped.networkInterface().orElseThrow().status());
        assertEquals(task.privateIpv4Address(), stopped.privateIpv4Address());

        sim.instances(1, 2048, 4096, "a");
        String bridge = sim.ec2TaskDefinition("worker", 256, 512, 8080);
        EcsTask onEc2 = sim.engine.tasks().runTask(new dev.ecsdeck.model.RunTaskRequest(sim.cluster, bridge, 1, "EC2", null, null, null,
                null, null)).items().get(0);
        assertTrue(onEc2.attachments().isEmpty());
    }
}
