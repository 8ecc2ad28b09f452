package dev.ecsdeck.provider.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.ContainerImage;
import dev.ecsdeck.model.ImageRepository;
import dev.ecsdeck.provider.NotFoundException;
import dev.ecsdeck.provider.sim.SimProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ECR's repositories and images, the same on every provider: the demo's registry by name, each repository's images newest
 * pushed first with their scans, equal to what the simulator answers in process, and a missing repository is not found.
 */
abstract class ImagesContract extends ContractFixture {

    @Test
    void repositoriesAndImagesAreTheSimulatorsEveryOne() {
        try (SimProvider reference = new SimProvider(engine, "demo")) {
            List<ImageRepository> repositories = provider.describeRepositories();
            assertEquals(reference.describeRepositories(), repositories);
            assertEquals(8, repositories.size());
            for (ImageRepository r : repositories) {
                assertEquals(reference.describeImages(r.repositoryName()), provider.describeImages(r.repositoryName()), r.repositoryName());
            }
        }
    }

    @Test
    void imagesComeNewestFirstWithTheirScanFindings() {
        List<ContainerImage> checkout = provider.describeImages("checkout");
        assertEquals(List.of("1.9.0", "latest"), checkout.get(0).imageTags());
        for (int i = 1; i < checkout.size(); i++) {
            assertTrue(!checkout.get(i).imagePushedAt().isAfter(checkout.get(i - 1).imagePushedAt()));
        }
        ContainerImage critical = checkout.stream().filter(i -> i.imageTags().contains("1.7.2")).findFirst().orElseThrow();
        assertEquals("COMPLETE", critical.scanStatus());
        assertEquals(2, critical.findingSeverityCounts().get("CRITICAL"));
        assertEquals(4, critical.findingSeverityCounts().get("HIGH"));
        assertEquals(1, checkout.stream().filter(i -> i.imageTags().isEmpty()).count(), "one untagged image");
    }

    @Test
    void aMissingRepositoryIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> provider.describeImages("orders-apj"));
        assertEquals("RepositoryNotFoundException", e.errorCode());
        assertTrue(e.getMessage().contains("orders-apj"), e.getMessage());
    }
}
