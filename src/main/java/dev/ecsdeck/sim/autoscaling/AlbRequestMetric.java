package dev.ecsdeck.sim.autoscaling;

import dev.ecsdeck.sim.SimEngine;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ALBRequestCountPerTarget as Application Auto Scaling reads it from ELB: a policy's ResourceLabel,
 * {@code app/<lb-name>/<lb-id>/targetgroup/<tg-name>/<tg-id>}, names a target group; each minute's
 * datapoint is the requests the group's targets received in that minute divided by the number of
 * targets that served them. ELB publishes nothing for a minute without requests, so such a minute is
 * a missing datapoint, not a zero. Reads only what SimElb shows everyone (the caller holds the engine's lock).
 */
final class AlbRequestMetric {
    private static final Pattern LABEL = Pattern.compile("app/[^/]+/[^/]+/targetgroup/([^/]+)/([^/]+)");

    private final SimEngine engine;

    /** Takes the engine, not its ELB: the engine makes Application Auto Scaling before its ELB. */
    AlbRequestMetric(SimEngine engine) {
        this.engine = engine;
    }

    /** The ARN of the target group the label names, if that group exists and the label's load balancer uses it; null if not. */
    String targetGroupArn(String label) {
        Matcher m = LABEL.matcher(label == null ? "" : label);
        if (!m.matches()) {
            return null;
        }
        String arn = engine.ids().targetGroupArn(m.group(1), m.group(2));
        return label.equals(engine.elb().resourceLabel(arn)) ? arn : null;
    }

    /**
     * The datapoints of the last {@code n} whole minutes before {@code now}'s minute, oldest first: only
     * those after the last minute without requests (a gap breaks the run of datapoints an alarm needs).
     */
    double[] recent(String targetGroupArn, Instant now, int n) {
        long minute = Math.floorDiv(now.getEpochSecond(), 60L);
        int present = 0;
        while (present < n && engine.elb().requestCount(targetGroupArn, minute - 1 - present) > 0) {
            present++;
        }
        double[] out = new double[present];
        for (int j = 0; j < present; j++) {
            out[j] = engine.elb().requestCountPerTarget(targetGroupArn, minute - present + j);
        }
        return out;
    }
}
