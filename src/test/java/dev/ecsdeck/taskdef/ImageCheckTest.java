package dev.ecsdeck.taskdef;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ecsdeck.model.ContainerImage;
import dev.ecsdeck.model.ImageRepository;
import dev.ecsdeck.taskdef.ImageCheck.Container;
import dev.ecsdeck.taskdef.ImageCheck.Result;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Image references as Docker reads them, and the check of a task definition's images against the account's ECR. */
class ImageCheckTest {
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "us-east-1";
    private static final String ECR = ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com/";
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    /** A registry with checkout (1.4.5, 1.4.6 pushed later, an untagged image) and nothing else; it counts its calls. */
    private static final class FakeRegistry implements ImageCheck.Registry {
        final List<String> calls = new ArrayList<>();

        @Override
        public List<ImageRepository> repositories() {
            calls.add("repositories");
            return List.of(new ImageRepository("checkout", "arn:aws:ecr:us-east-1:123456789012:repository/checkout", ECR + "checkout", T0));
        }

        @Override
        public List<ContainerImage> images(String repositoryName) {
            calls.add("images " + repositoryName);
            return List.of(image("sha256:aaa", List.of("1.4.5"), T0), image("sha256:bbb", List.of("1.4.6", "latest"), T0.plusSeconds(60)),
                    image("sha256:ccc", List.of(), T0.plusSeconds(120)));
        }
    }

    static ContainerImage image(String digest, List<String> tags, Instant pushed) {
        return new ContainerImage("checkout", digest, tags, pushed, 50_000_000L, "COMPLETE", Map.of());
    }

