package dev.ecsdeck.sim.state;

import dev.ecsdeck.sim.cloudwatch.MetricApi;
import dev.ecsdeck.sim.ecs.EcsSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A state file written before CloudWatch's metrics were saved keeps each service's utilisation in its
 * service state as (minute, cpu, memory), the minute being the one it was recorded at: read as the
 * AWS/ECS metrics they are now, stamped a minute earlier (the minute they describe).
 */
final class OlderMetrics {
    private OlderMetrics() {}

    static MetricApi.State of(List<EcsSnapshot.ClusterState> clusters) {
        List<MetricApi.SeriesState> series = new ArrayList<>();
        for (EcsSnapshot.ClusterState c : clusters) {
            for (EcsSnapshot.ServiceState s : c.services()) {
                if (s.metrics() == null || s.metrics().length == 0) {
                    continue;
                }
                List<double[]> cpu = new ArrayList<>();
                List<double[]> memory = new ArrayList<>();
                for (double[] p : s.metrics()) {
                    cpu.add(new double[] {p[0] - 1, p[1]});
                    memory.add(new double[] {p[0] - 1, p[2]});
                }
                Map<String, String> dimensions = Map.of("ClusterName", c.name(), "ServiceName", s.name());
                series.add(new MetricApi.SeriesState("AWS/ECS", "CPUUtilization", dimensions, "Percent", cpu));
                series.add(new MetricApi.SeriesState("AWS/ECS", "MemoryUtilization", dimensions, "Percent", memory));
            }
        }
        return new MetricApi.State(series);
    }
}
