package dev.ecsdeck.sim.wire.ecr;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.BOOLEAN;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.INTEGER;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecr.EcrApi;
import dev.ecsdeck.sim.ecr.EcrImage;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Amazon ECR (AmazonEC2ContainerRegistry_V20150921, JSON 1.1) on the simulator's registry: the reads the console and
 * {@code docker}-less deploy scripts use, and CreateRepository, PutImage, BatchDeleteImage and DeleteRepository.
 */
public final class EcrOperations {
    public static final String TARGET_PREFIX = "AmazonEC2ContainerRegistry_V20150921";
    private static final String[] TAG_STATUS = {"TAGGED", "UNTAGGED", "ANY"};
    private static final String[] MUTABILITY = {"MUTABLE", "IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION", "MUTABLE_WITH_EXCLUSION"};
    /** The manifest media types ECR accepts for PutImage (Docker v2 schema 2 and OCI). */
    private static final List<String> MEDIA_TYPES = List.of(EcrImage.DOCKER_MANIFEST, "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.oci.image.index.v1+json");

    private final SimEngine engine;

    private EcrOperations(SimEngine engine) {
        this.engine = engine;
    }

    public static WireApi api(SimEngine engine) {
        EcrOperations ecr = new EcrOperations(engine);
        return new WireApi(TARGET_PREFIX, "Amazon ECR", "InvalidParameterException", "ServerException")
                .add("DescribeRepositories", of().member("registryId", STRING).member("repositoryNames", STRING_LIST)
                        .member("nextToken", STRING).member("maxResults", INTEGER), false, ecr::describeRepositories)
                .add("DescribeImages", of().member("registryId", STRING).required("repositoryName", STRING)
                        .member("imageIds", STRUCTURE_LIST).member("nextToken", STRING).member("maxResults", INTEGER)
                        .member("filter", STRUCTURE).oneOf("filter.tagStatus", TAG_STATUS), false, ecr::describeImages)
                .add("ListImages", of().member("registryId", STRING).required("repositoryName", STRING).member("nextToken", STRING)
                        .member("maxResults", INTEGER).member("filter", STRUCTURE).oneOf("filter.tagStatus", TAG_STATUS), false,
                        ecr::listImages)
                .add("BatchGetImage", of().member("registryId", STRING).required("repositoryName", STRING)
                        .required("imageIds", STRUCTURE_LIST).member("acceptedMediaTypes", STRING_LIST), false, ecr::batchGetImage)
                .add("CreateRepository", of().member("registryId", STRING).required("repositoryName", STRING)
                        .member("imageTagMutability", STRING).member("imageScanningConfiguration", STRUCTURE)
                        .oneOf("imageTagMutability", MUTABILITY), true, ecr::createRepository)
                .add("PutImage", of().member("registryId", STRING).required("repositoryName", STRING).required("imageManifest", STRING)
                        .member("imageManifestMediaType", STRING).member("imageTag", STRING).member("imageDigest", STRING), true,
                        ecr::putImage)
                .add("BatchDeleteImage", of().member("registryId", STRING).required("repositoryName", STRING)
                        .required("imageIds", STRUCTURE_LIST), true, ecr::batchDeleteImage)
                .add("DeleteRepository", of().member("registryId", STRING).required("repositoryName", STRING).member("force", BOOLEAN),
                        true, ecr::deleteRepository);
    }

    private JsonNode describeRepositories(WireRequest r) {
        List<String> names = r.strings("repositoryNames");
        if (names != null && !names.isEmpty() && r.has("maxResults")) {
            throw invalid("Invalid parameter: maxResults cannot be specified with repositoryNames");
        }
        Page<EcrApi.RepositoryInfo> page = engine.ecr().describeRepositories(r.string("registryId"), names, r.string("nextToken"),
                r.integer("maxResults"));
        ObjectNode out = WireJson.object();
        ArrayNode repos = out.putArray("repositories");
        for (EcrApi.RepositoryInfo info : page.items()) {
            repos.add(repository(info));
        }
        putToken(out, page.nextToken());
        return out;
    }

