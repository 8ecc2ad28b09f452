package dev.ecsdeck.sim.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.VersionInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state file's part of what services, tasks and instances keep for the fields tools read
 * ({@link ServiceSettings}, RunTask's platform version and overrides, the agent's registration). A
 * state file written before these existed has none of them: everything then takes its default.
 */
public final class FieldSnapshots {
    private FieldSnapshots() {}

    public record WorkloadState(String platformVersion, JsonNode serviceRegistries, JsonNode volumeConfigurations) {}

    public record ServiceFields(WorkloadState workload, String roleArn, String availabilityZoneRebalancing, Map<String, WorkloadState> revisions) {}

    public record TaskFields(String platformVersion, ObjectNode overrides) {}

    public record InstanceFields(List<Integer> reservedPorts, List<Integer> reservedUdpPorts, VersionInfo versionInfo) {}

    static ServiceFields of(SimService s) {
        ServiceSettings settings = s.settings;
        Map<String, WorkloadState> revisions = new LinkedHashMap<>();
        settings.revisions().forEach((arn, w) -> revisions.put(arn, state(w)));
        return new ServiceFields(state(settings.workload), settings.roleArn, settings.availabilityZoneRebalancing, revisions);
    }

    static void restore(SimService s, ServiceFields f) {
        if (f == null) {
            return;
        }
        ServiceSettings settings = s.settings;
        settings.workload = workload(f.workload());
        settings.roleArn = f.roleArn();
        if (f.availabilityZoneRebalancing() != null) {
            settings.availabilityZoneRebalancing = f.availabilityZoneRebalancing();
        }
        if (f.revisions() != null) {
            f.revisions().forEach((arn, w) -> settings.restoreRevision(arn, workload(w)));
        }
    }

    static TaskFields of(SimTask t) {
        return t.platformVersion == null && t.overrides == null ? null : new TaskFields(t.platformVersion, t.overrides);
    }

    static void restore(SimTask t, TaskFields f) {
        if (f != null) {
            t.platformVersion = f.platformVersion();
            t.overrides = f.overrides();
        }
    }

    static InstanceFields of(SimInstance i) {
        return new InstanceFields(i.reservedPorts.stream().sorted().toList(), i.reservedUdpPorts.stream().sorted().toList(), i.versionInfo);
    }

    static void restore(SimInstance i, InstanceFields f) {
        if (f == null) {
            return;
        }
        if (f.reservedPorts() != null) {
            i.reservedPorts = Set.copyOf(f.reservedPorts());
        }
        if (f.reservedUdpPorts() != null) {
            i.reservedUdpPorts = Set.copyOf(f.reservedUdpPorts());
        }
        i.versionInfo = f.versionInfo();
    }

    private static WorkloadState state(ServiceSettings.Workload w) {
        return new WorkloadState(w.platformVersion(), w.serviceRegistries(), w.volumeConfigurations());
    }

    private static ServiceSettings.Workload workload(WorkloadState w) {
        if (w == null) {
            return ServiceSettings.Workload.NONE;
        }
        ServiceSettings.Workload none = ServiceSettings.Workload.NONE;
        return new ServiceSettings.Workload(w.platformVersion(), w.serviceRegistries() == null ? none.serviceRegistries() : w.serviceRegistries(),
                w.volumeConfigurations() == null ? none.volumeConfigurations() : w.volumeConfigurations());
    }
}
