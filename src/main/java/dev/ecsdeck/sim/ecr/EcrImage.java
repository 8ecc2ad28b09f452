package dev.ecsdeck.sim.ecr;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An image in a simulated ECR repository: its manifest's digest, its tags (none: untagged), when it was
 * pushed, its size (the layers'), its manifest and media type, its scan (status null when never scanned;
 * findings' counts by severity) and when a task last pulled it (null: never).
 */
public record EcrImage(String digest, List<String> tags, Instant pushedAt, long sizeInBytes, String manifestMediaType, String manifest,
        String scanStatus, Map<String, Integer> findingSeverityCounts, Instant scanCompletedAt, Instant lastPulledAt) {

    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";

    public EcrImage {
        tags = List.copyOf(tags);
        findingSeverityCounts = findingSeverityCounts == null ? Map.of() : Map.copyOf(findingSeverityCounts);
    }

    EcrImage withTags(List<String> newTags) {
        return new EcrImage(digest, newTags, pushedAt, sizeInBytes, manifestMediaType, manifest, scanStatus, findingSeverityCounts,
                scanCompletedAt, lastPulledAt);
    }

    EcrImage pulledAt(Instant at) {
        return new EcrImage(digest, tags, pushedAt, sizeInBytes, manifestMediaType, manifest, scanStatus, findingSeverityCounts,
                scanCompletedAt, at);
    }
}
