package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.sim.SimIds;
import java.time.Instant;

/**
 * Services built straight into their steady state (tasks RUNNING and healthy, one COMPLETED
 * deployment) rather than by running the scheduler through thousands of launches: how the
 * {@code large} scenario builds in seconds.
 */
public final class SteadyServices {
    private SteadyServices() {}

    /**
     * Adds service {@code name} to the cluster, its {@code desired} tasks RUNNING and healthy and one
     * COMPLETED deployment of {@code taskDefinitionArn}, created a day or two before {@code now}.
     */
    public static void add(SimEcs ecs, SimIds ids, String clusterName, String name, String taskDefinitionArn, int desired,
            NetworkConfiguration network, Instant now) {
        SimCluster cluster = ecs.cluster(clusterName);
        SimTaskDefinition td = ecs.taskDefinitionRegistry.resolve(taskDefinitionArn);
        Instant created = now.minusSeconds(86_400 + ids.between(0, 86_400));
        SimService svc = new SimService(name, ids.serviceArn(cluster.name, name), cluster.name, "FARGATE", "REPLICA", created);
        svc.desiredCount = desired;
        svc.deploymentConfiguration = DeploymentConfiguration.defaults();
        svc.networkConfiguration = network;
        SimDeployment d = new SimDeployment(ids.deploymentId(), td.arn, desired, "FARGATE", created);
        d.setRollout("COMPLETED", "ECS deployment " + d.id + " completed.", created.plusSeconds(90));
        svc.deployments.add(d);
        svc.taskDefinitionArn = td.arn;
        svc.lastCompletedTaskDefinitionArn = td.arn;
        svc.steady = true;
        svc.lastSteadyEventAt = created.plusSeconds(90);
        svc.addEvent(new ServiceEvent(ids.uuid(), created.plusSeconds(90), "(service " + name + ") has reached a steady state."));
        cluster.services.put(name, svc);
        for (int i = 0; i < desired; i++) {
            String taskId = ids.hex(32);
            SimTask t = new SimTask(taskId, ids.taskArn(cluster.name, taskId), cluster.name, td, "FARGATE",
                    created.plusSeconds(5));
            t.serviceName = name;
            t.deploymentId = d.id;
            t.group = "service:" + name;
            t.startedBy = d.id;
            t.availabilityZone = ids.region() + Placement.FARGATE_ZONES.get(i % Placement.FARGATE_ZONES.size());
            t.lastStatus = "RUNNING";
            t.pullStartedAt = created.plusSeconds(20);
            t.pullStoppedAt = created.plusSeconds(35);
            t.startedAt = created.plusSeconds(38);
            t.healthyAt = t.startedAt.plus(TaskLifecycle.HEALTHY_AFTER_RUNNING);
            t.wasHealthy = true;
            t.lifecycleHealthy = true;
            t.healthNoticed = true;
            for (ContainerSpec spec : td.containers) {
                SimContainer container = new SimContainer(spec, ids.containerArn(cluster.name, taskId), taskId + "-" + ids.hex(10));
                container.lastStatus = "RUNNING";
                t.containers.add(container);
            }
            cluster.add(t);
            ecs.containerLogs.started(t);
        }
    }
}
