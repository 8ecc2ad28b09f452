package dev.ecsdeck.provider.sim;

import dev.ecsdeck.model.ContainerImage;
import dev.ecsdeck.model.ImageRepository;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.ecr.EcrApi;
import dev.ecsdeck.sim.ecr.EcrImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The ECR reads of {@link SimProvider}: the simulated registry in the console's model, every page read. */
final class SimImages {
    private static final int PAGE = 1000;

    private final EcrApi ecr;

    SimImages(EcrApi ecr) {
        this.ecr = ecr;
    }

    List<ImageRepository> describeRepositories() {
        List<ImageRepository> out = new ArrayList<>();
        String token = null;
        do {
            Page<EcrApi.RepositoryInfo> page = ecr.describeRepositories(null, null, token, PAGE);
            page.items().forEach(r -> out.add(new ImageRepository(r.repositoryName(), r.repositoryArn(), r.repositoryUri(), r.createdAt())));
            token = page.nextToken();
        } while (token != null);
        out.sort(Comparator.comparing(ImageRepository::repositoryName));
        return out;
    }

    List<ContainerImage> describeImages(String repositoryName) {
        List<ContainerImage> out = new ArrayList<>();
        String token = null;
        do {
            Page<EcrImage> page = ecr.describeImages(null, repositoryName, null, null, token, PAGE);
            page.items().forEach(i -> out.add(new ContainerImage(repositoryName, i.digest(), i.tags(), i.pushedAt(), i.sizeInBytes(),
                    i.scanStatus(), i.findingSeverityCounts())));
            token = page.nextToken();
        } while (token != null);
        out.sort(Comparator.comparing(ContainerImage::imagePushedAt).reversed().thenComparing(ContainerImage::imageDigest));
        return out;
    }
}
