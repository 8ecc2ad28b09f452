package dev.ecsdeck.sim.ecr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Docker image manifests (schema 2) for the scenario's images, made from the seed so every run has the
 * same digests; and the sha256 digest of a manifest, which is what ECR names an image by.
 */
final class Manifests {
    private Manifests() {}

    /** The manifest's digest: {@code sha256:} and the hex SHA-256 of its bytes. */
    static String digest(String manifest) {
        return "sha256:" + sha256(manifest);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A manifest of 3 to 6 layers whose digests and sizes derive from the seed, the repository and the image's name. */
    static String make(long seed, String repository, String name) {
        String base = seed + "/" + repository + "/" + name;
        int layers = 3 + Math.floorMod(sha256(base).hashCode(), 4);
        StringBuilder json = new StringBuilder("{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"").append(EcrImage.DOCKER_MANIFEST)
                .append("\",\n   \"config\": {\n      \"mediaType\": \"").append(EcrImage.DOCKER_CONFIG).append("\",\n      \"size\": ")
                .append(1500 + Math.floorMod(base.hashCode(), 6000)).append(",\n      \"digest\": \"sha256:").append(sha256(base + "/config"))
                .append("\"\n   },\n   \"layers\": [");
        for (int i = 0; i < layers; i++) {
            long size = 400_000L + Math.floorMod(sha256(base + "/size/" + i).hashCode(), 38_000_000);
            json.append(i == 0 ? "\n" : ",\n").append("      {\n         \"mediaType\": \"application/vnd.docker.image.rootfs.diff.tar.gzip\",\n")
                    .append("         \"size\": ").append(size).append(",\n         \"digest\": \"sha256:").append(sha256(base + "/layer/" + i))
                    .append("\"\n      }");
        }
        return json.append("\n   ]\n}").toString();
    }

    /** The image's size as ECR reports it: the sum of its layers' sizes (0 for a manifest it cannot read). */
    static long size(String manifest) {
        long total = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"size\"\\s*:\\s*(\\d+)").matcher(manifest);
        boolean first = true;
        while (m.find()) {
            if (!first) {
                total += Long.parseLong(m.group(1)); // the first size is the config's
            }
            first = false;
        }
        return total;
    }
}