    private JsonNode describeImages(WireRequest r) {
        String repository = r.string("repositoryName");
        List<EcrApi.ImageId> ids = imageIds(r, false);
        Page<EcrImage> page = engine.ecr().describeImages(r.string("registryId"), repository, ids, tagStatus(r), r.string("nextToken"),
                r.integer("maxResults"));
        String registry = registry(r);
        ObjectNode out = WireJson.object();
        ArrayNode details = out.putArray("imageDetails");
        for (EcrImage i : page.items()) {
            ObjectNode n = details.addObject();
            n.put("registryId", registry);
            n.put("repositoryName", repository);
            n.put("imageDigest", i.digest());
            if (!i.tags().isEmpty()) {
                n.set("imageTags", WireJson.strings(i.tags()));
            }
            n.put("imageSizeInBytes", i.sizeInBytes());
            n.set("imagePushedAt", WireJson.tree(i.pushedAt()));
            if (i.scanStatus() != null) {
                ObjectNode status = n.putObject("imageScanStatus");
                status.put("status", i.scanStatus());
                status.put("description", "The scan was completed successfully.");
                ObjectNode summary = n.putObject("imageScanFindingsSummary");
                summary.set("imageScanCompletedAt", WireJson.tree(i.scanCompletedAt()));
                summary.set("vulnerabilitySourceUpdatedAt", WireJson.tree(i.scanCompletedAt().minusSeconds(6 * 3600)));
                ObjectNode counts = summary.putObject("findingSeverityCounts");
                i.findingSeverityCounts().forEach(counts::put);
            }
            n.put("imageManifestMediaType", i.manifestMediaType());
            n.put("artifactMediaType", EcrImage.DOCKER_CONFIG);
            if (i.lastPulledAt() != null) {
                n.set("lastRecordedPullTime", WireJson.tree(i.lastPulledAt()));
            }
            n.put("imageStatus", "ACTIVE");
        }
        putToken(out, page.nextToken());
        return out;
    }

    private JsonNode listImages(WireRequest r) {
        Page<EcrApi.ImageId> page = engine.ecr().listImages(r.string("registryId"), r.string("repositoryName"), tagStatus(r),
                r.string("nextToken"), r.integer("maxResults"));
        ObjectNode out = WireJson.object();
        ArrayNode ids = out.putArray("imageIds");
        page.items().forEach(id -> putId(ids.addObject(), id));
        putToken(out, page.nextToken());
        return out;
    }

    private JsonNode batchGetImage(WireRequest r) {
        String repository = r.string("repositoryName");
        EcrApi.BatchResult<EcrApi.FoundImage> result = engine.ecr().batchGetImage(r.string("registryId"), repository, imageIds(r, true));
        String registry = registry(r);
        ObjectNode out = WireJson.object();
        ArrayNode images = out.putArray("images");
        for (EcrApi.FoundImage f : result.found()) {
            ObjectNode n = images.addObject();
            n.put("registryId", registry);
            n.put("repositoryName", repository);
            putId(n.putObject("imageId"), f.imageId());
            n.put("imageManifest", f.manifest());
            n.put("imageManifestMediaType", f.manifestMediaType());
        }
        putFailures(out, result.failures());
        return out;
    }

    private JsonNode createRepository(WireRequest r) {
        JsonNode scanning = r.node("imageScanningConfiguration");
        boolean scanOnPush = scanning != null && scanning.path("scanOnPush").asBoolean(false);
        EcrApi.RepositoryInfo info = engine.ecr().createRepository(r.string("registryId"), r.string("repositoryName"),
                r.string("imageTagMutability"), scanOnPush);
        ObjectNode out = WireJson.object();
        out.set("repository", repository(info));
        return out;
    }

    private JsonNode putImage(WireRequest r) {
        String mediaType = r.string("imageManifestMediaType");
        if (mediaType != null && !MEDIA_TYPES.contains(mediaType)) {
            throw invalid("Invalid parameter at 'imageManifestMediaType' failed to satisfy constraint: 'Invalid media type'");
        }
        String tag = r.string("imageTag");
        if (tag != null && (tag.isEmpty() || tag.length() > 300)) {
            throw invalid("Invalid parameter at 'imageTag' failed to satisfy constraint: 'Member must have length between 1 and 300'");
        }
        String repository = r.string("repositoryName");
        EcrImage image = engine.ecr().putImage(r.string("registryId"), repository, r.string("imageManifest"), mediaType, tag,
                r.string("imageDigest"));
        ObjectNode out = WireJson.object();
        ObjectNode n = out.putObject("image");
        n.put("registryId", registry(r));
        n.put("repositoryName", repository);
        putId(n.putObject("imageId"), new EcrApi.ImageId(image.digest(), tag));
        n.put("imageManifest", image.manifest());
        if (image.manifestMediaType() != null) {
            n.put("imageManifestMediaType", image.manifestMediaType());
        }
        return out;
    }

