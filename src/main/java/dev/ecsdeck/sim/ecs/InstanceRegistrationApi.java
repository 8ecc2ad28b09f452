package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.VersionInfo;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.util.Map;
import java.util.Set;

/**
 * RegisterContainerInstance as the ECS agent calls it: its EC2 instance (id, zone, type from the
 * instance identity document), its resources, versions and attributes; and the agent's re-registration
 * of an instance it registered before (its ARN given), which updates that instance in place.
 */
public final class InstanceRegistrationApi {
    private final SimEngine engine;

    public InstanceRegistrationApi(SimEngine engine) {
        this.engine = engine;
    }

    /**
     * What the agent sends: null members take the simulator's defaults (a new EC2 instance id, zone
     * {@code <region>a}, m5.large, ECS's reserved ports, the simulator's agent version).
     */
    public record Registration(String cluster, String containerInstanceArn, int cpu, int memory, Set<Integer> ports, Set<Integer> udpPorts,
            String ec2InstanceId, String availabilityZone, String instanceType, VersionInfo versionInfo, Map<String, String> attributes) {}

    public ContainerInstance register(Registration r) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(r.cluster());
            if (r.cpu() <= 0 || r.memory() <= 0) {
                throw SimApiException.invalidParameter("totalResources must include CPU and MEMORY greater than 0.");
            }
            SimInstance i = r.containerInstanceArn() == null ? null : c.instances.get(SimEcs.nameOf(r.containerInstanceArn()));
            if (r.containerInstanceArn() != null && (i == null || "INACTIVE".equals(i.status))) {
                throw SimApiException.invalidParameter("The referenced container instance " + r.containerInstanceArn() + " was not found.");
            }
            if (i == null) {
                String id = engine.ids().hex(32);
                String ec2 = r.ec2InstanceId() != null ? r.ec2InstanceId() : engine.ids().ec2InstanceId();
                i = new SimInstance(id, engine.ids().containerInstanceArn(c.name, id), ec2, r.cpu(), r.memory(), engine.now());
                i.attributes.put("ecs.os-type", "linux");
                i.attributes.put("ecs.cpu-architecture", "x86_64");
                c.instances.put(id, i);
            } else {
                i.cpu = r.cpu();
                i.memory = r.memory();
                i.agentConnected = true;
            }
            if (r.attributes() != null) {
                i.attributes.putAll(r.attributes());
            }
            if (r.availabilityZone() != null) {
                i.attributes.put("ecs.availability-zone", r.availabilityZone());
            }
            if (r.instanceType() != null) {
                i.attributes.put("ecs.instance-type", r.instanceType());
            }
            i.attributes.putIfAbsent("ecs.availability-zone", engine.region() + "a");
            i.attributes.putIfAbsent("ecs.instance-type", "m5.large");
            if (r.ports() != null) {
                i.reservedPorts = Set.copyOf(r.ports());
            }
            if (r.udpPorts() != null) {
                i.reservedUdpPorts = Set.copyOf(r.udpPorts());
            }
            if (r.versionInfo() != null) {
                i.versionInfo = r.versionInfo();
            }
            c.markAllServicesDirty();
            return SimViews.instance(i, c);
        }
    }
}
