package dev.ecsdeck.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.model.ContainerImage;
import dev.ecsdeck.model.ImageRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Before a task definition is registered or deployed: does each container image in this account's
 * ECR exist, tag or digest? (What ecspresso's {@code verify} does.) Images in other registries are
 * not checked, and the result says which were not. The lookups are given, so this runs on any
 * backend and in tests without one.
 */
public final class ImageCheck {
    private static final int NEWEST_TAGS = 3;

    /** What the check reads: the account's repositories, and one repository's images. */
    public interface Registry {
        List<ImageRepository> repositories();

        List<ContainerImage> images(String repositoryName);
    }

    /** A container and its image as the task definition names them. */
    public record Container(String name, String image) {}

    /** A container whose image the account's ECR does not have, and why, in words. */
    public record Missing(String container, String image, String reason) {
        /** "Container web: image …/checkout:1.4.7 — tag 1.4.7 not found in repository checkout (newest tags: 1.4.6, 1.4.5)". */
        public String text() {
            return "Container " + container + ": image " + image + " — " + reason;
        }
    }

    /**
     * The outcome: the containers whose images were found, those whose images were not, those not
     * checked (another registry, or another account's or region's ECR), and why the check could not run
     * (null when it ran).
     */
    public record Result(List<Container> found, List<Missing> missing, List<Container> notChecked, String failure) {
        public Result {
            found = List.copyOf(found);
            missing = List.copyOf(missing);
            notChecked = List.copyOf(notChecked);
        }

        public boolean allFound() {
            return missing.isEmpty() && failure == null;
        }

        /** The missing images, one line each. */
        public String missingText() {
            return String.join("\n", missing.stream().map(Missing::text).toList());
        }
    }

    private ImageCheck() {}

    /** The containers of a task definition's JSON (register request, or as described, wrapped or not); none when it does not parse. */
    public static List<Container> containers(String json) {
        JsonNode doc;
        try {
            doc = Json.MAPPER.readTree(json);
        } catch (Exception e) {
            return List.of();
        }
        if (doc == null) {
            return List.of();
        }
        if (doc.has("taskDefinition") && doc.get("taskDefinition").isObject()) {
            doc = doc.get("taskDefinition");
        }
        List<Container> out = new ArrayList<>();
        JsonNode defs = doc.get("containerDefinitions");
        if (defs != null && defs.isArray()) {
            for (JsonNode c : defs) {
                JsonNode image = c.get("image");
                if (image != null && image.isTextual()) {
                    JsonNode name = c.get("name");
                    out.add(new Container(name != null && name.isTextual() ? name.asText() : "(unnamed)", image.asText()));
                }
            }
        }
        return out;
    }

    /** The account in a task definition's ARN ({@code arn:aws:ecs:<region>:<account>:task-definition/…}); null when it has none. */
    public static String account(String taskDefinitionArn) {
        String[] parts = taskDefinitionArn == null ? new String[0] : taskDefinitionArn.split(":");
        return parts.length > 5 && parts[0].equals("arn") ? parts[4] : null;
    }

    public static String region(String taskDefinitionArn) {
        String[] parts = taskDefinitionArn == null ? new String[0] : taskDefinitionArn.split(":");
        return parts.length > 5 && parts[0].equals("arn") ? parts[3] : null;
    }

    /**
     * Checks each container whose image is in this account's ECR: the registry of {@code account} in
     * {@code region} (from the task definition's ARN), or the registry of a repository the account
     * lists. A failed lookup (no permission, a backend without ECR) ends the check, and
     * {@link Result#failure()} says why: whose ECR an image is in is then not known either.
     */
    public static Result check(List<Container> containers, String account, String region, Registry registry) {
        List<Container> found = new ArrayList<>();
        List<Missing> missing = new ArrayList<>();
        List<Container> notChecked = new ArrayList<>();
        List<Container> inEcr = new ArrayList<>();
        for (Container c : containers) {
            ImageReference ref = ImageReference.parse(c.image());
            (ref != null && ref.ecr() != null ? inEcr : notChecked).add(c);
        }
        if (inEcr.isEmpty()) {
            return new Result(found, missing, notChecked, null);
        }
        Map<String, ImageRepository> repositories = new LinkedHashMap<>();
        try {
            registry.repositories().forEach(r -> repositories.put(r.repositoryName(), r));
        } catch (RuntimeException e) {
            List<Container> unchecked = new ArrayList<>(notChecked);
            unchecked.addAll(inEcr);
            return new Result(List.of(), List.of(), unchecked, reason(e));
        }
        Set<String> hosts = new HashSet<>();
        if (account != null && region != null) {
            hosts.add(account + ".dkr.ecr." + region + ".amazonaws.com");
        }
        repositories.values().forEach(r -> hosts.add(hostOf(r.repositoryUri())));
        List<Container> ours = new ArrayList<>();
        for (Container c : inEcr) {
            String registryHost = ImageReference.parse(c.image()).registry();
            (hosts.contains(registryHost) || ImageReference.parse(c.image()).inEcrOf(account, region) ? ours : notChecked).add(c);
        }
        try {
            Map<String, List<ContainerImage>> images = new LinkedHashMap<>();
            for (Container c : ours) {
                ImageReference ref = ImageReference.parse(c.image());
                if (!repositories.containsKey(ref.repository())) {
                    ImageReference.EcrRegistry ecr = ref.ecr();
                    missing.add(new Missing(c.name(), c.image(), "repository " + ref.repository() + " not found in the ECR of account "
                            + ecr.account() + " in " + ecr.region() + repositoriesHint(repositories.keySet())));
                    continue;
                }
                List<ContainerImage> list = images.computeIfAbsent(ref.repository(), registry::images);
                String reason = absence(ref, list);
                if (reason == null) {
                    found.add(c);
                } else {
                    missing.add(new Missing(c.name(), c.image(), reason));
                }
            }
        } catch (RuntimeException e) {
            List<Container> unchecked = new ArrayList<>(notChecked);
            unchecked.addAll(ours);
            return new Result(List.of(), List.of(), unchecked, reason(e));
        }
        return new Result(found, missing, notChecked, null);
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String hostOf(String repositoryUri) {
        int slash = repositoryUri == null ? -1 : repositoryUri.indexOf('/');
        return slash < 0 ? String.valueOf(repositoryUri) : repositoryUri.substring(0, slash);
    }

    /** Why the image is not in the repository's images; null when it is. */
    private static String absence(ImageReference ref, List<ContainerImage> images) {
        if (ref.digest() != null) {
            boolean there = images.stream().anyMatch(i -> ref.digest().equals(i.imageDigest()));
            return there ? null : "digest " + ref.digest() + " not found in repository " + ref.repository() + " (" + count(images) + ")";
        }
        String tag = ref.tagToPull();
        boolean there = images.stream().anyMatch(i -> i.imageTags().contains(tag));
        if (there) {
            return null;
        }
        List<String> newest = newestTags(images);
        return "tag " + tag + (ref.tag() == null ? " (no tag written: Docker pulls latest)" : "") + " not found in repository "
                + ref.repository() + " (" + (newest.isEmpty() ? "it has no tagged images" : "newest tags: " + String.join(", ", newest)) + ")";
    }

    /** The newest {@value #NEWEST_TAGS} tags, newest pushed first. */
    static List<String> newestTags(List<ContainerImage> images) {
        return images.stream()
                .sorted(Comparator.comparing((ContainerImage i) -> i.imagePushedAt() == null ? Instant.MIN : i.imagePushedAt()).reversed())
                .flatMap(i -> i.imageTags().stream()).filter(Objects::nonNull).limit(NEWEST_TAGS).toList();
    }

    private static String count(List<ContainerImage> images) {
        return images.isEmpty() ? "it has no images" : "it has " + images.size() + (images.size() == 1 ? " image" : " images");
    }

    private static String repositoriesHint(java.util.Collection<String> names) {
        if (names.isEmpty()) {
            return " (it has no repositories)";
        }
        List<String> some = names.stream().sorted().limit(6).toList();
        return " (repositories: " + String.join(", ", some) + (names.size() > some.size() ? ", …" : "") + ")";
    }
}
