package dev.ecsdeck.ui.deploy;

import dev.ecsdeck.model.ContainerImage;
import dev.ecsdeck.model.ImageRepository;
import dev.ecsdeck.provider.EcsException;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.taskdef.ImageCheck;
import dev.ecsdeck.taskdef.ImageReference;
import java.util.List;

/**
 * The image check before Register and before Deploy, on the provider's ECR: read fresh each time
 * (a tag pushed a minute ago counts). Run it in the background; it makes no call when no image is in ECR.
 */
public final class ImageVerification {
    private ImageVerification() {}

    /** Whether any container's image is in an ECR registry (only those can be checked). */
    public static boolean anyInEcr(String json) {
        return ImageCheck.containers(json).stream().map(c -> ImageReference.parse(c.image())).anyMatch(r -> r != null && r.ecr() != null);
    }

    /** Blocking: checks the images of {@code json}, a revision of {@code taskDefinitionArn}'s account and region. */
    public static ImageCheck.Result check(EcsProvider provider, String json, String taskDefinitionArn) {
        return ImageCheck.check(ImageCheck.containers(json), ImageCheck.account(taskDefinitionArn), ImageCheck.region(taskDefinitionArn),
                new ImageCheck.Registry() {
                    @Override
                    public List<ImageRepository> repositories() {
                        return worded(provider::describeRepositories);
                    }

                    @Override
                    public List<ContainerImage> images(String repositoryName) {
                        return worded(() -> provider.describeImages(repositoryName));
                    }
                });
    }

    /** A failed call's message as the console words it elsewhere: which call, the error code, the message. */
    private static <T> T worded(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (EcsException e) {
            throw new IllegalStateException(e.summary(), e);
        }
    }

    /** The one line that says the check could not run; empty when it ran. */
    public static String notCheckedNote(ImageCheck.Result result) {
        return result.failure() == null ? "" : "Images not checked: " + result.failure().strip()
                + (result.failure().strip().endsWith(".") ? "" : ".");
    }

    /** The question when images are missing: each missing one on its line. */
    public static String missingQuestion(ImageCheck.Result result, String action) {
        return result.missingText() + "\n\nTasks cannot start from an image that is not there (CannotPullContainerError). "
                + action + " anyway, or go back and fix the image?";
    }
}
