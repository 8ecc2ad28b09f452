package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceDeploymentBrief;
import dev.ecsdeck.ui.common.TimeFormat;
import java.time.Instant;

/**
 * One service deployment as the history lists it. Built from the list's brief and, when it has
 * been described, the whole deployment (strategy, stage, source revision, reason).
 *
 * @param revisions "checkout:1 → checkout:2" ("— → checkout:1" for the first)
 * @param duration  how long it took, or has taken so far
 */
public record DeploymentHistoryRow(String arn, String status, String strategy, String stage, String sourceRevisionArn,
        String targetRevisionArn, String sourceLabel, String targetLabel, String revisions, Instant startedAt, Instant finishedAt,
        String started, String finished, String duration, String reason, boolean inFlight) {

    /** The row of {@code brief}; {@code described} is the whole deployment or null when it has not been described. */
    static DeploymentHistoryRow of(ServiceDeploymentBrief brief, ServiceDeployment described, DeploymentTimelineLabels labels, Instant now) {
        String status = described == null ? brief.status() : described.status();
        boolean inFlight = DeploymentTimeline.inFlight(status);
        String source = described == null || described.sourceServiceRevisions().isEmpty() ? null
                : described.sourceServiceRevisions().get(0).arn();
        String target = described != null && described.targetServiceRevision() != null ? described.targetServiceRevision().arn()
                : brief.targetServiceRevisionArn();
        Instant started = brief.startedAt() != null ? brief.startedAt() : brief.createdAt();
        Instant finished = described == null ? brief.finishedAt() : described.finishedAt();
        String strategy = described == null || described.deploymentConfiguration() == null ? ""
                : DeploymentTimeline.strategyName(described.deploymentConfiguration().strategyOrDefault());
        String stage = described == null || described.lifecycleStage() == null || !inFlight ? ""
                : DeploymentTimeline.stageName(described.lifecycleStage());
        String sourceLabel = source == null ? "—" : labels.label(source);
        String targetLabel = labels.label(target);
        String reason = described == null ? DeploymentTimeline.readable(brief.statusReason()) : DeploymentTimeline.reason(described);
        String duration = started == null ? "—" : finished != null ? TimeFormat.age(started, finished)
                : inFlight ? TimeFormat.age(started, now) + " so far" : "—";
        return new DeploymentHistoryRow(brief.serviceDeploymentArn(), status, strategy, stage, source, target, sourceLabel, targetLabel,
                sourceLabel + " → " + targetLabel, started, finished, TimeFormat.compact(started, now), TimeFormat.compact(finished, now),
                duration, reason, inFlight);
    }
}
