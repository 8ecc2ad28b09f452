package dev.ecsdeck.sim.ecr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated ECR registry: repositories, images by tag and digest, ECR's errors and failures, paging, pulls. */
class EcrApiTest {
    private static final String ACCOUNT = "000000000000";
    private final ManualClock clock = DemoSim.startClock();
    private final SimEngine engine = DemoSim.emptyEngine(clock, 7);
    private final EcrApi ecr = engine.ecr();

    private static EcrApi.ImageId tag(String t) {
        return new EcrApi.ImageId(null, t);
    }

    private static EcrApi.ImageId digest(String d) {
        return new EcrApi.ImageId(d, null);
    }

    @Test
    void aRepositoryHasEcrsArnAndUriInTheAccountsRegistry() {
        EcrApi.RepositoryInfo r = ecr.createRepository(null, "team/app", null, true);
        assertEquals(ACCOUNT, r.registryId());
        assertEquals("arn:aws:ecr:us-east-1:000000000000:repository/team/app", r.repositoryArn());
        assertEquals("000000000000.dkr.ecr.us-east-1.amazonaws.com/team/app", r.repositoryUri());
        assertEquals("MUTABLE", r.imageTagMutability());
        assertEquals(DemoSim.START, r.createdAt());
        SimApiException again = assertThrows(SimApiException.class, () -> ecr.createRepository(null, "team/app", null, false));
        assertEquals("RepositoryAlreadyExistsException", again.errorCode());
        assertEquals("InvalidParameterException", assertThrows(SimApiException.class,
                () -> ecr.createRepository(null, "Bad_Name", null, false)).errorCode());
    }

    @Test
    void seededImagesHaveDigestsOfTheirManifestsTheSameEveryRun() {
        ecr.createRepository(null, "app", null, false);
        EcrImage one = ecr.seedImage("app", List.of("1.0", "latest"), DemoSim.START.minusSeconds(3600), Map.of("CRITICAL", 1));
        assertTrue(one.digest().matches("sha256:[0-9a-f]{64}"), one.digest());
        assertEquals(Manifests.digest(one.manifest()), one.digest());
        assertEquals(List.of("1.0", "latest"), one.tags());
        assertEquals("COMPLETE", one.scanStatus());
        assertEquals(Map.of("CRITICAL", 1), one.findingSeverityCounts());
        assertTrue(one.sizeInBytes() > 1_000_000, "the layers' sizes: " + one.sizeInBytes());

        SimEngine other = DemoSim.emptyEngine(DemoSim.startClock(), 7);
        other.ecr().createRepository(null, "app", null, false);
        assertEquals(one.digest(), other.ecr().seedImage("app", List.of("1.0"), DemoSim.START, null).digest());
        SimEngine otherSeed = DemoSim.emptyEngine(DemoSim.startClock(), 8);
        otherSeed.ecr().createRepository(null, "app", null, false);
        assertNotEquals(one.digest(), otherSeed.ecr().seedImage("app", List.of("1.0"), DemoSim.START, null).digest());
    }

    @Test
    void aPushedTagMovesToTheNewImageAndTheOldOneStaysUntagged() {
        ecr.createRepository(null, "app", null, false);
        EcrImage first = ecr.seedImage("app", List.of("latest"), DemoSim.START.minusSeconds(60), null);
        clock.advance(Duration.ofSeconds(5));
        EcrImage second = ecr.putImage(null, "app", Manifests.make(1, "app", "two"), null, "latest", null);
        assertEquals(EcrImage.DOCKER_MANIFEST, second.manifestMediaType());
        List<EcrImage> all = ecr.describeImages(null, "app", null, null, null, null).items();
        assertEquals(List.of(first.digest(), second.digest()), all.stream().map(EcrImage::digest).toList());
        assertEquals(List.of(), all.get(0).tags());
        assertEquals(List.of("latest"), all.get(1).tags());
        assertEquals(List.of(first.digest()), ecr.describeImages(null, "app", null, "UNTAGGED", null, null).items().stream()
                .map(EcrImage::digest).toList());
        assertEquals("ImageAlreadyExistsException", assertThrows(SimApiException.class,
                () -> ecr.putImage(null, "app", second.manifest(), null, "latest", null)).errorCode());
        assertEquals("ImageDigestDoesNotMatchException", assertThrows(SimApiException.class,
                () -> ecr.putImage(null, "app", Manifests.make(1, "app", "three"), null, "3", first.digest())).errorCode());
    }

