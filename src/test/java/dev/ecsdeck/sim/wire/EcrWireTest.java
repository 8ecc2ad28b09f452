package dev.ecsdeck.sim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchDeleteImageResponse;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.FindingSeverity;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageFailureCode;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.ImageTagAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.ecr.model.PutImageResponse;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotEmptyException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.TagStatus;

/** ECR served on JSON 1.1, through the real SDK v2 EcrClient: the demo's registry, every page, ECR's errors, and a push. */
class EcrWireTest {
    private final WireFixture sim;
    private final EcrClient ecr;

    EcrWireTest() throws Exception {
        sim = new WireFixture();
        ecr = SdkClients.against(sim.endpoint(), EcrClient.builder());
    }

    @AfterEach
    void close() {
        ecr.close();
        sim.close();
    }

    private static ImageIdentifier tag(String t) {
        return ImageIdentifier.builder().imageTag(t).build();
    }

    @Test
    void describeRepositoriesPagesAndNamesTheMissingOne() {
        List<Repository> all = ecr.describeRepositoriesPaginator(b -> b.maxResults(3)).repositories().stream().toList();
        assertEquals(8, all.size());
        Repository orders = all.stream().filter(r -> r.repositoryName().equals("orders-api")).findFirst().orElseThrow();
        assertEquals("123456789012", orders.registryId());
        assertEquals("arn:aws:ecr:us-east-1:123456789012:repository/orders-api", orders.repositoryArn());
        assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api", orders.repositoryUri());
        assertNotNull(orders.createdAt());
        assertTrue(orders.imageScanningConfiguration().scanOnPush());
        assertEquals(List.of("payments"), ecr.describeRepositories(b -> b.repositoryNames("payments")).repositories().stream()
                .map(Repository::repositoryName).toList());
        assertEquals("IMMUTABLE", ecr.describeRepositories(b -> b.repositoryNames("payments")).repositories().get(0).imageTagMutabilityAsString());

        RepositoryNotFoundException e = assertThrows(RepositoryNotFoundException.class,
                () -> ecr.describeRepositories(b -> b.repositoryNames("orders-api", "nope")));
        assertEquals("The repository with name 'nope' does not exist in the registry with id '123456789012'", e.awsErrorDetails().errorMessage());
        assertEquals(400, e.statusCode());
        assertThrows(InvalidParameterException.class, () -> ecr.describeRepositories(b -> b.maxResults(1001)));
    }

    @Test
    void describeImagesAnswersScansSizesAndPulls() {
        sim.clock.advance(Duration.ofSeconds(60)); // the demo's tasks have pulled
        List<ImageDetail> details = ecr.describeImagesPaginator(b -> b.repositoryName("checkout").maxResults(2)).imageDetails().stream().toList();
        assertEquals(4, details.size());
        ImageDetail critical = details.stream().filter(d -> d.imageTags().contains("1.7.2")).findFirst().orElseThrow();
        assertEquals(2, critical.imageScanFindingsSummary().findingSeverityCounts().get(FindingSeverity.CRITICAL));
        assertEquals("COMPLETE", critical.imageScanStatus().statusAsString());
        assertNotNull(critical.imageScanFindingsSummary().imageScanCompletedAt());
        assertNotNull(critical.imageScanFindingsSummary().vulnerabilitySourceUpdatedAt());
        assertTrue(critical.imageDigest().matches("sha256:[0-9a-f]{64}"));
        assertTrue(critical.imageSizeInBytes() > 0);
        assertEquals("application/vnd.docker.distribution.manifest.v2+json", critical.imageManifestMediaType());
        assertEquals("application/vnd.docker.container.image.v1+json", critical.artifactMediaType());
        assertNull(critical.lastRecordedPullTime(), "nothing runs 1.7.2");
        DescribeImagesResponse running = ecr.describeImages(b -> b.repositoryName("checkout").imageIds(tag("1.8.0")));
        assertNotNull(running.imageDetails().get(0).lastRecordedPullTime(), "the service's tasks pull 1.8.0");

        assertEquals(1, ecr.describeImages(b -> b.repositoryName("checkout").filter(f -> f.tagStatus(TagStatus.UNTAGGED)))
                .imageDetails().size());
        ImageNotFoundException missing = assertThrows(ImageNotFoundException.class,
                () -> ecr.describeImages(b -> b.repositoryName("checkout").imageIds(tag("1.8.0"), tag("1.8.1"))));
        assertTrue(missing.awsErrorDetails().errorMessage().contains("imageTag:'1.8.1'"), missing.getMessage());
        assertThrows(RepositoryNotFoundException.class, () -> ecr.describeImages(b -> b.repositoryName("nope")));
    }

