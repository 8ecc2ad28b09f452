package dev.ecsdeck.sim.cloudwatch;

import dev.ecsdeck.model.AlarmHistoryItem;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.MetricAlarm;
import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.sim.SimEngine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The alarm reads the console makes of the simulator (as the AWS provider makes them of DescribeAlarms), as the model's records. */
public final class AlarmLookup {
    private AlarmLookup() {}

    /** The alarms of these names that exist, in name order. */
    public static List<MetricAlarm> byNames(SimEngine engine, List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return engine.alarms().describe(names, null, null, null).stream().map(AlarmApi::view).toList();
    }

    /**
     * A service's alarms, each once: those on its metrics (ClusterName and ServiceName dimensions naming it),
     * its deployment alarms, and its target-tracking policies' alarms.
     */
    public static List<MetricAlarm> ofService(SimEngine engine, String cluster, String service) {
        String clusterName = cluster.substring(cluster.lastIndexOf('/') + 1);
        String serviceName = service.substring(service.lastIndexOf('/') + 1);
        synchronized (engine) {
            Set<String> names = new LinkedHashSet<>();
            for (SimAlarm a : engine.alarms().describe(null, null, null, null)) {
                if (clusterName.equals(a.definition().dimensions().get("ClusterName"))
                        && serviceName.equals(a.definition().dimensions().get("ServiceName"))) {
                    names.add(a.name());
                }
            }
            for (EcsService s : engine.services().describeServices(cluster, List.of(service)).items()) {
                if (s.deploymentConfiguration() != null && s.deploymentConfiguration().alarms() != null) {
                    names.addAll(s.deploymentConfiguration().alarms().alarmNames());
                }
            }
            for (ScalingPolicy p : engine.scaling().describe("service/" + clusterName + "/" + serviceName).policies()) {
                if (p.isTargetTracking()) {
                    names.addAll(AlarmTargetTracking.names(p));
                }
            }
            return byNames(engine, new ArrayList<>(names));
        }
    }

    /** An alarm's history, newest first, at most {@code max} items. */
    public static List<AlarmHistoryItem> history(SimEngine engine, String alarmName, int max) {
        return engine.alarms().history(alarmName, null, null, null, false).stream().limit(Math.max(0, max)).map(AlarmApi::view).toList();
    }
}