    @Test
    void anImmutableRepositoryRefusesToMoveATag() {
        ecr.createRepository(null, "app", "IMMUTABLE", false);
        ecr.seedImage("app", List.of("1.0"), DemoSim.START, null);
        SimApiException e = assertThrows(SimApiException.class,
                () -> ecr.putImage(null, "app", Manifests.make(1, "app", "other"), null, "1.0", null));
        assertEquals("ImageTagAlreadyExistsException", e.errorCode());
        assertEquals("The image tag '1.0' already exists in the 'app' repository and cannot be overwritten because the repository is immutable.",
                e.getMessage());
    }

    @Test
    void describeImagesByIdFailsForAMissingOneAsEcrDoes() {
        ecr.createRepository(null, "app", null, false);
        EcrImage one = ecr.seedImage("app", List.of("1.0"), DemoSim.START, null);
        assertEquals(List.of(one.digest()), ecr.describeImages(null, "app", List.of(tag("1.0"), digest(one.digest())), null, null, null)
                .items().stream().map(EcrImage::digest).toList());
        SimApiException e = assertThrows(SimApiException.class,
                () -> ecr.describeImages(null, "app", List.of(tag("1.0"), tag("1.1")), null, null, null));
        assertEquals("ImageNotFoundException", e.errorCode());
        assertEquals("The image with imageId {imageDigest:'null', imageTag:'1.1'} does not exist within the repository with name 'app' "
                + "in the registry with id '000000000000'", e.getMessage());
        SimApiException missing = assertThrows(SimApiException.class, () -> ecr.describeImages(null, "nope", null, null, null, null));
        assertEquals("RepositoryNotFoundException", missing.errorCode());
        assertEquals("The repository with name 'nope' does not exist in the registry with id '000000000000'", missing.getMessage());
        assertEquals("RepositoryNotFoundException", assertThrows(SimApiException.class,
                () -> ecr.describeImages("111111111111", "app", null, null, null, null)).errorCode());
    }

    @Test
    void batchGetImageAnswersFoundImagesAndFailures() {
        ecr.createRepository(null, "app", null, false);
        EcrImage one = ecr.seedImage("app", List.of("1.0"), DemoSim.START, null);
        EcrImage two = ecr.seedImage("app", List.of("2.0"), DemoSim.START, null);
        EcrApi.BatchResult<EcrApi.FoundImage> r = ecr.batchGetImage(null, "app", List.of(tag("1.0"), tag("9.9"),
                new EcrApi.ImageId(two.digest(), "1.0"), new EcrApi.ImageId(null, null)));
        assertEquals(1, r.found().size());
        assertEquals(new EcrApi.ImageId(one.digest(), "1.0"), r.found().get(0).imageId());
        assertEquals(one.manifest(), r.found().get(0).manifest());
        assertEquals(List.of("ImageNotFound", "ImageTagDoesNotMatchDigest", "MissingDigestAndTag"),
                r.failures().stream().map(EcrApi.ImageFailure::failureCode).toList());
    }

    @Test
    void batchDeleteImageDropsATagOrAWholeImageAndDeleteRepositoryNeedsForceWhileImagesRemain() {
        ecr.createRepository(null, "app", null, false);
        EcrImage one = ecr.seedImage("app", List.of("1.0", "stable"), DemoSim.START, null);
        ecr.batchDeleteImage(null, "app", List.of(tag("stable")));
        assertEquals(List.of("1.0"), ecr.describeImages(null, "app", null, null, null, null).items().get(0).tags());
        assertEquals("RepositoryNotEmptyException", assertThrows(SimApiException.class,
                () -> ecr.deleteRepository(null, "app", false)).errorCode());
        EcrApi.BatchResult<EcrApi.ImageId> deleted = ecr.batchDeleteImage(null, "app", List.of(digest(one.digest()), tag("nope")));
        assertEquals(List.of(new EcrApi.ImageId(one.digest(), null)), deleted.found());
        assertEquals("ImageNotFound", deleted.failures().get(0).failureCode());
        ecr.deleteRepository(null, "app", false);
        assertEquals(0, ecr.describeRepositories(null, null, null, null).items().size());
    }

