package dev.ecsdeck.provider.aws;

import dev.ecsdeck.model.ContainerImage;
import dev.ecsdeck.model.ImageRepository;
import dev.ecsdeck.provider.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageDetail;

/**
 * The ECR reads of {@link AwsEcsProvider} on the SDK's ECR client (the account's default registry in the region), every
 * page read, one call at a time so each is counted and its error mapped ({@code RepositoryNotFoundException}: not found).
 */
final class AwsImages {
    /** DescribeRepositories and DescribeImages take up to 1000 a page. */
    private static final int PAGE = 1000;

    private final EcrClient ecr;
    private final AwsErrors errors;

    AwsImages(EcrClient ecr, AwsErrors errors) {
        this.ecr = ecr;
        this.errors = errors;
    }

    List<ImageRepository> describeRepositories() {
        List<ImageRepository> out = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            var r = errors.call(Operation.DESCRIBE_REPOSITORIES, () -> ecr.describeRepositories(b -> b.nextToken(from).maxResults(PAGE)));
            r.repositories().forEach(repo -> out.add(new ImageRepository(repo.repositoryName(), repo.repositoryArn(), repo.repositoryUri(),
                    repo.createdAt())));
            token = r.nextToken();
        } while (token != null);
        out.sort(Comparator.comparing(ImageRepository::repositoryName));
        return out;
    }

    List<ContainerImage> describeImages(String repositoryName) {
        List<ContainerImage> out = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            var r = errors.call(Operation.DESCRIBE_IMAGES,
                    () -> ecr.describeImages(b -> b.repositoryName(repositoryName).nextToken(from).maxResults(PAGE)));
            r.imageDetails().forEach(d -> out.add(image(repositoryName, d)));
            token = r.nextToken();
        } while (token != null);
        out.sort(Comparator.comparing(ContainerImage::imagePushedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ContainerImage::imageDigest));
        return out;
    }

    private static ContainerImage image(String repositoryName, ImageDetail d) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (d.imageScanFindingsSummary() != null && d.imageScanFindingsSummary().hasFindingSeverityCounts()) {
            counts.putAll(d.imageScanFindingsSummary().findingSeverityCountsAsStrings());
        }
        return new ContainerImage(repositoryName, d.imageDigest(), d.hasImageTags() ? d.imageTags() : List.of(), d.imagePushedAt(),
                d.imageSizeInBytes(), d.imageScanStatus() == null ? null : d.imageScanStatus().statusAsString(), counts);
    }
}
