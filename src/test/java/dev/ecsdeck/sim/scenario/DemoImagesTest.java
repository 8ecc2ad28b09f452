package dev.ecsdeck.sim.scenario;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.ContainerImage;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.ImageRepository;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.provider.NotFoundException;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.sim.DemoSim;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The demo's ECR registry (123456789012's, which its task definitions name) through the simulator provider: every image the demo's
 * task definitions name exists; a few older tags, an untagged image, one with CRITICAL findings; and twenty minutes after the
 * console opens, a deploy of payments with a mistyped tag fails to pull and the circuit breaker rolls it back.
 */
class DemoImagesTest {
    private static final String REGISTRY = "123456789012.dkr.ecr.us-east-1.amazonaws.com/";

    @Test
    void everyEcrImageOfTheDemosTaskDefinitionsIsInItsRegistry() {
        try (DemoSim demo = new DemoSim()) {
            List<ImageRepository> repos = demo.provider.describeRepositories();
            assertEquals(List.of("catalog", "checkout", "cron-scheduler", "notifications", "orders-api", "payments", "reports-worker",
                    "search"), repos.stream().map(ImageRepository::repositoryName).toList());
            ImageRepository orders = repos.stream().filter(r -> r.repositoryName().equals("orders-api")).findFirst().orElseThrow();
            assertEquals("arn:aws:ecr:us-east-1:123456789012:repository/orders-api", orders.repositoryArn());
            assertEquals(REGISTRY + "orders-api", orders.repositoryUri());
            assertTrue(orders.createdAt().isBefore(DemoSim.START.minus(Duration.ofDays(365))));

            Set<String> named = new TreeSet<>();
            for (String family : demo.provider.listTaskDefinitionFamilies()) {
                for (String arn : demo.provider.listTaskDefinitions(family, true)) {
                    String json = demo.provider.describeTaskDefinition(arn).json();
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"image\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
                    while (m.find()) {
                        named.add(m.group(1));
                    }
                }
            }
            int checked = 0;
            for (String image : named) {
                if (image.startsWith(REGISTRY)) {
                    String repo = image.substring(REGISTRY.length(), image.indexOf(':', REGISTRY.length()));
                    String tag = image.substring(image.indexOf(':', REGISTRY.length()) + 1);
                    assertTrue(demo.provider.describeImages(repo).stream().anyMatch(i -> i.imageTags().contains(tag)), image);
                    checked++;
                }
            }
            assertTrue(checked >= 13, "the demo's ECR images: " + named);
        }
    }

    @Test
    void imagesComeNewestFirstWithTheirScansAndSomeAreUntaggedOrCritical() {
        try (DemoSim demo = new DemoSim()) {
            List<ContainerImage> orders = demo.provider.describeImages("orders-api");
            List<Instant> pushed = orders.stream().map(ContainerImage::imagePushedAt).toList();
            List<Instant> sorted = new ArrayList<>(pushed);
            sorted.sort(java.util.Comparator.reverseOrder());
            assertEquals(sorted, pushed, "newest pushed first");
            assertEquals(List.of("3.5.0-beta.2", "latest"), orders.get(0).imageTags());
            assertTrue(orders.stream().anyMatch(i -> i.imageTags().isEmpty()), "an untagged image");
            assertTrue(orders.stream().allMatch(i -> i.imageDigest().matches("sha256:[0-9a-f]{64}") && i.imageSizeInBytes() > 0
                    && "COMPLETE".equals(i.scanStatus())));
            ContainerImage critical = demo.provider.describeImages("checkout").stream().filter(i -> i.imageTags().contains("1.7.2"))
                    .findFirst().orElseThrow();
            assertEquals(2, critical.findingSeverityCounts().get("CRITICAL"));
            ContainerImage unscanned = demo.provider.describeImages("catalog").get(0);
            assertNull(unscanned.scanStatus());
            assertEquals(0, unscanned.findingSeverityCounts().size());
            NotFoundException e = assertThrows(NotFoundException.class, () -> demo.provider.describeImages("nope"));
            assertEquals("RepositoryNotFoundException", e.errorCode());
        }
    }

    @Test
    void twentyMinutesInAMistypedTagFailsToPullAndPaymentsRollsBack() {
        try (DemoSim demo = new DemoSim()) {
            String image = REGISTRY + "payments:v5.2.0";
            demo.clock.advance(Duration.ofSeconds(1190));
            assertFalse(taskDefinitionOf(demo).endsWith("payments:4"), "not yet");
            demo.clock.advance(Duration.ofSeconds(20));
            assertTrue(taskDefinitionOf(demo).endsWith("payments:4"), "the deploy of the mistyped tag");
            EcsService failed = null;
            for (int s = 0; s < 600 && failed == null; s += 10) {
                demo.clock.advance(Duration.ofSeconds(10));
                EcsService svc = demo.provider.describeServices("prod-web", List.of("payments")).get(0);
                failed = svc.deployments().stream().anyMatch(d -> d.taskDefinition().endsWith("payments:4") && "FAILED".equals(d.rolloutState()))
                        ? svc : null;
            }
            assertTrue(failed != null, "the circuit breaker tripped");
            assertTrue(failed.taskDefinition().endsWith("payments:1"), "rolled back to " + failed.taskDefinition());
            List<EcsTask> stopped = demo.provider.listTasks("prod-web", new TaskFilter("payments", null, null, null, "STOPPED"));
            String reason = "CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref " + image + ": "
                    + image + ": not found";
            long failedPulls = stopped.stream().filter(t -> t.taskDefinitionArn().endsWith("payments:4"))
                    .filter(t -> "TaskFailedToStart".equals(t.stopCode()) && reason.equals(t.stoppedReason())).count();
            assertTrue(failedPulls >= 3, "failed pulls: " + failedPulls);
            assertThat(failed.events().stream().map(ServiceEvent::message).toList(), hasItem(org.hamcrest.Matchers.startsWith(
                    "(service payments) rolling back to deployment ")));
        }
    }

    private static String taskDefinitionOf(DemoSim demo) {
        return demo.provider.describeServices("prod-web", List.of("payments")).get(0).taskDefinition();
    }
}