    @Test
    void listsPageAndListImagesHasOneIdPerTag() {
        for (int i = 0; i < 5; i++) {
            ecr.createRepository(null, "repo-" + i, null, false);
        }
        Page<EcrApi.RepositoryInfo> first = ecr.describeRepositories(null, null, null, 2);
        assertEquals(List.of("repo-0", "repo-1"), first.items().stream().map(EcrApi.RepositoryInfo::repositoryName).toList());
        assertNotNull(first.nextToken());
        assertEquals("repo-2", ecr.describeRepositories(null, null, first.nextToken(), 2).items().get(0).repositoryName());
        assertEquals("InvalidParameterException", assertThrows(SimApiException.class,
                () -> ecr.describeRepositories(null, null, null, 1001)).errorCode());
        assertEquals(List.of("repo-3"), ecr.describeRepositories(null, List.of("repo-3"), null, null).items().stream()
                .map(EcrApi.RepositoryInfo::repositoryName).toList());
        assertEquals(0, ecr.describeRepositories("111111111111", null, null, null).items().size());

        ecr.seedImage("repo-0", List.of("a", "b"), DemoSim.START, null);
        ecr.seedImage("repo-0", List.of(), DemoSim.START.minusSeconds(9), null);
        List<EcrApi.ImageId> ids = ecr.listImages(null, "repo-0", null, null, null).items();
        assertEquals(3, ids.size());
        assertEquals(List.of("a", "b"), ids.stream().map(EcrApi.ImageId::imageTag).filter(t -> t != null).toList());
        assertEquals(1, ecr.listImages(null, "repo-0", "UNTAGGED", null, null).items().size());
    }

    @Test
    void aPullOfThisRegistrysImageNeedsItsTagOrDigestAndOtherRegistriesAreNotJudged() {
        ecr.createRepository(null, "app", null, false);
        EcrImage one = ecr.seedImage("app", List.of("1.0"), DemoSim.START, null);
        String uri = "000000000000.dkr.ecr.us-east-1.amazonaws.com/app";
        assertNull(ecr.pullFailure(uri + ":1.0", DemoSim.START.plusSeconds(30)));
        assertEquals(DemoSim.START.plusSeconds(30), ecr.describeImages(null, "app", null, null, null, null).items().get(0).lastPulledAt());
        assertNull(ecr.pullFailure(uri + "@" + one.digest(), DemoSim.START));
        assertEquals("CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref " + uri + ":1.1: "
                + uri + ":1.1: not found", ecr.pullFailure(uri + ":1.1", DemoSim.START));
        assertNotNull(ecr.pullFailure(uri, DemoSim.START), "no tag is latest, which the repository lacks");
        assertNotNull(ecr.pullFailure("000000000000.dkr.ecr.us-east-1.amazonaws.com/other:1.0", DemoSim.START));
        assertNull(ecr.pullFailure("111111111111.dkr.ecr.us-east-1.amazonaws.com/app:1.1", DemoSim.START), "another account's registry");
        assertNull(ecr.pullFailure("000000000000.dkr.ecr.eu-west-1.amazonaws.com/app:1.1", DemoSim.START), "another region's registry");
        assertNull(ecr.pullFailure("public.ecr.aws/nginx/nginx:1.25-alpine", DemoSim.START));
        assertNull(ecr.pullFailure("nginx:does-not-exist", DemoSim.START));
    }

    @Test
    void aSnapshotRestoresTheRegistry() {
        ecr.useRegistry("123456789012");
        ecr.createRepository(null, "app", "IMMUTABLE", true);
        ecr.seedImage("app", List.of("1.0"), DemoSim.START, Map.of("HIGH", 2));
        EcrApi.State state = ecr.snapshot();
        SimEngine other = DemoSim.emptyEngine(DemoSim.startClock(), 7);
        other.ecr().restore(state);
        assertEquals(ecr.describeRepositories(null, null, null, null).items(), other.ecr().describeRepositories(null, null, null, null).items());
        assertEquals(ecr.describeImages(null, "app", null, null, null, null).items(),
                other.ecr().describeImages(null, "app", null, null, null, null).items());
        assertEquals("123456789012", other.ecr().registryId());
    }
}