    @Test
    void listImagesAndBatchGetImageWithFailures() {
        assertEquals(List.of("5.1.4", "5.2.0", "5.3.0-rc1"), ecr.listImagesPaginator(b -> b.repositoryName("payments").maxResults(1))
                .imageIds().stream().map(ImageIdentifier::imageTag).toList(), "one id per tag, every page");
        String digest = ecr.describeImages(b -> b.repositoryName("payments").imageIds(tag("5.2.0"))).imageDetails().get(0).imageDigest();
        BatchGetImageResponse got = ecr.batchGetImage(b -> b.repositoryName("payments").imageIds(tag("5.2.0"), tag("v5.2.0"),
                ImageIdentifier.builder().imageDigest(digest).imageTag("5.1.4").build()));
        assertEquals(1, got.images().size());
        assertEquals(digest, got.images().get(0).imageId().imageDigest());
        assertTrue(got.images().get(0).imageManifest().contains("\"schemaVersion\": 2"));
        assertEquals(List.of(ImageFailureCode.IMAGE_NOT_FOUND, ImageFailureCode.IMAGE_TAG_DOES_NOT_MATCH_DIGEST),
                got.failures().stream().map(f -> f.failureCode()).toList());
        assertEquals("v5.2.0", got.failures().get(0).imageId().imageTag());
    }

    @Test
    void aDeployScriptCreatesARepositoryPushesTagsAndCleansUp() {
        Repository created = ecr.createRepository(b -> b.repositoryName("team/tool").imageScanningConfiguration(s -> s.scanOnPush(true)))
                .repository();
        assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/team/tool", created.repositoryUri());
        assertThrows(RepositoryAlreadyExistsException.class, () -> ecr.createRepository(b -> b.repositoryName("team/tool")));
        String manifest = "{\"schemaVersion\": 2, \"mediaType\": \"application/vnd.docker.distribution.manifest.v2+json\", \"layers\": []}";
        PutImageResponse pushed = ecr.putImage(b -> b.repositoryName("team/tool").imageTag("1.0").imageManifest(manifest));
        assertTrue(pushed.image().imageId().imageDigest().startsWith("sha256:"));
        ecr.putImage(b -> b.repositoryName("team/tool").imageTag("latest").imageManifest(manifest));
        ImageDetail detail = ecr.describeImages(b -> b.repositoryName("team/tool")).imageDetails().get(0);
        assertEquals(List.of("1.0", "latest"), detail.imageTags());
        assertEquals("COMPLETE", detail.imageScanStatus().statusAsString(), "scan on push");
        assertThrows(ImageTagAlreadyExistsException.class, () -> ecr.putImage(b -> b.repositoryName("payments").imageTag("5.2.0")
                .imageManifest(manifest)));

        assertThrows(RepositoryNotEmptyException.class, () -> ecr.deleteRepository(b -> b.repositoryName("team/tool")));
        BatchDeleteImageResponse deleted = ecr.batchDeleteImage(b -> b.repositoryName("team/tool").imageIds(tag("1.0"), tag("2.0")));
        assertEquals(1, deleted.imageIds().size());
        assertEquals(ImageFailureCode.IMAGE_NOT_FOUND, deleted.failures().get(0).failureCode());
        ecr.deleteRepository(b -> b.repositoryName("team/tool").force(true));
        assertThrows(RepositoryNotFoundException.class, () -> ecr.describeImages(b -> b.repositoryName("team/tool")));
    }
}