    @Test
    void readsTheRegistryRepositoryTagAndDigestAsDockerDoes() {
        assertEquals(new ImageReference(null, "nginx", null, null), ImageReference.parse("nginx"));
        assertEquals(new ImageReference(null, "amazon/aws-for-fluent-bit", "stable", null), ImageReference.parse("amazon/aws-for-fluent-bit:stable"));
        assertEquals(new ImageReference("localhost:5000", "app", "1", null), ImageReference.parse("localhost:5000/app:1"));
        assertEquals(new ImageReference("localhost:5000", "app", null, null), ImageReference.parse("localhost:5000/app"));
        assertEquals(new ImageReference("quay.io", "signalfx/fluent-bit-aws", "1.3.2", null), ImageReference.parse("quay.io/signalfx/fluent-bit-aws:1.3.2"));
        ImageReference ecr = ImageReference.parse(ECR + "team/checkout:1.4.7");
        assertEquals(new ImageReference(ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com", "team/checkout", "1.4.7", null), ecr);
        assertEquals(new ImageReference.EcrRegistry(ACCOUNT, REGION), ecr.ecr());
        assertEquals(new ImageReference(ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com", "checkout", null, "sha256:abc"),
                ImageReference.parse(ECR + "checkout@sha256:abc"));
        assertEquals(new ImageReference(ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com", "checkout", "1", "sha256:abc"),
                ImageReference.parse(ECR + "checkout:1@sha256:abc"));
        assertNull(ImageReference.parse("public.ecr.aws/aws-observability/aws-otel-collector:latest").ecr());
        assertNull(ImageReference.parse("11111111111.dkr.ecr.us-east-1.amazonaws.com/x:1").ecr(), "11 digits is no account");
        assertEquals("cn-north-1", ImageReference.parse(ACCOUNT + ".dkr.ecr.cn-north-1.amazonaws.com.cn/x").ecr().region());
        assertEquals("latest", ImageReference.parse(ECR + "checkout").tagToPull());
        assertNull(ImageReference.parse("  "));
    }

    @Test
    void aMissingTagIsNamedWithItsContainerAndTheNewestTags() {
        FakeRegistry registry = new FakeRegistry();
        Result r = ImageCheck.check(List.of(new Container("web", ECR + "checkout:1.4.7"), new Container("ok", ECR + "checkout:1.4.5"),
                new Container("proxy", "nginx:latest")), ACCOUNT, REGION, registry);
        assertFalse(r.allFound());
        assertEquals("Container web: image " + ECR + "checkout:1.4.7 — tag 1.4.7 not found in repository checkout "
                + "(newest tags: 1.4.6, latest, 1.4.5)", r.missingText());
        assertEquals(List.of(new Container("ok", ECR + "checkout:1.4.5")), r.found());
        assertEquals(List.of(new Container("proxy", "nginx:latest")), r.notChecked());
        assertEquals(List.of("repositories", "images checkout"), registry.calls, "each repository read once");
    }

    @Test
    void aMissingRepositoryAndAMissingDigestAreNamed() {
        Result r = ImageCheck.check(List.of(new Container("api", ECR + "orders:2"), new Container("pinned", ECR + "checkout@sha256:zzz"),
                new Container("byDigest", ECR + "checkout@sha256:ccc"), new Container("bare", ECR + "checkout")), ACCOUNT, REGION, new FakeRegistry());
        assertEquals(List.of(
                "Container api: image " + ECR + "orders:2 — repository orders not found in the ECR of account 123456789012 in us-east-1"
                        + " (repositories: checkout)",
                "Container pinned: image " + ECR + "checkout@sha256:zzz — digest sha256:zzz not found in repository checkout (it has 3 images)"),
                r.missing().stream().map(ImageCheck.Missing::text).toList());
        assertEquals(List.of("byDigest", "bare"), r.found().stream().map(Container::name).toList(), "an untagged digest, and latest");
    }

    @Test
    void otherAccountsRegionsAndRegistriesAreNotCheckedNorRead() {
        FakeRegistry registry = new FakeRegistry();
        Result r = ImageCheck.check(List.of(new Container("a", "999999999999.dkr.ecr.us-east-1.amazonaws.com/checkout:9"),
                new Container("b", ACCOUNT + ".dkr.ecr.eu-west-1.amazonaws.com/checkout:9"), new Container("c", "public.ecr.aws/x/y:1")),
                ACCOUNT, REGION, registry);
        assertTrue(r.allFound());
        assertEquals(3, r.notChecked().size());
        assertEquals(List.of("repositories"), registry.calls, "the repositories say which registry is the account's; no image is read");
        assertThat(ImageCheck.check(List.of(new Container("c", "public.ecr.aws/x/y:1"), new Container("d", "nginx")), ACCOUNT, REGION,
                registry).notChecked(), org.hamcrest.Matchers.hasSize(2));
        assertEquals(1, registry.calls.size(), "no ECR image: nothing is read");
    }

    @Test
    void theRepositoriesRegistryIsTheAccountsEvenWhenTheArnNamesAnother() {
        // The simulator's ARNs may name another account than its repositories' URIs: what the account lists is its own.
        Result r = ImageCheck.check(List.of(new Container("web", ECR + "checkout:9.9.9")), "000000000000", REGION, new FakeRegistry());
        assertEquals(1, r.missing().size());
        assertThat(r.missing().get(0).text(), org.hamcrest.Matchers.containsString("tag 9.9.9 not found in repository checkout"));
    }

    @Test
    void aFailedListingLeavesEveryEcrImageNotCheckedAndSaysWhy() {
        ImageCheck.Registry broken = new ImageCheck.Registry() {
            @Override
            public List<ImageRepository> repositories() {
                throw new IllegalStateException("AccessDenied");
            }

            @Override
            public List<ContainerImage> images(String repositoryName) {
                throw new AssertionError("not reached");
            }
        };
        Result r = ImageCheck.check(List.of(new Container("log", "906394416424.dkr.ecr.us-east-1.amazonaws.com/aws-for-fluent-bit:stable")),
                ACCOUNT, REGION, broken);
        assertEquals("AccessDenied", r.failure());
        assertEquals(1, r.notChecked().size());
        Result own = ImageCheck.check(List.of(new Container("web", ECR + "checkout:1")), ACCOUNT, REGION, broken);
        assertEquals("AccessDenied", own.failure());
        assertEquals(1, own.notChecked().size());
    }

    @Test
    void aCheckThatCannotRunSaysWhyAndClaimsNothing() {
        ImageCheck.Registry denied = new ImageCheck.Registry() {
            @Override
            public List<ImageRepository> repositories() {
                throw new UnsupportedOperationException("This backend cannot list ECR repositories");
            }

            @Override
            public List<ContainerImage> images(String repositoryName) {
                throw new AssertionError("not reached");
            }
        };
        Result r = ImageCheck.check(List.of(new Container("web", ECR + "checkout:1")), ACCOUNT, REGION, denied);
        assertEquals("This backend cannot list ECR repositories", r.failure());
        assertThat(r.found(), empty());
        assertThat(r.missing(), empty());
        assertFalse(r.allFound());
    }

    @Test
    void readsContainersFromTheRegisterRequestAndFromADescribedRevision() {
        String request = "{\"family\":\"f\",\"containerDefinitions\":[{\"name\":\"web\",\"image\":\"nginx\"},{\"name\":\"side\",\"image\":\"x:1\"}]}";
        assertEquals(List.of(new Container("web", "nginx"), new Container("side", "x:1")), ImageCheck.containers(request));
        assertEquals(List.of(new Container("web", "nginx"), new Container("side", "x:1")), ImageCheck.containers("{\"taskDefinition\":" + request + "}"));
        assertThat(ImageCheck.containers("{not json"), empty());
        assertEquals(ACCOUNT, ImageCheck.account("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"));
        assertEquals(REGION, ImageCheck.region("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"));
        assertNull(ImageCheck.account("web:3"));
    }

    /**
     * The real task definitions: every container's image reads back to what it wrote, and only the
     * images of the account's ECR (the account and region of each ECR image in turn) are looked up.
     */
    @TestFactory
    Stream<DynamicTest> theSampleTaskDefinitionsImagesReadBackAndOnlyTheirOwnEcrIsChecked() {
        return Fixtures.corpus().stream().filter(f -> !RefusedDefinitions.notJson(f.name())).map(f -> dynamicTest(f.name(), () -> {
            List<Container> containers = ImageCheck.containers(f.json());
            assertThat(f.name() + " has containers with images", containers, not(empty()));
            for (Container c : containers) {
                ImageReference ref = ImageReference.parse(c.image());
                String back = (ref.registry() == null ? "" : ref.registry() + "/") + ref.repository() + (ref.tag() == null ? "" : ":" + ref.tag())
                        + (ref.digest() == null ? "" : "@" + ref.digest());
                assertEquals(c.image().trim(), back);
                ImageReference.EcrRegistry ecr = ref.ecr();
                if (ecr == null) {
                    assertTrue(ImageCheck.check(List.of(c), ACCOUNT, REGION, new FakeRegistry()).notChecked().contains(c));
                    continue;
                }
                FakeRegistry registry = new FakeRegistry();
                Result r = ImageCheck.check(List.of(c), ecr.account(), ecr.region(), registry);
                assertEquals(1, r.found().size() + r.missing().size(), c.image() + " is checked");
                assertTrue(registry.calls.contains("repositories"));
            }
        }));
    }
}
