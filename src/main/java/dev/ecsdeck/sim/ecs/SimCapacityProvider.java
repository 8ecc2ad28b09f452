package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Auto Scaling group capacity provider and the simulated Auto Scaling group it stands for: the
 * simulator owns the group (there is no Auto Scaling service behind it), so the group's instances
 * are the container instances it launched into the cluster the provider is associated with.
 */
final class SimCapacityProvider {
    /** The simulated group's instances: ECS-optimized m5.large (2 vCPU, 8 GiB of which the agent registers 7680 MiB). */
    static final String INSTANCE_TYPE = "m5.large";
    static final int INSTANCE_CPU = 2048;
    static final int INSTANCE_MEMORY = 7680;
    /** The simulated group's size limits. */
    static final int MIN_SIZE = 0;
    static final int MAX_SIZE = 20;
    /** How long a launched instance boots before its agent registers it with the cluster. */
    static final long BOOT_SECONDS = 30;

    final String name;
    final String arn;
    final String autoScalingGroupArn;
    String status = "ACTIVE";
    String updateStatus;
    String updateStatusReason;
    String managedScalingStatus;
    int targetCapacity;
    int minimumScalingStepSize;
    int maximumScalingStepSize;
    int instanceWarmupPeriod;
    String managedTerminationProtection;
    String managedDraining;
    final List<Tag> tags = new ArrayList<>();
    /** The cluster it is associated with (PutClusterCapacityProviders or CreateCluster), or null. */
    String cluster;
    /** The group's instances, by container instance id: when each was launched (boot and warm-up count from it). */
    final Map<String, Instant> instances = new LinkedHashMap<>();
    /** Launched instances still booting, by EC2 instance id: when each was launched. */
    final Map<String, Instant> booting = new LinkedHashMap<>();
    /** Instances managed draining set DRAINING before the group terminates them. */
    final java.util.Set<String> draining = new java.util.LinkedHashSet<>();
    /** Since when the group has had more instances than its target (scale-in waits for 15 minutes of it), or null. */
    Instant overTargetSince;
    /** When managed scaling last looked at the group (once a minute, as its CloudWatch metric). */
    Instant lastEvaluatedAt;

    SimCapacityProvider(String name, String arn, String autoScalingGroupArn) {
        this.name = name;
        this.arn = arn;
        this.autoScalingGroupArn = autoScalingGroupArn;
    }

    boolean managedScaling() {
        return "ENABLED".equals(managedScalingStatus);
    }

    boolean active() {
        return "ACTIVE".equals(status);
    }
}
