package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.MetricPoint;
import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.ServiceUtilization;
import dev.ecsdeck.model.TargetTrackingConfig;
import java.util.List;

/** A target-tracking policy's metric now against its target, for the Auto scaling tab's "Now" column. */
final class PolicyMetricNow {
    private PolicyMetricNow() {}

    /** "43.2% (above target)": the policy's metric in its last minute against its target; empty for other metrics or no data. */
    static String of(ScalingPolicy p, ServiceUtilization recent) {
        TargetTrackingConfig tt = p.targetTracking();
        if (tt == null || recent == null) {
            return "";
        }
        List<MetricPoint> series = TargetTrackingConfig.CPU.equals(tt.predefinedMetricType()) ? recent.cpu()
                : TargetTrackingConfig.MEMORY.equals(tt.predefinedMetricType()) ? recent.memory() : List.of();
        if (series.isEmpty()) {
            return "";
        }
        double v = series.get(series.size() - 1).value();
        String where = v > tt.targetValue() ? "above target" : v < tt.targetValue() ? "below target" : "at target";
        return AutoScalingViewModel.number(Math.round(v * 10) / 10.0) + "% (" + where + ")";
    }
}
