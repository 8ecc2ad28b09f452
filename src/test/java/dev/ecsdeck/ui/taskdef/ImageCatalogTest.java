package dev.ecsdeck.ui.taskdef;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.provider.AccessDeniedException;
import dev.ecsdeck.provider.ObservedEcsProvider;
import dev.ecsdeck.provider.Operation;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The editor's ECR suggestions: what is offered for what is typed, read once and kept, and nothing from a backend without ECR. */
class ImageCatalogTest {
    private static final String ORDERS = EcrTestProvider.REGISTRY + "orders-api";
    private final DemoSim sim = new DemoSim();
    private final EcrTestProvider ecr = new EcrTestProvider(sim.provider);
    private final ImageCatalog catalog = new ImageCatalog(ecr, new CurrentThreadTaskExecutor(), () -> EcrTestProvider.NOW);

    @AfterEach
    void close() {
        sim.provider.close();
    }

    private List<String> lines(String typed) {
        catalog.want(typed);
        return catalog.suggest(typed).stream().map(s -> s.title() + " | " + s.details()).toList();
    }

    @Test
    void repositoriesFirstThenTheTagsAndDigestsOfTheOneTypedNewestFirst() {
        assertEquals(List.of("orders-api | ECR repository · " + ORDERS), lines("orders"));
        assertEquals(List.of("checkout", "orders-api"), catalog.suggest("").stream().map(ImageSuggestion::title).toList());
        assertEquals(List.of(
                "sha256:ff0000000000… (untagged) | pushed 5 hours ago · 112.6 MB · no findings",
                "3.4.1 | pushed 3 days ago · 112.5 MB · no findings · sha256:410000000000…",
                "stable | pushed 3 days ago · 112.5 MB · no findings · sha256:410000000000…",
                "sha256:410000000000… (3.4.1, stable) | pushed 3 days ago · 112.5 MB · no findings",
                "3.4.0 | pushed 9 days ago · 112.1 MB · 2 critical, 5 high · sha256:400000000000…",
                "sha256:400000000000… (3.4.0) | pushed 9 days ago · 112.1 MB · 2 critical, 5 high",
                "3.3.9 | pushed 30 days ago · 85.8 MB · 1 low · sha256:390000000000…",
                "sha256:390000000000… (3.3.9) | pushed 30 days ago · 85.8 MB · 1 low"), lines(ORDERS));
        assertEquals(List.of("3.4.1", "3.4.0"), catalog.suggest(ORDERS + ":3.4").stream().map(ImageSuggestion::title).toList());
        assertEquals(List.of(ORDERS + ":3.4.1", ORDERS + ":3.4.0"), catalog.suggest(ORDERS + ":3.4").stream().map(ImageSuggestion::value).toList());
        assertEquals(List.of(ORDERS + "@sha256:40" + "0".repeat(62)),
                catalog.suggest(ORDERS + "@sha256:40").stream().map(ImageSuggestion::value).toList());
        assertEquals(List.of(), catalog.suggest("nginx:latest"), "another registry: nothing offered");
        assertEquals("2 ECR repositories to pick from", catalog.statusProperty().get());
    }

    @Test
    void readsEachRepositoryOnceUntilRefreshed() {
        lines(ORDERS + ":3");
        lines(ORDERS + ":3.4");
        lines(EcrTestProvider.REGISTRY + "checkout:1");
        assertEquals(List.of("DescribeRepositories", "DescribeImages orders-api", "DescribeImages checkout"), ecr.calls);
        int before = catalog.versionProperty().get();
        catalog.refresh();
        assertTrue(catalog.versionProperty().get() > before);
        assertEquals(List.of(), catalog.suggest(ORDERS + ":3"), "forgotten until read again");
        lines(ORDERS + ":3");
        assertEquals(List.of("DescribeRepositories", "DescribeImages orders-api", "DescribeImages checkout", "DescribeRepositories",
                "DescribeImages orders-api"), ecr.calls);
        assertEquals(3, catalog.suggest(ORDERS + ":3").size());
    }

    @Test
    void aBackendWithoutEcrOffersNothingAndSaysNothing() {
        // As the window's decorators deliver it: the call's failure wrapped with its operation.
        ecr.failure = new UnsupportedOperationException("This backend cannot list ECR repositories");
        ImageCatalog observed = new ImageCatalog(new ObservedEcsProvider(ecr, new dev.ecsdeck.provider.CallObserver() {
            @Override
            public void started(Operation operation) {
            }

            @Override
            public void finished(Operation operation, dev.ecsdeck.provider.EcsException failure) {
            }
        }), new CurrentThreadTaskExecutor(), () -> EcrTestProvider.NOW);
        observed.want(ORDERS);
        assertEquals(List.of(), observed.suggest(ORDERS));
        assertEquals("", observed.statusProperty().get());
    }

    @Test
    void aDeniedListingOffersNothingAndSaysWhy() {
        ecr.failure = new AccessDeniedException(Operation.DESCRIBE_REPOSITORIES, "AccessDeniedException",
                "not authorized to perform: ecr:DescribeRepositories", null);
        assertEquals(List.of(), lines(ORDERS));
        assertTrue(catalog.statusProperty().get().startsWith("No ECR suggestions: "), catalog.statusProperty().get());
        assertTrue(catalog.statusProperty().get().contains("ecr:DescribeRepositories"), catalog.statusProperty().get());
    }
}