    private JsonNode batchDeleteImage(WireRequest r) {
        EcrApi.BatchResult<EcrApi.ImageId> result = engine.ecr().batchDeleteImage(r.string("registryId"), r.string("repositoryName"),
                imageIds(r, true));
        ObjectNode out = WireJson.object();
        ArrayNode ids = out.putArray("imageIds");
        result.found().forEach(id -> putId(ids.addObject(), id));
        putFailures(out, result.failures());
        return out;
    }

    private JsonNode deleteRepository(WireRequest r) {
        EcrApi.RepositoryInfo info = engine.ecr().deleteRepository(r.string("registryId"), r.string("repositoryName"), r.flag("force"));
        ObjectNode out = WireJson.object();
        out.set("repository", repository(info));
        return out;
    }

    private static ObjectNode repository(EcrApi.RepositoryInfo info) {
        ObjectNode n = WireJson.object();
        n.put("repositoryArn", info.repositoryArn());
        n.put("registryId", info.registryId());
        n.put("repositoryName", info.repositoryName());
        n.put("repositoryUri", info.repositoryUri());
        n.set("createdAt", WireJson.tree(info.createdAt()));
        n.put("imageTagMutability", info.imageTagMutability());
        n.putObject("imageScanningConfiguration").put("scanOnPush", info.scanOnPush());
        n.putObject("encryptionConfiguration").put("encryptionType", "AES256");
        return n;
    }

    /** The request's imageIds (1 to 100 of them when given; {@code required}: they must be). */
    private static List<EcrApi.ImageId> imageIds(WireRequest r, boolean required) {
        JsonNode ids = r.node("imageIds");
        if (ids == null || ids.isNull()) {
            return null;
        }
        if (ids.isEmpty() || ids.size() > 100) {
            throw invalid("1 validation error detected: Value at 'imageIds' failed to satisfy constraint: "
                    + "Member must have length between 1 and 100");
        }
        List<EcrApi.ImageId> out = new ArrayList<>();
        for (JsonNode id : ids) {
            JsonNode digest = id.get("imageDigest");
            JsonNode tag = id.get("imageTag");
            if (!required && digest == null && tag == null) {
                throw invalid("Invalid parameter at 'imageIds' failed to satisfy constraint: 'An image digest or image tag must be given'");
            }
            out.add(new EcrApi.ImageId(digest == null || digest.isNull() ? null : digest.asText(),
                    tag == null || tag.isNull() ? null : tag.asText()));
        }
        return out;
    }

    private static String tagStatus(WireRequest r) {
        JsonNode filter = r.node("filter");
        return filter == null || !filter.hasNonNull("tagStatus") ? null : filter.get("tagStatus").asText();
    }

    private String registry(WireRequest r) {
        return r.string("registryId") == null ? engine.ecr().registryId() : r.string("registryId");
    }

    private static void putId(ObjectNode n, EcrApi.ImageId id) {
        if (id.imageDigest() != null) {
            n.put("imageDigest", id.imageDigest());
        }
        if (id.imageTag() != null) {
            n.put("imageTag", id.imageTag());
        }
    }

    private static void putFailures(ObjectNode out, List<EcrApi.ImageFailure> failures) {
        ArrayNode array = out.putArray("failures");
        for (EcrApi.ImageFailure f : failures) {
            ObjectNode n = array.addObject();
            putId(n.putObject("imageId"), f.imageId());
            n.put("failureCode", f.failureCode());
            n.put("failureReason", f.failureReason());
        }
    }

    private static void putToken(ObjectNode out, String token) {
        if (token != null) {
            out.put("nextToken", token);
        }
    }

    private static SimApiException invalid(String message) {
        return new SimApiException("InvalidParameterException", message);
    }
}
