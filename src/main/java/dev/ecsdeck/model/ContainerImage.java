package dev.ecsdeck.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An image in an ECR repository (DescribeImages): its digest, tags (none for an untagged image), when it
 * was pushed, its size, and its scan: status (COMPLETE, FAILED, …; null when never scanned) and the
 * findings' counts by severity (CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, UNDEFINED).
 */
public record ContainerImage(
        String repositoryName,
        String imageDigest,
        List<String> imageTags,
        Instant imagePushedAt,
        Long imageSizeInBytes,
        String scanStatus,
        Map<String, Integer> findingSeverityCounts) {

    public ContainerImage {
        imageTags = Lists.copy(imageTags);
        findingSeverityCounts = Lists.copy(findingSeverityCounts);
    }
}
