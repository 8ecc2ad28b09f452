package dev.ecsdeck.sim.ecr;

import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.Paging;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Amazon ECR's private registry of the simulated account in its region: repositories and their images,
 * as DescribeRepositories, DescribeImages, ListImages, BatchGetImage, CreateRepository, PutImage,
 * BatchDeleteImage and DeleteRepository see them; and the pull ECS makes when a task starts
 * ({@link #pullFailure}). The registry's id is the engine's account unless a scenario names another
 * (the demo's images live in 123456789012's registry).
 */
public final class EcrApi {
    private static final Pattern REPOSITORY_NAME = Pattern.compile("[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    private final SimEngine engine;
    private String registryId;
    private final Map<String, EcrRepository> repositories = new LinkedHashMap<>();

    /** A repository as DescribeRepositories answers it. */
    public record RepositoryInfo(String registryId, String repositoryName, String repositoryArn, String repositoryUri, Instant createdAt,
            String imageTagMutability, boolean scanOnPush) {}

    /** An image's tag and/or digest (ImageIdentifier). */
    public record ImageId(String imageDigest, String imageTag) {}

    /** An image BatchGetImage found: the id asked for (with its digest) and the manifest. */
    public record FoundImage(ImageId imageId, String manifest, String manifestMediaType) {}

    /** An id BatchGetImage or BatchDeleteImage could not serve: ECR's failure code and reason. */
    public record ImageFailure(ImageId imageId, String failureCode, String failureReason) {}

    public record BatchResult<T>(List<T> found, List<ImageFailure> failures) {}

    public EcrApi(SimEngine engine) {
        this.engine = engine;
    }

    /** The registry (account id) the repositories are in. */
    public String registryId() {
        synchronized (engine) {
            return registryId == null ? engine.account() : registryId;
        }
    }

    /** Puts the repositories in another account's registry (a scenario's, before it has any). */
    public void useRegistry(String id) {
        synchronized (engine) {
            if (id != null && !id.matches("\\d{12}")) {
                throw new IllegalArgumentException("An ECR registry id is 12 digits, not '" + id + "'.");
            }
            registryId = id;
        }
    }

    public RepositoryInfo createRepository(String registry, String name, String tagMutability, boolean scanOnPush) {
        synchronized (engine) {
            engine.advance();
            return createRepository(registry, name, tagMutability, scanOnPush, engine.now());
        }
    }

    /** As above, created at {@code createdAt} (a scenario's repositories are older than its start). */
    public RepositoryInfo createRepository(String registry, String name, String tagMutability, boolean scanOnPush, Instant createdAt) {
        synchronized (engine) {
            checkRegistry(registry, name);
            if (name == null || name.length() < 2 || name.length() > 256 || !REPOSITORY_NAME.matcher(name).matches()) {
                throw invalid("Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '"
                        + REPOSITORY_NAME.pattern() + "''");
            }
            if (repositories.containsKey(name)) {
                throw new SimApiException("RepositoryAlreadyExistsException",
                        "The repository with name '" + name + "' already exists in the registry with id '" + registryId() + "'");
            }
            EcrRepository r = new EcrRepository(name, createdAt, tagMutability == null ? "MUTABLE" : tagMutability, scanOnPush);
            repositories.put(name, r);
            return info(r);
        }
    }

    public RepositoryInfo deleteRepository(String registry, String name, boolean force) {
        synchronized (engine) {
            engine.advance();
            EcrRepository r = repository(registry, name);
            if (!force && !r.images.isEmpty()) {
                throw new SimApiException("RepositoryNotEmptyException", "The repository with name '" + name + "' in registry with id '"
                        + registryId() + "' cannot be deleted because it still contains images");
            }
            repositories.remove(name);
            return info(r);
        }
    }

    public Page<RepositoryInfo> describeRepositories(String registry, List<String> names, String nextToken, Integer maxResults) {
        synchronized (engine) {
            engine.advance();
            List<RepositoryInfo> all = new ArrayList<>();
            if (names != null && !names.isEmpty()) {
                if (names.size() > 100) {
                    throw invalid("repositoryNames can have at most 100 names.");
                }
                for (String n : names) {
                    all.add(info(repository(registry, n)));
                }
            } else if (registry == null || registry.equals(registryId())) {
                repositories.values().forEach(r -> all.add(info(r)));
            }
            return Paging.page(all, nextToken, maxResults, DEFAULT_PAGE, MAX_PAGE);
        }
    }

    /** The repository's images in push order (oldest first), those of {@code ids} when given (each must exist), by tag status. */
    public Page<EcrImage> describeImages(String registry, String repositoryName, List<ImageId> ids, String tagStatus, String nextToken,
            Integer maxResults) {
        synchronized (engine) {
            engine.advance();
            EcrRepository r = repository(registry, repositoryName);
            List<EcrImage> all = new ArrayList<>();
            if (ids != null && !ids.isEmpty()) {
                for (ImageId id : ids) {
                    EcrImage image = find(r, id);
                    if (image == null || !matchesBoth(image, id)) {
                        throw new SimApiException("ImageNotFoundException", "The image with imageId {imageDigest:'" + id.imageDigest()
                                + "', imageTag:'" + id.imageTag() + "'} does not exist within the repository with name '" + r.name
                                + "' in the registry with id '" + registryId() + "'");
                    }
                    if (!all.contains(image)) {
                        all.add(image);
                    }
                }
            } else {
                r.images.stream().filter(i -> hasStatus(i, tagStatus)).forEach(all::add);
            }
            return Paging.page(all, nextToken, maxResults, DEFAULT_PAGE, MAX_PAGE);
        }
    }

    /** ListImages: one id per tag (an untagged image: its digest alone), push order. */
    public Page<ImageId> listImages(String registry, String repositoryName, String tagStatus, String nextToken, Integer maxResults) {
        synchronized (engine) {
            engine.advance();
            EcrRepository r = repository(registry, repositoryName);
            List<ImageId> all = new ArrayList<>();
            for (EcrImage i : r.images) {
                if (!hasStatus(i, tagStatus)) {
                    continue;
                }
                if (i.tags().isEmpty()) {
                    all.add(new ImageId(i.digest(), null));
                }
                i.tags().forEach(t -> all.add(new ImageId(i.digest(), t)));
            }
            return Paging.page(all, nextToken, maxResults, DEFAULT_PAGE, MAX_PAGE);
        }
    }

    public BatchResult<FoundImage> batchGetImage(String registry, String repositoryName, List<ImageId> ids) {
        synchronized (engine) {
            engine.advance();
            EcrRepository r = repository(registry, repositoryName);
            return eachFound(r, ids, (id, image) -> new FoundImage(new ImageId(image.digest(), id.imageTag()), image.manifest(),
                    image.manifestMediaType()));
        }
    }

    /** Acts on the image each id names, in order; an id that names none (or a tag and a digest that disagree) is a failure. */
    private <T> BatchResult<T> eachFound(EcrRepository r, List<ImageId> ids, java.util.function.BiFunction<ImageId, EcrImage, T> act) {
        checkIds(ids);
        List<T> done = new ArrayList<>();
        List<ImageFailure> failures = new ArrayList<>();
        for (ImageId id : ids) {
            ImageFailure failure = failure(r, id);
            if (failure != null) {
                failures.add(failure);
            } else {
                done.add(act.apply(id, find(r, id)));
            }
        }
        return new BatchResult<>(done, failures);
    }

    /** Deletes the named tags (an image whose last tag goes stays, untagged, as ECR does) or, by digest, whole images. */
    public BatchResult<ImageId> batchDeleteImage(String registry, String repositoryName, List<ImageId> ids) {
        synchronized (engine) {
            engine.advance();
            EcrRepository r = repository(registry, repositoryName);
            return eachFound(r, ids, (id, image) -> {
                if (id.imageTag() != null && id.imageDigest() == null && image.tags().size() > 1) {
                    List<String> rest = new ArrayList<>(image.tags());
                    rest.remove(id.imageTag());
                    r.replace(image, image.withTags(rest));
                } else {
                    r.images.remove(image);
                }
                return new ImageId(image.digest(), id.imageTag());
            });
        }
    }

    /**
     * PutImage: stores the manifest under its digest (checked when given) and moves the tag to it (refused in
     * an IMMUTABLE repository when the tag names another image).
     */
    public EcrImage putImage(String registry, String repositoryName, String manifest, String mediaType, String tag, String digest) {
        synchronized (engine) {
            engine.advance();
            EcrRepository r = repository(registry, repositoryName);
            String actual = Manifests.digest(manifest);
            if (digest != null && !digest.equals(actual)) {
                throw new SimApiException("ImageDigestDoesNotMatchException", "The specified digest '" + digest
                        + "' does not match the digest of the manifest '" + actual + "'");
            }
            String type = mediaType != null ? mediaType : manifest.contains("\"mediaType\"") ? EcrImage.DOCKER_MANIFEST : null;
            return store(r, new EcrImage(actual, tag == null ? List.of() : List.of(tag), engine.now(), Manifests.size(manifest),
                    type, manifest, r.scanOnPush ? "COMPLETE" : null, Map.of(), r.scanOnPush ? engine.now() : null, null));
        }
    }

    /** A scenario's image: a manifest made from the seed, pushed at {@code pushedAt}, with its scan's findings (null: never scanned). */
    public EcrImage seedImage(String repositoryName, List<String> tags, Instant pushedAt, Map<String, Integer> findings) {
        synchronized (engine) {
            EcrRepository r = repository(null, repositoryName);
            String manifest = Manifests.make(engine.seed(), repositoryName, tags.isEmpty() ? pushedAt.toString() : tags.get(0));
            EcrImage image = new EcrImage(Manifests.digest(manifest), List.of(), pushedAt, Manifests.size(manifest),
                    EcrImage.DOCKER_MANIFEST, manifest, findings == null ? null : "COMPLETE", findings,
                    findings == null ? null : pushedAt.plusSeconds(40), null);
            for (String tag : tags) {
                image = store(r, image.withTags(List.of(tag)));
            }
            return tags.isEmpty() ? store(r, image) : image;
        }
    }

    /**
     * Whether ECS can pull {@code image} from this registry, as a task starts: null when it can (or when the image is in another
     * registry or region, which the simulator does not judge), else the CannotPullContainerError ECS writes. A pull records the
     * image's lastRecordedPullTime.
     */
    public String pullFailure(String image, Instant now) {
        synchronized (engine) {
            ImageReference ref = ImageReference.parse(image);
            if (ref == null || !ref.registryId().equals(registryId()) || !ref.region().equals(engine.region())) {
                return null;
            }
            EcrRepository r = repositories.get(ref.repository());
            EcrImage found = r == null ? null : ref.digest() != null ? r.byDigest(ref.digest()) : r.byTag(ref.tag());
            if (found == null) {
                return "CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref " + image + ": "
                        + image + ": not found";
            }
            r.replace(found, found.pulledAt(now));
            return null;
        }
    }

    // ---- state file

    /** The registry as plain data, for the state file. */
    public record State(String registryId, List<RepositoryState> repositories) {}

    public record RepositoryState(String name, Instant createdAt, String tagMutability, boolean scanOnPush, List<EcrImage> images) {}

    public State snapshot() {
        synchronized (engine) {
            List<RepositoryState> out = new ArrayList<>();
            repositories.values().forEach(r -> out.add(new RepositoryState(r.name, r.createdAt, r.tagMutability, r.scanOnPush,
                    List.copyOf(r.images))));
            return new State(registryId, out);
        }
    }

    public void restore(State state) {
        synchronized (engine) {
            repositories.clear();
            if (state == null) {
                return;
            }
            registryId = state.registryId();
            for (RepositoryState s : state.repositories()) {
                EcrRepository r = new EcrRepository(s.name(), s.createdAt(), s.tagMutability(), s.scanOnPush());
                r.images.addAll(s.images());
                repositories.put(r.name, r);
            }
        }
    }

    // ---- inside

    private EcrImage store(EcrRepository r, EcrImage image) {
        for (String tag : image.tags()) {
            EcrImage holder = r.byTag(tag);
            if (holder != null && !holder.digest().equals(image.digest())) {
                if (!r.tagMutability.startsWith("MUTABLE")) {
                    throw new SimApiException("ImageTagAlreadyExistsException", "The image tag '" + tag + "' already exists in the '" + r.name
                            + "' repository and cannot be overwritten because the repository is immutable.");
                }
                List<String> rest = new ArrayList<>(holder.tags());
                rest.remove(tag);
                r.replace(holder, holder.withTags(rest)); // the tag moves; the old image stays, untagged if that was its last
            }
        }
        EcrImage same = r.byDigest(image.digest());
        if (same == null) {
            r.images.add(image);
            return image;
        }
        if (same.tags().containsAll(image.tags())) {
            throw new SimApiException("ImageAlreadyExistsException", "Image with digest '" + image.digest() + "' and tag '"
                    + String.join(",", image.tags()) + "' already exists in the repository with name '" + r.name + "' in registry with id '"
                    + registryId() + "'");
        }
        List<String> tags = new ArrayList<>(same.tags());
        image.tags().stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        EcrImage merged = same.withTags(tags);
        r.replace(same, merged);
        return merged;
    }

    private EcrRepository repository(String registry, String name) {
        checkRegistry(registry, name);
        EcrRepository r = name == null ? null : repositories.get(name);
        if (r == null) {
            throw new SimApiException("RepositoryNotFoundException", "The repository with name '" + name
                    + "' does not exist in the registry with id '" + (registry == null ? registryId() : registry) + "'");
        }
        return r;
    }

    private void checkRegistry(String registry, String name) {
        if (registry != null && !registry.equals(registryId())) {
            throw new SimApiException("RepositoryNotFoundException", "The repository with name '" + name
                    + "' does not exist in the registry with id '" + registry + "'");
        }
    }

    private RepositoryInfo info(EcrRepository r) {
        String registry = registryId();
        return new RepositoryInfo(registry, r.name, "arn:aws:ecr:" + engine.region() + ":" + registry + ":repository/" + r.name,
                registry + ".dkr.ecr." + engine.region() + ".amazonaws.com/" + r.name, r.createdAt, r.tagMutability, r.scanOnPush);
    }

    private static EcrImage find(EcrRepository r, ImageId id) {
        return id.imageDigest() != null ? r.byDigest(id.imageDigest()) : id.imageTag() != null ? r.byTag(id.imageTag()) : null;
    }

    private static boolean matchesBoth(EcrImage image, ImageId id) {
        return id.imageTag() == null || image.tags().contains(id.imageTag());
    }

    private static ImageFailure failure(EcrRepository r, ImageId id) {
        if (id.imageDigest() == null && id.imageTag() == null) {
            return new ImageFailure(id, "MissingDigestAndTag", "Missing image digest and tag");
        }
        if (id.imageDigest() != null && !id.imageDigest().matches("sha256:[0-9a-f]{64}")) {
            return new ImageFailure(id, "InvalidImageDigest", "Invalid image digest");
        }
        EcrImage image = find(r, id);
        if (image == null) {
            return new ImageFailure(id, "ImageNotFound", "Requested image not found");
        }
        if (!matchesBoth(image, id)) {
            return new ImageFailure(id, "ImageTagDoesNotMatchDigest", "Invalid image tag for the image digest");
        }
        return null;
    }

    private static void checkIds(List<ImageId> ids) {
        if (ids == null || ids.isEmpty() || ids.size() > 100) {
            throw invalid("imageIds must have between 1 and 100 items.");
        }
    }

    private static boolean hasStatus(EcrImage image, String tagStatus) {
        if (tagStatus == null || tagStatus.equals("ANY")) {
            return true;
        }
        return tagStatus.equals("TAGGED") != image.tags().isEmpty();
    }

    private static SimApiException invalid(String message) {
        return new SimApiException("InvalidParameterException", message);
    }
}
