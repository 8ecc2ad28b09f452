package dev.ecsdeck.sim.ecr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image name that points into an ECR private registry:
 * {@code <account>.dkr.ecr.<region>.amazonaws.com/<repository>[:tag|@digest]} (no tag: "latest", as Docker
 * reads it). Null for any other registry (Docker Hub, public.ecr.aws, ...).
 */
public record ImageReference(String registryId, String region, String repository, String tag, String digest) {
    private static final Pattern ECR = Pattern.compile("(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([a-z0-9._/-]+?)"
            + "(?::([A-Za-z0-9_][A-Za-z0-9._-]{0,127}))?(?:@(sha256:[0-9a-f]{64}))?");

    public static ImageReference parse(String image) {
        if (image == null) {
            return null;
        }
        Matcher m = ECR.matcher(image.trim());
        if (!m.matches()) {
            return null;
        }
        String tag = m.group(4) == null && m.group(5) == null ? "latest" : m.group(4);
        return new ImageReference(m.group(1), m.group(2), m.group(3), tag, m.group(5));
    }
}
