package dev.ecsdeck.ui.taskdef;

import dev.ecsdeck.model.ContainerImage;
import dev.ecsdeck.model.ImageRepository;
import dev.ecsdeck.provider.EcsException;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.Plural;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The account's ECR repositories and their images, for the editor's image fields: read in the
 * background when first wanted, kept for the editor's life, read again on {@link #refresh()}.
 * {@link #suggest(String)} reads only what is kept, so it may run on any thread; what it lacks it
 * asks for with {@link #want(String)} on the UI thread. A backend that cannot list ECR offers nothing,
 * and {@link #statusProperty()} says so.
 */
public final class ImageCatalog {
    private static final int MAX_SUGGESTIONS = 60;

    /** What is kept, replaced whole: read by the suggestion thread, written on the UI thread. */
    private record Known(List<ImageRepository> repositories, Map<String, List<ContainerImage>> images) {}

    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final Supplier<Instant> now;
    private volatile Known known = new Known(List.of(), Map.of());
    private boolean repositoriesAsked;
    private final Set<String> imagesAsked = new HashSet<>();
    /** Counts the reads, so an answer to a read before a refresh is dropped. */
    private int generation;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper();

    public ImageCatalog(EcsProvider provider, TaskExecutor executor, Supplier<Instant> now) {
        this.provider = provider;
        this.executor = executor;
        this.now = now;
    }

    /** On the UI thread: reads the repositories (once), and the images of the repository {@code typed} names (once each). */
    public void want(String typed) {
        if (!repositoriesAsked) {
            repositoriesAsked = true;
            readRepositories(generation);
        }
        ImageRepository r = repositoryOf(known, typed);
        if (r != null && imagesAsked.add(r.repositoryName())) {
            readImages(r.repositoryName(), generation);
        }
    }

    /** On the UI thread: forgets what is kept and reads the repositories again. */
    public void refresh() {
        generation++;
        known = new Known(List.of(), Map.of());
        imagesAsked.clear();
        repositoriesAsked = true;
        readRepositories(generation);
        changed();
    }

    private void readRepositories(int asked) {
        status.set("Reading the ECR repositories…");
        BackgroundTask.of(provider::describeRepositories)
                .onSuccess(repositories -> {
                    if (asked != generation) {
                        return;
                    }
                    known = new Known(List.copyOf(repositories), known.images());
                    status.set(Plural.of(repositories.size(), "ECR repository", "ECR repositories") + " to pick from");
                    changed();
                })
                .onFailure(error -> {
                    if (asked == generation) {
                        status.set(unsupported(error) ? "" : "No ECR suggestions: " + ErrorText.of(error));
                    }
                })
                .executeWith(executor);
    }

    private void readImages(String repositoryName, int asked) {
        BackgroundTask.of(() -> provider.describeImages(repositoryName))
                .onSuccess(images -> {
                    if (asked != generation) {
                        return;
                    }
                    Map<String, List<ContainerImage>> all = new HashMap<>(known.images());
                    all.put(repositoryName, List.copyOf(images));
                    known = new Known(known.repositories(), Map.copyOf(all));
                    changed();
                })
                .onFailure(error -> {
                    if (asked == generation) {
                        imagesAsked.remove(repositoryName); // asked again when typed again
                        status.set("No images of " + repositoryName + ": " + ErrorText.of(error));
                    }
                })
                .executeWith(executor);
    }

    /** A backend without ECR: it has nothing to offer, and that is no failure to report. */
    private static boolean unsupported(Throwable error) {
        return error instanceof UnsupportedOperationException
                || error instanceof EcsException e && "UnsupportedOperationException".equals(e.errorCode());
    }

    private void changed() {
        version.set(version.get() + 1);
    }

    /**
     * The suggestions for what is typed: while it names no repository, the repositories whose URI
     * starts with it or whose name contains it; once it is a repository's URI, that repository's tags
     * (after ":") and digests (after "@"), newest pushed first, each image's tags before its digest.
     */
    public List<ImageSuggestion> suggest(String typed) {
        Known k = known;
        String t = typed == null ? "" : typed.trim();
        ImageRepository r = repositoryOf(k, t);
        List<ImageSuggestion> out = new ArrayList<>();
        if (r == null) {
            String lower = t.toLowerCase(Locale.ROOT);
            k.repositories().stream()
                    .filter(x -> x.repositoryUri().startsWith(t) || x.repositoryName().toLowerCase(Locale.ROOT).contains(lower))
                    .sorted(Comparator.comparing(ImageRepository::repositoryName))
                    .forEach(x -> out.add(ImageSuggestion.repository(x)));
            return out.size() > MAX_SUGGESTIONS ? out.subList(0, MAX_SUGGESTIONS) : out;
        }
        String rest = t.substring(r.repositoryUri().length());
        boolean tags = !rest.startsWith("@");
        boolean digests = !rest.startsWith(":");
        String prefix = rest.isEmpty() ? "" : rest.substring(1);
        Instant at = now.get();
        List<ContainerImage> images = k.images().getOrDefault(r.repositoryName(), List.of()).stream()
                .sorted(Comparator.comparing((ContainerImage i) -> i.imagePushedAt() == null ? Instant.MIN : i.imagePushedAt()).reversed())
                .toList();
        for (ContainerImage i : images) {
            if (tags) {
                i.imageTags().stream().filter(tag -> tag.startsWith(prefix)).forEach(tag -> out.add(ImageSuggestion.tag(r, i, tag, at)));
            }
            if (digests && i.imageDigest() != null && i.imageDigest().startsWith(prefix)) {
                out.add(ImageSuggestion.digest(r, i, at));
            }
            if (out.size() >= MAX_SUGGESTIONS) {
                break;
            }
        }
        // What is typed exactly comes first: Enter, which picks the first, never swaps "3.4" for "3.4.1".
        out.sort(Comparator.comparing((ImageSuggestion s) -> !s.value().equals(t)));
        return out;
    }

    /** The repository whose URI the text starts with, followed by nothing, ":" or "@" (the longest such); null when none. */
    private static ImageRepository repositoryOf(Known k, String typed) {
        String t = typed == null ? "" : typed.trim();
        ImageRepository best = null;
        for (ImageRepository r : k.repositories()) {
            String uri = r.repositoryUri();
            if (uri != null && t.startsWith(uri) && (t.length() == uri.length() || t.charAt(uri.length()) == ':' || t.charAt(uri.length()) == '@')
                    && (best == null || uri.length() > best.repositoryUri().length())) {
                best = r;
            }
        }
        return best;
    }

    /** What the catalog has to offer, or why it has nothing ("" when it was not asked, or the backend has no ECR). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Goes up each time what is kept changes: an open suggestion list is shown again. */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }
}
