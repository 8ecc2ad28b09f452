package dev.ecsdeck.ui.taskdef;

import dev.ecsdeck.model.ContainerImage;
import dev.ecsdeck.model.ImageRepository;
import dev.ecsdeck.ui.common.Plural;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One suggestion for an image field: {@code value} is what the field gets when it is picked; {@code
 * title} and {@code details} are what the list shows ("1.4.6", "pushed 3 days ago · 112.4 MB · 2
 * critical, 5 high").
 */
public record ImageSuggestion(Kind kind, String value, String title, String details) {
    /** What a suggestion names: a repository (its URI), or one of its images by tag or by digest. */
    public enum Kind { REPOSITORY, TAG, DIGEST }

    private static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED");

    static ImageSuggestion repository(ImageRepository r) {
        return new ImageSuggestion(Kind.REPOSITORY, r.repositoryUri(), r.repositoryName(), "ECR repository · " + r.repositoryUri());
    }

    static ImageSuggestion tag(ImageRepository r, ContainerImage i, String tag, Instant now) {
        return new ImageSuggestion(Kind.TAG, r.repositoryUri() + ":" + tag, tag, facts(i, now) + " · " + shortDigest(i.imageDigest()));
    }

    static ImageSuggestion digest(ImageRepository r, ContainerImage i, Instant now) {
        String tags = i.imageTags().isEmpty() ? "untagged" : String.join(", ", i.imageTags());
        return new ImageSuggestion(Kind.DIGEST, r.repositoryUri() + "@" + i.imageDigest(), shortDigest(i.imageDigest()) + " (" + tags + ")", facts(i, now));
    }

    /** "pushed 3 days ago · 112.4 MB · 2 critical, 5 high": what is known of the image, nothing made up. */
    static String facts(ContainerImage i, Instant now) {
        List<String> parts = new ArrayList<>();
        if (i.imagePushedAt() != null) {
            parts.add("pushed " + ago(i.imagePushedAt(), now));
        }
        if (i.imageSizeInBytes() != null) {
            parts.add(String.format(Locale.ROOT, "%.1f MB", i.imageSizeInBytes() / 1024.0 / 1024.0));
        }
        parts.add(scan(i.scanStatus(), i.findingSeverityCounts()));
        return String.join(" · ", parts);
    }

    /** "2 critical, 5 high"; "no findings" after a complete scan without any; "not scanned" without a scan. */
    static String scan(String status, Map<String, Integer> counts) {
        List<String> found = new ArrayList<>();
        for (String severity : SEVERITIES) {
            Integer n = counts.get(severity);
            if (n != null && n > 0) {
                found.add(n + " " + severity.toLowerCase(Locale.ROOT));
            }
        }
        if (!found.isEmpty()) {
            return String.join(", ", found);
        }
        if (status == null) {
            return "not scanned";
        }
        return "COMPLETE".equals(status) ? "no findings" : "scan " + status.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** "just now", "5 minutes ago", "3 hours ago", "3 days ago". */
    static String ago(Instant then, Instant now) {
        long s = Math.max(0, Duration.between(then, now).getSeconds());
        if (s < 60) {
            return "just now";
        }
        if (s < 3600) {
            return Plural.of(s / 60, "minute") + " ago";
        }
        if (s < 86400) {
            return Plural.of(s / 3600, "hour") + " ago";
        }
        return Plural.of(s / 86400, "day") + " ago";
    }

    /** "sha256:0123456789ab…": enough to tell digests apart in a list. */
    static String shortDigest(String digest) {
        if (digest == null) {
            return "";
        }
        int colon = digest.indexOf(':');
        return digest.length() > colon + 13 ? digest.substring(0, colon + 13) + "…" : digest;
    }
}
