package dev.ecsdeck.sim.ecr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated ECR repository (under the engine's lock): its settings and its images in push order.
 * ECR's repository record as the API answers it is {@link EcrApi.RepositoryInfo}.
 */
final class EcrRepository {
    final String name;
    final Instant createdAt;
    final String tagMutability;
    final boolean scanOnPush;
    final List<EcrImage> images = new ArrayList<>();

    EcrRepository(String name, Instant createdAt, String tagMutability, boolean scanOnPush) {
        this.name = name;
        this.createdAt = createdAt;
        this.tagMutability = tagMutability;
        this.scanOnPush = scanOnPush;
    }

    EcrImage byTag(String tag) {
        return images.stream().filter(i -> i.tags().contains(tag)).findFirst().orElse(null);
    }

    EcrImage byDigest(String digest) {
        return images.stream().filter(i -> i.digest().equals(digest)).findFirst().orElse(null);
    }

    void replace(EcrImage was, EcrImage now) {
        images.set(images.indexOf(was), now);
    }
}
