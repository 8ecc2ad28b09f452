package dev.ecsdeck.ui.taskdef;

import dev.ecsdeck.model.ContainerImage;
import dev.ecsdeck.model.ImageRepository;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ForwardingEcsProvider;
import dev.ecsdeck.sim.DemoSim;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A TEST DOUBLE, not the simulator's ECR: the demo's backend with a fixed ECR added, in the registry
 * the demo's images name (123456789012, us-east-1): orders-api (3.4.1 and 3.4.0, 3.3.9 with
 * findings, one untagged image) and checkout (1.8.0, 1.9.0). It counts the ECR calls.
 */
final class EcrTestProvider extends ForwardingEcsProvider {
    static final String REGISTRY = "123456789012.dkr.ecr.us-east-1.amazonaws.com/";
    static final Instant NOW = DemoSim.START;
    final List<String> calls = new ArrayList<>();
    /** When set, every ECR call fails with it (no permission, a backend without ECR). */
    RuntimeException failure;

    EcrTestProvider(EcsProvider delegate) {
        super(delegate);
    }

    @Override
    public List<ImageRepository> describeRepositories() {
        calls.add("DescribeRepositories");
        if (failure != null) {
            throw failure;
        }
        return List.of(repository("checkout"), repository("orders-api"));
    }

    @Override
    public List<ContainerImage> describeImages(String repositoryName) {
        calls.add("DescribeImages " + repositoryName);
        if (failure != null) {
            throw failure;
        }
        return switch (repositoryName) {
            case "orders-api" -> List.of(
                    image(repositoryName, "sha256:41" + "0".repeat(62), List.of("3.4.1", "stable"), Duration.ofDays(3), 118_000_000L, Map.of()),
                    image(repositoryName, "sha256:40" + "0".repeat(62), List.of("3.4.0"), Duration.ofDays(9), 117_500_000L,
                            Map.of("HIGH", 5, "CRITICAL", 2)),
                    image(repositoryName, "sha256:ff" + "0".repeat(62), List.of(), Duration.ofHours(5), 118_100_000L, Map.of()),
                    image(repositoryName, "sha256:39" + "0".repeat(62), List.of("3.3.9"), Duration.ofDays(30), 90_000_000L, Map.of("LOW", 1)));
            case "checkout" -> List.of(
                    image(repositoryName, "sha256:19" + "0".repeat(62), List.of("1.9.0"), Duration.ofDays(1), 64_000_000L, Map.of()),
                    image(repositoryName, "sha256:18" + "0".repeat(62), List.of("1.8.0"), Duration.ofDays(12), 63_000_000L, Map.of()));
            default -> throw new IllegalArgumentException("RepositoryNotFoundException: " + repositoryName);
        };
    }

    private static ImageRepository repository(String name) {
        return new ImageRepository(name, "arn:aws:ecr:us-east-1:123456789012:repository/" + name, REGISTRY + name, NOW.minus(Duration.ofDays(400)));
    }

    private static ContainerImage image(String repo, String digest, List<String> tags, Duration age, long size, Map<String, Integer> findings) {
        return new ContainerImage(repo, digest, tags, NOW.minus(age), size, "COMPLETE", findings);
    }
}
