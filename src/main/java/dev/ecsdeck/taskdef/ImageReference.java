package dev.ecsdeck.taskdef;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image reference as Docker reads it, {@code [registry/]repository[:tag][@digest]}:
 * the registry is the first path component when it has a dot or a port or is "localhost" (else
 * it is Docker Hub, null here). {@code tag} is null when none is written (Docker pulls
 * "latest"); {@code digest} is null without "@".
 */
public record ImageReference(String registry, String repository, String tag, String digest) {
    /** {@code <12-digit account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]}: a private ECR registry. */
    private static final Pattern ECR = Pattern.compile("^(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?$");

    /** An ECR registry's account and region. */
    public record EcrRegistry(String account, String region) {}

    /** Reads an image reference; null for null or blank text. */
    public static ImageReference parse(String image) {
        if (image == null || image.isBlank()) {
            return null;
        }
        String rest = image.trim();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String registry = null;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageReference(registry, rest, tag, digest);
    }

    /** The ECR registry this image is in; null when it is in another registry (Docker Hub, public.ecr.aws, quay.io, …). */
    public EcrRegistry ecr() {
        if (registry == null) {
            return null;
        }
        Matcher m = ECR.matcher(registry);
        return m.matches() ? new EcrRegistry(m.group(1), m.group(2)) : null;
    }

    /** Whether the image is in the private ECR of {@code account} in {@code region}. */
    public boolean inEcrOf(String account, String region) {
        EcrRegistry ecr = ecr();
        return ecr != null && ecr.account().equals(account) && ecr.region().equals(region);
    }

    /** The tag a pull uses: the one written, else "latest" (unless a digest is written: then no tag is needed). */
    public String tagToPull() {
        return tag != null ? tag : digest != null ? null : "latest";
    }
}
